import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PublicRecordFile } from '../../electron/core/public-record';
import bundled from '../../data/public-record.json';
import { renderApp, rowOf } from './render-app';

const record = bundled as PublicRecordFile;
const space = record.entries.find((e) => e.key === 'secure-space-strategy')!;

describe('the public record in the detail panel', () => {
  it('shows the record beside the state of play, with its sources as links, and adopts it in one action', async () => {
    const { api, user } = await renderApp({ publicRecord: record, today: '2026-12-10' });
    await user.type(screen.getByRole('searchbox'), 'Space Strategy');
    await user.click(rowOf('secure-space-strategy')!);
    const panel = await screen.findByRole('dialog');
    expect(within(panel).getByText('Nothing recorded yet.')).toBeInTheDocument();

    const block = within(panel).getByRole('region', { name: 'Public record' });
    expect(block.querySelector('.log-entry-head')).toHaveTextContent(/Achieved.*10 March 2023/);
    const sources = within(block).getByRole('list', { name: 'Sources' });
    const links = within(sources).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(space.evidence.map((s) => s.url));
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(within(sources).getAllByRole('listitem')[0]).toHaveTextContent('JOIN(2023) 9');
    expect(within(sources).getByText('(secondary source)')).toBeInTheDocument();

    await user.click(
      within(block).getByRole('button', { name: /^Adopt the public record's entry: Achieved/ }),
    );
    expect(api.callsTo('adoptPublicRecord')).toEqual([{ entryId: space.id }]);
    // It is now the user's own entry, with the note saying where it came from, and can't be adopted twice.
    // The panel's history is fetched again after the change.
    const entries = await within(panel).findByTestId('log-entries');
    expect(within(entries).getByText(`From the public record: ${space.note}`)).toBeInTheDocument();
    expect(within(entries).getByText(/Test User/)).toBeInTheDocument();
    expect(within(block).getByText('Your log already says this.')).toBeInTheDocument();
    expect(within(block).queryByRole('button', { name: /Adopt/ })).toBeNull();
    expect(api.callsTo('appendLogEntry')).toEqual([]);
  }, 30_000);

  it('shows no block for a milestone the public record says nothing about', async () => {
    const { user } = await renderApp({ publicRecord: record, today: '2026-12-10' });
    await user.click(rowOf('act-rapid-deployment-capacity')!);
    const panel = await screen.findByRole('dialog');
    expect(within(panel).queryByRole('region', { name: 'Public record' })).toBeNull();
  });
});

describe('the review from a chosen source', () => {
  it('computes from our records by default and from the public record when picked, and says which', async () => {
    const { api, user } = await renderApp({ publicRecord: record, today: '2026-12-10' });
    await user.click(screen.getByRole('tab', { name: 'Review 2025' }));
    const sources = await screen.findByRole('group', { name: 'Computed from' }, { timeout: 10_000 });
    expect(within(sources).getByRole('radio', { name: 'Our records' })).toBeChecked();
    expect(await screen.findByTestId('review-source', {}, { timeout: 10_000 })).toHaveTextContent(
      'Computed from: Our records',
    );

    await user.click(within(sources).getByRole('radio', { name: 'The public record' }));
    expect(api.callsTo('getReview').at(-1)).toMatchObject({ source: 'public' });
    await screen.findByText('Computed from: The public record', {}, { timeout: 10_000 });
    await user.click(within(sources).getByRole('radio', { name: /^Ours, then the public record/ }));
    expect(api.callsTo('getReview').at(-1)).toMatchObject({ source: 'ours-then-public' });
    await screen.findByText(
      'Computed from: Ours, then the public record where we have nothing',
      {},
      { timeout: 10_000 },
    );
  }, 30_000);
});

describe('the timeline marker', () => {
  it('marks the rows the public record has an entry for, in their accessible name', async () => {
    await renderApp({ publicRecord: record, today: '2026-12-10' });
    await screen.findByRole('treegrid');
    const marked = rowOf('act-rapid-deployment-capacity');
    expect(marked).not.toHaveClass('has-public-record');
    expect(marked?.getAttribute('aria-label')).not.toContain('The public record has an entry');
    const withRecord = [...document.querySelectorAll<HTMLElement>('.gantt-row.has-public-record')];
    expect(withRecord.length).toBeGreaterThan(0);
    const ids = new Set(record.entries.map((e) => e.key.split('@')[0]));
    for (const row of withRecord) {
      expect(ids.has(row.dataset.milestoneId!)).toBe(true);
      expect(row.getAttribute('aria-label')).toContain('The public record has an entry');
    }
  });
});
