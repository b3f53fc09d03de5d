import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  dataFilters,
  icalFilters,
  reviewFilters,
  reviewFormatOf,
  reviewPrintUrl,
} from '../../electron/main/file-formats';
import { APP_INDEX_URL } from '../../electron/main/identity';
import { appMenuTemplate, type AppMenuActions } from '../../electron/main/menu-templates';
import { translator as shellTranslator } from '../../electron/node/i18n';

const calls: string[] = [];
const actions = Object.fromEntries(
  ['exportIcal', 'exportReview', 'exportData', 'importData', 'about', 'openDataFolder', 'quit'].map(
    (name) => [name, () => calls.push(name)],
  ),
) as unknown as AppMenuActions;

const submenu = (item: MenuItemConstructorOptions | undefined) =>
  (Array.isArray(item?.submenu) ? item.submenu : []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined =>
  items.flatMap((item) => [item, ...submenu(item)]).find((item) => item.label === label);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('the app menu (a template of data; no Electron needed)', () => {
  it('has File with the exports and the import, and Quit, on Windows and Linux (English)', () => {
    for (const platform of ['win32', 'linux']) {
      const menu = appMenuTemplate({ t: shellTranslator('en'), platform, devTools: false, actions });
      expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(submenu(menu[0]).map((item) => item.label ?? item.type)).toEqual([
        'Export iCal…',
        'Export review…',
        'separator',
        'Export data…',
        'Import data…',
        'separator',
        'Quit',
      ]);
      expect(find(menu, 'Quit')?.accelerator).toBe('CmdOrCtrl+Q');
      expect(find(menu, 'About Compass Timeline')).toBeDefined();
    }
  });

  it('puts About and Quit in the application menu on macOS, with the usual roles', () => {
    const menu = appMenuTemplate({ t: shellTranslator('nl'), platform: 'darwin', devTools: false, actions });
    expect(menu[0]!.label).toBe('Compass Timeline');
    expect(submenu(menu[0]).map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'Over Compass Timeline',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'Afsluiten',
    ]);
    expect(menu.map((item) => item.label)).toEqual([
      'Compass Timeline',
      'Bestand',
      'Bewerken',
      'Beeld',
      'Venster',
      'Help',
    ]);
    expect(submenu(menu[2]).map((item) => item.role)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('runs the matching action for each item', () => {
    const menu = appMenuTemplate({ t: shellTranslator('en'), platform: 'linux', devTools: false, actions });
    calls.length = 0;
    for (const label of [
      'Export iCal…',
      'Export review…',
      'Export data…',
      'Import data…',
      'About Compass Timeline',
      'Open data folder',
      'Quit',
    ]) {
      click(find(menu, label));
    }
    expect(calls).toEqual([
      'exportIcal',
      'exportReview',
      'exportData',
      'importData',
      'about',
      'openDataFolder',
      'quit',
    ]);
  });

  it('offers reload and developer tools only in the unpackaged app', () => {
    const roles = (devTools: boolean) =>
      submenu(appMenuTemplate({ t: shellTranslator('en'), platform: 'linux', devTools, actions })[2]).map(
        (i) => i.role,
      );
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('export files', () => {
  it('takes the review format from the chosen file name', () => {
    expect(reviewFormatOf('/home/ana/review.md')).toBe('md');
    expect(reviewFormatOf('C:\\Users\\ana\\Review.PDF')).toBe('pdf');
    expect(reviewFormatOf('/tmp/r.csv')).toBe('csv');
    expect(reviewFormatOf('/tmp/r.json')).toBe('json');
    expect(reviewFormatOf('/tmp/r.markdown')).toBe('md');
    expect(reviewFormatOf('/tmp/review')).toBeNull();
    expect(reviewFormatOf('/tmp/review.exe')).toBeNull();
  });

  it('offers translated filters for each save dialog', () => {
    expect(reviewFilters(shellTranslator('nl')).map((f) => f.extensions[0])).toEqual([
      'md',
      'pdf',
      'csv',
      'json',
    ]);
    expect(reviewFilters(shellTranslator('nl'))[2]!.name).toBe('CSV (spreadsheet)');
    expect(icalFilters(shellTranslator('en'))).toEqual([{ name: 'iCalendar', extensions: ['ics'] }]);
    expect(dataFilters(shellTranslator('en'))).toEqual([{ name: 'JSON', extensions: ['json'] }]);
  });

  it('prints the review from the app’s own page', () => {
    expect(reviewPrintUrl(APP_INDEX_URL, '2025-06-30')).toBe(
      'app://compass/index.html#/review?asOf=2025-06-30',
    );
  });
});

describe('the shell’s strings', () => {
  const load = (language: string) =>
    JSON.parse(
      readFileSync(resolve(__dirname, `../../electron/contract/locales/${language}/shell.json`), 'utf8'),
    ) as Record<string, unknown>;
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
      : [prefix];

  it('exist in Dutch and in English, key for key, none empty', () => {
    const nl = load('nl');
    const en = load('en');
    expect(keys(nl).sort()).toEqual(keys(en).sort());
    for (const [language, strings] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      for (const key of keys(strings)) {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
        expect(typeof value === 'string' && value.trim().length > 0, `${language}:${key}`).toBe(true);
      }
    }
  });

  it('are really translated where the languages differ', () => {
    expect(shellTranslator('nl')('tray.quit')).toBe('Afsluiten');
    expect(shellTranslator('en')('tray.quit')).toBe('Quit');
    expect(shellTranslator('nl')('dialog.importConfirm')).not.toBe(
      shellTranslator('en')('dialog.importConfirm'),
    );
  });
});
