import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import nlUi from '../../electron/contract/locales/nl/ui.json';
import { renderApp } from './render-app';

/** A Dutch UI string by its key path, from the locale file itself. */
const nl = (path: string): string =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], nlUi) as string;

const openSettings = async () => {
  const app = await renderApp();
  await app.user.click(screen.getByRole('tab', { name: 'Settings' }));
  // The view is a chunk of its own: loading it can take a while on a busy machine.
  await screen.findByRole('heading', { name: 'Settings' }, { timeout: 10_000 });
  return app;
};

describe('settings', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:fake');
    URL.revokeObjectURL = vi.fn();
  });

  it('saves lead times as whole days, and explains what is wrong with bad input', async () => {
    const { api, user } = await openSettings();
    const field = screen.getByRole('textbox', { name: 'Remind this many days ahead' });
    expect(field).toHaveValue('30, 7, 1, 0');
    await user.clear(field);
    await user.type(field, '14, two');
    await user.tab();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Use whole numbers from 0 to 365/);
    expect(api.callsTo('updateSettings')).toEqual([]);
    await user.clear(field);
    await user.type(field, '3, 14{Enter}');
    expect(api.callsTo('updateSettings')).toEqual([{ leadTimesDays: [14, 3] }]);
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('saves switches and choices as they change', async () => {
    const { api, user } = await openSettings();
    await user.click(screen.getByRole('checkbox', { name: /weekend/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Start at login' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Day' }), '5');
    await user.click(screen.getByRole('checkbox', { name: 'Invest' }));
    expect(api.callsTo('updateSettings')).toEqual([
      { shiftWeekends: false },
      { startAtLogin: true },
      { digest: { enabled: true, weekday: 5, time: '09:00' } },
      { feed: expect.objectContaining({ chapters: ['invest'] }) },
    ]);
    expect(screen.getByRole('checkbox', { name: 'Start at login' })).toBeChecked();
  });

  it('refuses a feed port outside 1024–65535', async () => {
    const { api, user } = await openSettings();
    const port = screen.getByRole('textbox', { name: 'Port' });
    await user.clear(port);
    await user.type(port, '80');
    await user.tab();
    expect(port).toHaveAccessibleDescription('Choose a port from 1024 to 65535.');
    expect(api.callsTo('updateSettings')).toEqual([]);
  });

  it('saves the iCal file and the user’s data through the API’s saveFile', async () => {
    const { api, user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Download iCal file' }));
    await screen.findByText('compass.ics saved.');
    await user.click(screen.getByRole('button', { name: 'Export my data' }));
    await screen.findByText('state.json saved.');
    expect(api.callsTo('exportIcal')).toEqual([{ lang: 'nl', includeAchieved: true }]);
    expect(api.callsTo('saveFile')).toEqual([
      { content: 'BEGIN:VCALENDAR', fileName: 'compass.ics', mimeType: 'text/calendar' },
      expect.objectContaining({ fileName: 'state.json', mimeType: 'application/json' }),
    ]);
  });

  it('shows why a save failed, without saying it was saved', async () => {
    const { api, user } = await openSettings();
    api.failNext('saveFile', 'disk full');
    await user.click(screen.getByRole('button', { name: 'Export my data' }));
    await screen.findByText('disk full');
    expect(screen.queryByText(/saved\./)).toBeNull();
  });

  it('asks before an import replaces everything, and says how it went beside the Import button', async () => {
    const { api, user } = await openSettings();
    const file = new File(['{"format":"x"}'], 'backup.json', { type: 'application/json' });
    const picker = screen.getByLabelText('Import data…');
    await user.upload(picker, file);
    const dialog = await screen.findByRole('dialog', { name: 'Replace all your data?' });
    expect(dialog).toHaveTextContent('Importing ‘backup.json’ replaces all your progress');
    expect(dialog).toHaveTextContent('config.before-import-<time>.json');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo('importState')).toEqual([]);

    await user.upload(picker, file);
    await user.click(await screen.findByRole('button', { name: 'Yes, replace everything' }));
    expect(api.callsTo('importState')).toEqual([{ content: '{"format":"x"}' }]);
    const data = screen.getByRole('region', { name: 'Data' });
    expect(await within(data).findByText('Data imported.')).toBeTruthy();

    api.failNext('importState', 'not an export');
    await user.upload(picker, file);
    await user.click(await screen.findByRole('button', { name: 'Yes, replace everything' }));
    expect(await within(data).findByRole('alert')).toHaveTextContent(
      'Import failed, nothing was changed: not an export',
    );
  });

  it('shows the feed’s http and webcal addresses in Dutch when it is on, with copy and subscribe', async () => {
    const { user } = await openSettings();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'nl');
    expect(screen.queryByRole('textbox', { name: 'Feedadres (http)' })).toBeNull();
    await user.click(await screen.findByRole('checkbox', { name: nl('settings.feedEnabled') }));
    const http = await screen.findByRole('textbox', { name: nl('feedAddress.http') });
    expect(http).toHaveValue('http://127.0.0.1:17863/compass.ics');
    expect(screen.getByRole('textbox', { name: nl('feedAddress.webcal') })).toHaveValue(
      'webcal://127.0.0.1:17863/compass.ics',
    );
    expect(screen.getByRole('link', { name: nl('feedAddress.subscribe') })).toHaveAttribute(
      'href',
      'webcal://127.0.0.1:17863/compass.ics',
    );
    await user.click(screen.getByRole('button', { name: nl('feedAddress.copyWebcal') }));
    expect(await navigator.clipboard.readText()).toBe('webcal://127.0.0.1:17863/compass.ics');
    expect(await screen.findByText(nl('feedAddress.copied'))).toBeTruthy();
  });
});
