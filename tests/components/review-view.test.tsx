import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompassApi, ExportedFile, SavedFile, Snapshot } from '../../electron/contract/api';
import type { Milestone } from '../../electron/core/milestone';
import type { LogEntry } from '../../electron/core/progress-log';
import { timelineMilestone } from '../../electron/core/timeline-milestone';
import { compareReviews, formatShare, VERDICTS } from '../../electron/core/review';
import { logOf, reviewOf, TEST_COVER } from '../support/log';
import { exportReview } from '../../electron/core/review-export';
import { DEFAULT_SETTINGS } from '../../electron/core/user-state';
import { EMPTY_PROGRESS, type Progress } from '../../electron/core/progress';
import dataset from '../../data/compass-milestones.json';
import { i18n } from '../../renderer/src/i18n';
import { ReviewView } from '../../renderer/src/review/ReviewView';
import { reviewWords } from '../../electron/node/i18n';

const COMPASS = dataset as Milestone[];
const rec = (status: Progress['status'], achievedOn: string | null = null): Progress => ({
  ...EMPTY_PROGRESS,
  status,
  achievedOn,
});

/** Three recorded statuses: one on time, one late (as of 2025), one still planned long after its deadline. */
const PROGRESS: Parameters<typeof reviewOf>[1] = {
  'act-rapid-deployment-capacity-scenarios': rec('achieved', '2022-11-30'), // due 2022-12-31
  'act-ad-hoc-missions-links': rec('achieved', '2023-02-01'), // due 2022-12-31: 32 days late
  'invest-defence-investment-gap-analysis': rec('planned'),
  'general-threat-analysis': rec('achieved', '2025-06-01'), // holds the 2025 cycle
};

/** The log each snapshot stands for (the snapshot itself carries no log; main builds the review). */
const logs = new WeakMap<Snapshot, LogEntry[]>();
let revision = 0;
function snapshotOf(progress: Parameters<typeof reviewOf>[1], today = '2026-02-10'): Snapshot {
  const snapshot: Snapshot = {
    revision: (revision += 1),
    today,
    milestones: COMPASS.map(timelineMilestone),
    progress: {},
    owners: {},
    author: 'Test User',
    settings: DEFAULT_SETTINGS,
    systemLocale: 'en-GB',
    notices: [],
  };
  logs.set(snapshot, Array.isArray(progress) ? [...progress] : logOf(progress as Record<string, Progress>));
  return snapshot;
}
const logIn = (snapshot: Snapshot): LogEntry[] => logs.get(snapshot) ?? [];

/** The API the view talks to, answering with the real core: buildReview and exportReview. */
function reviewApi(snapshot: () => Snapshot) {
  const getReview = vi.fn(async ({ asOf }: { asOf: string }) => {
    const s = snapshot();
    return reviewOf(COMPASS, logIn(s), asOf);
  });
  const exportReviewCall = vi.fn(
    async ({ asOf, format }: { asOf: string; format: 'md' | 'csv' | 'json' }) => {
      const s = snapshot();
      return {
        content: exportReview(
          { review: reviewOf(COMPASS, logIn(s), asOf), cover: TEST_COVER },
          format,
          'en',
          reviewWords('en'),
        ),
        fileName: `compass-review-${asOf}.${format}`,
        mimeType: `${{ md: 'text/markdown', csv: 'text/csv', json: 'application/json' }[format]}; charset=utf-8`,
      };
    },
  );
  const saveFile = vi.fn(async ({ fileName }: ExportedFile): Promise<SavedFile> => ({
    saved: true,
    fileName,
  }));
  const unexpected = () => Promise.reject(new Error('not used by the review'));
  const compareReviewsCall = vi.fn(async ({ from, to }: { from: string; to: string }) => {
    const s = snapshot();
    return compareReviews(reviewOf(COMPASS, logIn(s), from), reviewOf(COMPASS, logIn(s), to));
  });
  const api = new Proxy(
    {
      getReview,
      exportReview: exportReviewCall,
      compareReviews: compareReviewsCall,
      saveFile,
      on: () => () => {},
    } as object,
    {
      get: (target, key) => (key in target ? target[key as keyof typeof target] : unexpected),
    },
  ) as CompassApi;
  return { api, getReview, exportReview: exportReviewCall, saveFile };
}

