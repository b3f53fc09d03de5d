import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, rowOf } from './render-app';

const openDetail = async (user: Awaited<ReturnType<typeof renderApp>>['user'], id: string) => {
  await user.click(rowOf(id)!);
  return screen.findByRole('dialog');
};

describe('the detail panel', () => {
  it('shows both titles, the verbatim quote with section and line, and the date phrase with what it resolved to', async () => {
    const { user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent(
      'EU Rapid Deployment Capacity fully operational',
    );
    expect(within(panel).getByText('Snel inzetbare EU-capaciteit volledig operationeel')).toHaveAttribute(
      'lang',
      'nl',
    );
    const quote = panel.querySelector('blockquote')!;
    expect(quote.textContent).toMatch(/^Uiterlijk in 2025 zal een snel inzetbare EU-capaciteit/);
    expect(quote).toHaveAttribute('lang', 'nl');
    expect(within(panel).getByText('Strategic Compass (Dutch text), Handelen, line 230')).toBeInTheDocument();
    expect(within(panel).getByText('Uiterlijk in 2025')).toBeInTheDocument();
    expect(
      within(panel).getByText(
        'due 31 December 2025; window 1 January 2025 – 31 December 2025; runs from 21 March 2022',
      ),
    ).toBeInTheDocument();
  });

  it('explains a recurring commitment by its cycles', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox'), 'threat analysis repeated');
    const panel = await openDetail(user, 'general-threat-analysis');
    expect(
      within(panel).getByText('every 3 years from 31 December 2022 (through 2030: 2022, 2025, 2028)'),
    ).toBeInTheDocument();
  });

  it('saves nothing while choosing: arrow keys through the status list and typing a date write no entry', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    expect(within(panel).getByText('Nothing recorded yet.')).toBeInTheDocument();
    const status = within(panel).getByRole('combobox', { name: 'Status' });
    status.focus();
    for (let i = 0; i < 5; i += 1) await user.keyboard('{ArrowDown}');
    await user.selectOptions(status, 'achieved');
    await user.type(within(panel).getByLabelText('Date it was achieved'), '2024-05-14');
    await user.type(within(panel).getByRole('textbox', { name: 'Note' }), 'Declared operational');
    await user.tab();
    expect(api.callsTo('appendLogEntry')).toEqual([]);

    await user.click(within(panel).getByRole('button', { name: 'Save entry' }));
    expect(api.callsTo('appendLogEntry')).toEqual([
      {
        key: 'act-rapid-deployment-capacity',
        status: 'achieved',
        on: '2024-05-14',
        note: 'Declared operational',
        evidence: [],
      },
    ]);
    expect(await within(panel).findByText('Entry saved.')).toBeInTheDocument();
    expect(rowOf('act-rapid-deployment-capacity')).toHaveAccessibleName(
      /status Achieved, achieved on 14 May 2024, 596 days early$/,
    );
    // The state of play shows the entry (the log is fetched again once saved): status, date, author, note.
    const entries = await within(panel).findByTestId('log-entries');
    await waitFor(() => expect(entries).toHaveTextContent(/Achieved on 14 May 2024 \(current\)/));
    expect(entries).toHaveTextContent('recorded by Test User');
    expect(entries).toHaveTextContent('Declared operational');
  });

  it('asks for the date an achievement happened and refuses impossible and future dates', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Status' }), 'achieved');
    const save = within(panel).getByRole('button', { name: 'Save entry' });
    await user.click(save);
    const date = within(panel).getByLabelText('Date it was achieved');
    expect(date).toHaveAccessibleDescription(/Give the date it happened: nothing is assumed/);
    await user.type(date, '2099-01-01');
    await user.click(save);
    expect(date).toHaveAccessibleDescription(/after today \(2024-06-15\)/);
    expect(api.callsTo('appendLogEntry')).toEqual([]);
  });

  it('refuses an evidence link that is not http(s), with a message saying how to fix it', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    const link = within(panel).getByRole('textbox', { name: 'Link' });
    await user.type(link, 'javascript:alert(1)');
    await user.click(within(panel).getByRole('button', { name: 'Save entry' }));
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(link).toHaveAccessibleDescription(/must start with http:\/\/ or https:\/\//);
    expect(api.callsTo('appendLogEntry')).toEqual([]);

    await user.clear(link);
    await user.type(link, 'https://www.consilium.europa.eu/rdc');
    await user.type(within(panel).getByRole('textbox', { name: 'Description' }), 'Council conclusions');
    await user.click(within(panel).getByRole('button', { name: 'Save entry' }));
    expect(api.callsTo('appendLogEntry').at(-1)).toMatchObject({
      key: 'act-rapid-deployment-capacity',
      status: 'planned',
      on: null,
      evidence: [
        {
          title: 'Council conclusions',
          url: 'https://www.consilium.europa.eu/rdc',
          date: null,
          publisher: null,
        },
      ],
    });
    await user.click(await within(panel).findByRole('button', { name: 'Open link' }));
    expect(api.callsTo('openExternal')).toEqual([{ url: 'https://www.consilium.europa.eu/rdc' }]);
  });

  it('withdraws an entry: it stays in the log, marked as withdrawn, and the state falls back', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    await user.click(within(panel).getByRole('button', { name: 'Save entry' })); // planned, as of today
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Status' }), 'missed');
    await user.type(within(panel).getByLabelText('Date it was missed'), '2024-06-01');
    await user.click(within(panel).getByRole('button', { name: 'Save entry' }));
    await waitFor(() =>
      expect(within(panel).getByTestId('log-entries')).toHaveTextContent(/Missed on 1 June 2024 \(current\)/),
    );
    await user.click(within(panel).getByRole('button', { name: 'Withdraw the entry Missed of 2024-06-01' }));
    expect(api.callsTo('retractLogEntry')).toHaveLength(1);
    expect(await within(panel).findByText('Withdrawn by Test User.')).toBeInTheDocument();
    expect(rowOf('act-rapid-deployment-capacity')).toHaveAccessibleName(/status Planned$/);
    expect(api.state().log).toHaveLength(3);
  });

  it('lets a recurring milestone be recorded per cycle', async () => {
    const { api, user } = await renderApp();
    await user.type(screen.getByRole('searchbox'), 'progress report');
    const panel = await openDetail(user, 'general-progress-report');
    const cycle = within(panel).getByRole('combobox', { name: 'Cycle' });
    expect(
      within(cycle)
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value),
    ).toEqual(['2023-12-31', '2024-12-31']);
    await user.selectOptions(cycle, '2023-12-31');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Status' }), 'achieved');
    await user.type(within(panel).getByLabelText('Date it was achieved'), '2023-03-20');
    await user.click(within(panel).getByRole('button', { name: 'Save entry' }));
    expect(api.callsTo('appendLogEntry')).toEqual([
      expect.objectContaining({
        key: 'general-progress-report@2023-12-31',
        status: 'achieved',
        on: '2023-03-20',
      }),
    ]);
    expect(api.snapshot().progress['general-progress-report@2023-12-31']?.status).toBe('achieved');
  });

  it('mutes reminders with the checkbox', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    await user.click(within(panel).getByRole('checkbox', { name: 'No reminders for this milestone' }));
    expect(api.callsTo('setMuted')).toEqual([{ id: 'act-rapid-deployment-capacity', muted: true }]);
    expect(within(panel).getByRole('checkbox', { name: 'No reminders for this milestone' })).toBeChecked();
  });

  it('shows the reason when saving fails', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    api.failNext('appendLogEntry', 'the store is read-only');
    await user.click(within(panel).getByRole('button', { name: 'Save entry' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Saving failed: the store is read-only',
    );
  });

  it('closes with Esc and with the close button, focus going back to the row', async () => {
    const { user } = await renderApp();
    await openDetail(user, 'act-rapid-deployment-capacity');
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(rowOf('act-rapid-deployment-capacity')).toHaveFocus();
  });
});
