/** The shell's small start-up and save decisions, as pure functions. */
import { describe, expect, it } from 'vitest';
import { parseApiInput } from '../../electron/contract/api';
import { translator } from '../../electron/node/i18n';
import { extensionOf, filtersFor, withExtensionOf } from '../../electron/main/file-formats';
import { APP_ID, appUserModelId, devUserDataDir, TOAST_ACTIVATOR_CLSID } from '../../electron/main/identity';
import { trayIsShown } from '../../electron/main/desktop-env';

describe('who the app is on Windows', () => {
  it('uses the appId when installed and its own AppUserModelID when run from the sources', () => {
    expect(appUserModelId(true)).toBe(APP_ID);
    expect(appUserModelId(false)).toBe(`${APP_ID}.dev`);
  });
  it('has one fixed toast activator CLSID, in the braced form Electron prefers', () => {
    expect(TOAST_ACTIVATOR_CLSID).toMatch(
      /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/,
    );
  });
});

describe('a development run', () => {
  it('keeps its data (and single-instance lock) in a folder next to the installed app’s', () => {
    expect(devUserDataDir('/home/ana/.config/Compass Timeline')).toBe(
      '/home/ana/.config/Compass Timeline (development)',
    );
  });
});

describe('hide on close', () => {
  it('hides into the tray on Windows and macOS', () => {
    expect(trayIsShown('win32', {})).toBe(true);
    expect(trayIsShown('darwin', {})).toBe(true);
  });
  it('does not hide on plain GNOME, which shows no tray icons', () => {
    expect(trayIsShown('linux', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe(false);
    expect(trayIsShown('linux', { XDG_CURRENT_DESKTOP: 'GNOME-Classic:GNOME' })).toBe(false);
  });
  it('hides where a tray host runs: Ubuntu’s GNOME (AppIndicator), KDE, Xfce, and unknown desktops', () => {
    expect(trayIsShown('linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe(true);
    expect(trayIsShown('linux', { XDG_CURRENT_DESKTOP: 'KDE' })).toBe(true);
    expect(trayIsShown('linux', { XDG_CURRENT_DESKTOP: 'XFCE' })).toBe(true);
    expect(trayIsShown('linux', {})).toBe(true);
  });
});

describe('saving an export', () => {
  const t = translator('en');
  it('offers the filter of the file’s own type', () => {
    expect(filtersFor('compass-timeline.ics', t)).toEqual([{ name: 'iCalendar', extensions: ['ics'] }]);
    expect(filtersFor('compass-review-2025-12-31.csv', t)).toEqual([
      { name: 'CSV (spreadsheet)', extensions: ['csv'] },
    ]);
    expect(filtersFor('notes', t)).toEqual([]);
    expect(extensionOf('A.JSON')).toBe('json');
  });
  it('adds the extension when the user typed a name without one', () => {
    expect(withExtensionOf('/home/ana/review', 'compass-review-2025-12-31.md')).toBe('/home/ana/review.md');
    expect(withExtensionOf('/home/ana/review.txt', 'compass-review-2025-12-31.md')).toBe(
      '/home/ana/review.txt',
    );
    expect(withExtensionOf('C:\\Users\\ana.b\\review', 'x.csv')).toBe('C:\\Users\\ana.b\\review.csv');
  });
  it('takes only a plain file name from the renderer: no folders, no reserved or control characters', () => {
    const file = (fileName: string) =>
      parseApiInput('saveFile', { fileName, content: 'x', mimeType: 'text/plain' });
    expect(file('compass-review-2025-12-31.md').ok).toBe(true);
    for (const bad of ['../evil.md', 'a/b.md', 'C:\\x.md', 'a\u0000.md', '..', 'a:b', '']) {
      expect(file(bad).ok, bad).toBe(false);
    }
  });
});