function renderReview(progress = PROGRESS, beforeRender?: (calls: ReturnType<typeof reviewApi>) => void) {
  let snapshot = snapshotOf(progress);
  const calls = reviewApi(() => snapshot);
  beforeRender?.(calls);
  const onOpenMilestone = vi.fn();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ReviewView api={calls.api} snapshot={snapshot} onOpenMilestone={onOpenMilestone} />
    </I18nextProvider>,
  );
  const update = (next: Parameters<typeof reviewOf>[1]) => {
    snapshot = snapshotOf(next);
    view.rerender(
      <I18nextProvider i18n={i18n}>
        <ReviewView api={calls.api} snapshot={snapshot} onOpenMilestone={onOpenMilestone} />
      </I18nextProvider>,
    );
  };
  return { ...calls, onOpenMilestone, user: userEvent.setup(), update };
}

const card = (key: string) =>
  document.querySelector<HTMLElement>(`[data-card="${key}"] .review-card-value`)?.textContent;
const rowKeys = () =>
  [...document.querySelectorAll<HTMLElement>('.review-table tbody tr')].map((r) => r.dataset.key);

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
});

describe('ReviewView', () => {
  it('opens as of 31 December 2025 and shows the numbers buildReview computes', async () => {
    const { getReview } = renderReview();
    await screen.findByText('As of 31 December 2025');
    expect(getReview).toHaveBeenCalledWith({ asOf: '2025-12-31' });
    const review = reviewOf(COMPASS, PROGRESS, '2025-12-31');
    expect(card('due')).toBe(String(review.count));
    expect(card('onTime')).toBe(formatShare(review.onTimeShare));
    expect(card('overdue')).toBe(String(review.totals.overdue));
    expect(card('unknown')).toBe(String(review.totals.unknown));
    expect(review.totals['on-time']).toBeGreaterThanOrEqual(2);
    expect(review.totals.late).toBe(1);
  });

  it('switches the as-of date with the presets and recomputes', async () => {
    const { user, getReview } = renderReview();
    await screen.findByText('As of 31 December 2025');
    const preset = screen.getByRole('button', { name: 'Progress report, 20 March 2023' });
    expect(preset.getAttribute('aria-pressed')).toBe('false');
    await user.click(preset);
    await screen.findByText('As of 20 March 2023');
    expect(getReview).toHaveBeenLastCalledWith({ asOf: '2023-03-20' });
    expect(preset.getAttribute('aria-pressed')).toBe('true');
    expect(card('due')).toBe(String(reviewOf(COMPASS, PROGRESS, '2023-03-20').count));
    // "Today" is the snapshot's today, not the machine's clock.
    await user.click(screen.getByRole('button', { name: 'Today (10 February 2026)' }));
    await screen.findByText('As of 10 February 2026');
  });

  it('takes a date typed as YYYY-MM-DD on Enter or Show, and says how to fix one that is not a date', async () => {
    const { user, getReview } = renderReview();
    await screen.findByText('As of 31 December 2025');
    const input = screen.getByLabelText('Other date');
    expect(input.getAttribute('type')).toBe('text');
    expect(screen.getByText('Type a date as YYYY-MM-DD, e.g. 2024-03-18.')).toBeTruthy();
    await user.clear(input);
    await user.type(input, '18/03/2024{Enter}');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('‘18/03/2024’ is not a date. Type it as YYYY-MM-DD, e.g. 2024-03-18.'),
    ).toBeTruthy();
    expect(getReview).toHaveBeenLastCalledWith({ asOf: '2025-12-31' });
    await user.clear(input);
    await user.type(input, '2024-03-18{Enter}');
    await screen.findByText('As of 18 March 2024');
    expect(getReview).toHaveBeenLastCalledWith({ asOf: '2024-03-18' });
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await user.clear(input);
    await user.type(input, '2024-02-30');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.clear(input);
    await user.type(input, '2023-06-01');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByText('As of 1 June 2023');
  });

  it('takes the same YYYY-MM-DD date in Dutch', async () => {
    await i18n.changeLanguage('nl');
    const { user } = renderReview();
    const input = await screen.findByLabelText('Andere datum');
    await user.clear(input);
    await user.type(input, '2024-03-18{Enter}');
    await screen.findByText('Stand per 18 maart 2024');
  });

  it('recomputes when the recorded progress changes', async () => {
    const { update } = renderReview();
    await screen.findByText('As of 31 December 2025');
    const before = Number(card('overdue'));
    update({ ...PROGRESS, 'act-rapid-deployment-capacity': rec('in-progress') });
    await vi.waitFor(() => expect(Number(card('overdue'))).toBe(before + 1));
  });

  it('draws a stacked bar per chapter whose segments add up, with a text alternative', async () => {
    renderReview();
    await screen.findByText('As of 31 December 2025');
    const chart = screen.getByRole('img', { name: 'Verdicts per chapter' });
    const review = reviewOf(COMPASS, PROGRESS, '2025-12-31');
    for (const group of review.byChapter) {
      const segments = chart.querySelectorAll<SVGRectElement>(`[data-group="${group.chapter}"] rect`);
      const sum = [...segments].reduce((n, s) => n + Number(s.dataset.count), 0);
      expect(sum).toBe(group.count);
    }
    const description = document.getElementById(chart.getAttribute('aria-describedby')!)!.textContent!;
    const act = review.byChapter.find((g) => g.chapter === 'act')!;
    expect(description).toContain(`Act: ${act.count} commitments due`);
    expect(description).toContain(`${act.totals['on-time']} Achieved on time`);
    expect(screen.getByRole('img', { name: 'Verdicts per due year' })).toBeTruthy();
  });

  it('sorts the table by delay, longest first, and marks the sorted column', async () => {
    const { user } = renderReview();
    await screen.findByText('As of 31 December 2025');
    const header = screen.getByRole('columnheader', { name: /Delay \(days\)/ });
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(rowKeys()[0]).toBe('invest-defence-investment-gap-analysis');
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(rowKeys()[0]).toBe('act-rapid-deployment-capacity-scenarios'); // on time: 0 days
  });

  it('filters the table by verdict and by text, and says how many rows are shown', async () => {
    const { user } = renderReview();
    await screen.findByText('As of 31 December 2025');
    const total = reviewOf(COMPASS, PROGRESS, '2025-12-31').count;
    await user.selectOptions(screen.getByLabelText('Verdict'), 'late');
    expect(rowKeys()).toEqual(['act-ad-hoc-missions-links']);
    expect(screen.getByText(`1 of ${total} commitments shown`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.type(screen.getByLabelText('Search'), 'threat analysis');
    expect(rowKeys()).toEqual(
      expect.arrayContaining(['general-threat-analysis@2022-12-31', 'general-threat-analysis@2025-12-31']),
    );
    await user.selectOptions(screen.getByLabelText('Verdict'), 'missed');
    expect(rowKeys()).toEqual([]);
    expect(screen.getByText('No commitment matches these filters.')).toBeTruthy();
  });

  it('opens the detail panel of a row by click and by keyboard, with the milestone id of a cycle', async () => {
    const { user, onOpenMilestone } = renderReview();
    await screen.findByText('As of 31 December 2025');
    await user.click(document.querySelector('tr[data-key="act-ad-hoc-missions-links"] td')!);
    expect(onOpenMilestone).toHaveBeenLastCalledWith('act-ad-hoc-missions-links');
    const row = document.querySelector<HTMLElement>('tr[data-key="general-threat-analysis@2025-12-31"]')!;
    within(row).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(onOpenMilestone).toHaveBeenLastCalledWith('general-threat-analysis');
  });

  it('lists the longest overdue and whether each recurring cycle was held', async () => {
    renderReview();
    await screen.findByText('As of 31 December 2025');
    const overdue = screen.getByRole('heading', { name: 'Longest overdue' })
      .nextElementSibling as HTMLElement;
    expect(within(overdue).getAllByRole('listitem')[0]!.textContent).toMatch(/days overdue/);
    const recurring = screen.getByRole('heading', { name: 'Recurring commitments' }).parentElement!;
    const threat = within(recurring)
      .getByRole('button', { name: /threat analysis/i })
      .closest('li')!;
    const cycles = within(threat)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(cycles).toEqual([
      expect.stringMatching(/31 Dec 2022: not recorded \(Due, nothing recorded\)/),
      expect.stringMatching(/31 Dec 2025: held \(Achieved on time\)/),
    ]);
  });

  it('shows a card for every verdict, RAG per chapter and section, and the latest entry with its author', async () => {
    renderReview();
    await screen.findByText('As of 31 December 2025');
    const review = reviewOf(COMPASS, PROGRESS, '2025-12-31');
    for (const v of VERDICTS) {
      const card = document.querySelector(`[data-card="verdict-${v}"]`)!;
      expect(card.querySelector('.review-card-value')!.textContent).toBe(String(review.totals[v]));
    }
    const rag = screen.getByRole('heading', { name: /Red, amber, green per chapter/ }).parentElement!;
    for (const c of review.byChapter) {
      expect(rag.querySelector(`[data-rag-chapter="${c.chapter}"]`)!.textContent).toContain(
        { red: 'Red', amber: 'Amber', green: 'Green' }[c.rag],
      );
    }
    const entries = screen.getByTestId('review-entries');
    expect(within(entries).getAllByRole('row')).toHaveLength(
      1 + review.items.filter((i) => i.entryId).length,
    );
    expect(entries.textContent).toContain('Test Author');
  });

  it('compares with an earlier progress report: what moved', async () => {
    const user = userEvent.setup();
    renderReview();
    await screen.findByText('As of 31 December 2025');
    await user.click(screen.getByRole('button', { name: 'Compare with Progress report, 18 March 2024' }));
    const comparison = await screen.findByTestId('review-comparison');
    expect(comparison.textContent).toContain('18 March 2024 compared with 31 December 2025');
    const expected = compareReviews(
      reviewOf(COMPASS, PROGRESS, '2024-03-18'),
      reviewOf(COMPASS, PROGRESS, '2025-12-31'),
    );
    expect(within(comparison).getAllByRole('listitem')).toHaveLength(expected.moved.length);
  });

  describe('exports', () => {
    it.each([
      ['Markdown', 'md'],
      ['CSV', 'csv'],
      ['JSON', 'json'],
    ] as const)('saves the %s export of the chosen as-of date as a file', async (label, format) => {
      const { user, exportReview: exportCall, saveFile } = renderReview();
      await screen.findByText('As of 31 December 2025');
      await user.click(screen.getByRole('button', { name: 'Progress report, 18 March 2024' }));
      await screen.findByText('As of 18 March 2024');
      await user.click(screen.getByRole('button', { name: `Export as ${label}` }));
      await screen.findByText(`compass-review-2024-03-18.${format} exported.`);
      expect(exportCall).toHaveBeenLastCalledWith({ asOf: '2024-03-18', format });
      expect(saveFile).toHaveBeenCalledTimes(1);
      expect(saveFile.mock.calls[0]![0]).toEqual({
        fileName: `compass-review-2024-03-18.${format}`,
        mimeType: expect.stringMatching(/; charset=utf-8$/),
        content: exportReview(
          { review: reviewOf(COMPASS, PROGRESS, '2024-03-18'), cover: TEST_COVER },
          format,
          'en',
          reviewWords('en'),
        ),
      });
    });

    it('names the file the user saved it as, and says nothing when the save is cancelled', async () => {
      const { user, saveFile } = renderReview();
      await screen.findByText('As of 31 December 2025');
      saveFile.mockResolvedValueOnce({ saved: true, fileName: 'review for the board.md' });
      await user.click(screen.getByRole('button', { name: 'Export as Markdown' }));
      await screen.findByText('review for the board.md exported.');
      saveFile.mockResolvedValueOnce({ saved: false });
      await user.click(screen.getByRole('button', { name: 'Export as CSV' }));
      await waitFor(() => expect(screen.queryByText(/exported\./)).toBeNull());
      expect(saveFile).toHaveBeenCalledTimes(2);
    });

    it('says so when the export fails', async () => {
      const { user, exportReview: exportCall, saveFile } = renderReview();
      await screen.findByText('As of 31 December 2025');
      exportCall.mockRejectedValueOnce(new Error('disk full'));
      await user.click(screen.getByRole('button', { name: 'Export as CSV' }));
      expect((await screen.findByRole('alert')).textContent).toBe('The export failed: disk full');
      expect(saveFile).not.toHaveBeenCalled();
    });
  });

  it('shows why the review could not be calculated and tries again on request', async () => {
    const { user } = renderReview(PROGRESS, ({ getReview }) =>
      getReview.mockRejectedValueOnce(new Error('store unreadable')),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The review could not be calculated: store unreadable',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('As of 31 December 2025');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks Dutch, with Dutch dates and chapter names', async () => {
    await act(() => i18n.changeLanguage('nl'));
    renderReview();
    await screen.findByText('Stand per 31 december 2025');
    expect(screen.getByRole('heading', { name: 'Samenvatting' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Voortgangsverslag, 20 maart 2023' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Oordelen per hoofdstuk' }).textContent).toContain('Handelen');
    expect(screen.getByRole('button', { name: 'Exporteer als CSV' })).toBeTruthy();
  });
});
