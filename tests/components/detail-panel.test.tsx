import { screen, within } from '@testing-library/react';
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

  it('saves a status change at once and the Gantt row follows, with the change in the history', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    expect(within(panel).getByText('No status changes yet.')).toBeInTheDocument();
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Status' }), 'achieved');
    expect(api.callsTo('updateProgress')).toEqual([
      { id: 'act-rapid-deployment-capacity', patch: { status: 'achieved' } },
    ]);
    expect(await within(panel).findByText('Saved.')).toBeInTheDocument();
    expect(rowOf('act-rapid-deployment-capacity')).toHaveAccessibleName(/status Achieved, achieved on /);
    expect(within(panel).getByRole('listitem')).toHaveTextContent(/Unknown → Achieved$/);
    // The store filled in the day it was achieved; the field shows it.
    expect(within(panel).getByLabelText('Achieved on')).toHaveValue('2024-06-15');
  });

  it('refuses an evidence link that is not http(s), with a message saying how to fix it', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    const link = within(panel).getByRole('textbox', { name: 'Link' });
    await user.type(link, 'javascript:alert(1)');
    await user.tab();
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(link).toHaveAccessibleDescription(/must start with http:\/\/ or https:\/\//);
    expect(api.callsTo('updateProgress')).toEqual([]);

    await user.clear(link);
    await user.type(link, 'https://www.consilium.europa.eu/rdc');
    await user.type(within(panel).getByRole('textbox', { name: 'Description' }), 'Council conclusions');
    await user.tab();
    expect(api.callsTo('updateProgress').at(-1)).toEqual({
      id: 'act-rapid-deployment-capacity',
      patch: { evidence: { text: 'Council conclusions', url: 'https://www.consilium.europa.eu/rdc' } },
    });
    await user.click(await within(panel).findByRole('button', { name: 'Open link' }));
    expect(api.callsTo('openExternal')).toEqual([{ url: 'https://www.consilium.europa.eu/rdc' }]);
  });

  it('saves the note when leaving it, and mutes reminders', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    await user.type(within(panel).getByRole('textbox', { name: 'Note' }), 'Waiting for the Council');
    expect(api.callsTo('updateProgress')).toEqual([]);
    await user.tab();
    await user.click(within(panel).getByRole('checkbox', { name: 'No reminders for this milestone' }));
    expect(api.callsTo('updateProgress')).toEqual([
      { id: 'act-rapid-deployment-capacity', patch: { note: 'Waiting for the Council' } },
      { id: 'act-rapid-deployment-capacity', patch: { muted: true } },
    ]);
    expect(within(panel).getByRole('checkbox', { name: 'No reminders for this milestone' })).toBeChecked();
  });

  it('shows the reason when saving fails', async () => {
    const { api, user } = await renderApp();
    const panel = await openDetail(user, 'act-rapid-deployment-capacity');
    api.failNext('updateProgress', 'the store is read-only');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Status' }), 'missed');
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
