import { describe, expect, it } from 'vitest';
import type { AnyMilestone, OwnMilestone } from '../../electron/core/milestone';
import { applyProgressPatch, logOf, reviewOf } from '../support/log';
import { formatShare, VERDICTS, type ReviewItem } from '../../electron/core/review';
import { EMPTY_STATE } from '../../electron/core/user-state';
import { EMPTY_PROGRESS, type Progress } from '../../electron/core/progress';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { milestone } from '../support/milestones';

const rec = (status: Progress['status'], achievedOn: string | null = null): Progress => ({
  ...EMPTY_PROGRESS,
  status,
  achievedOn,
});

/** A deadline due 2025-12-31 ("Uiterlijk in 2025"). */
const rdc = milestone('rdc', 'Uiterlijk in 2025');

const itemOf = (
  milestones: AnyMilestone[],
  progress: Parameters<typeof reviewOf>[1],
  asOf: string,
  key: string,
) => {
  const item = reviewOf(milestones, progress, asOf).items.find((i) => i.key === key);
  if (!item) throw new Error(`no review item ${key}`);
  return item;
};
const deadline = (progress: Progress | undefined, asOf = '2026-06-30') =>
  itemOf([rdc], progress ? { rdc: progress } : {}, asOf, 'rdc');

describe('deadline verdicts at the edges', () => {
  it('achieved on the due day is on time', () => {
    expect(deadline(rec('achieved', '2025-12-31'))).toMatchObject({ verdict: 'on-time', delayDays: 0 });
  });

  it('achieved one day late is late by one day', () => {
    expect(deadline(rec('achieved', '2026-01-01'))).toMatchObject({ verdict: 'late', delayDays: 1 });
  });

  it('achieved well before the deadline is on time', () => {
    expect(deadline(rec('achieved', '2023-04-01'))).toMatchObject({ verdict: 'on-time', delayDays: 0 });
  });

  it('a deadline due the day after the as-of date is not judged, only listed as not yet due', () => {
    const review = reviewOf([rdc], { rdc: rec('planned') }, '2025-12-30');
    expect(review.items).toEqual([]);
    expect(review.notYetDue).toEqual(['rdc']);
    expect(review.count).toBe(0);
    expect(review.onTimeShare).toBeNull();
  });

  it('a deadline due on the as-of date itself is judged: open means overdue by 0 days', () => {
    expect(deadline(rec('in-progress'), '2025-12-31')).toMatchObject({ verdict: 'overdue', delayDays: 0 });
  });

  it('planned or in progress after the deadline is overdue, counted in days up to the as-of date', () => {
    expect(deadline(rec('planned'), '2026-01-31')).toMatchObject({ verdict: 'overdue', delayDays: 31 });
    expect(deadline(rec('in-progress'), '2026-01-31')).toMatchObject({ verdict: 'overdue', delayDays: 31 });
  });

  it('achieved after the as-of date counts as still open on that date', () => {
    expect(deadline(rec('achieved', '2026-03-01'), '2026-01-31')).toMatchObject({
      verdict: 'overdue',
      delayDays: 31,
    });
  });

  it('partial, missed and dropped are reported as recorded', () => {
    expect(deadline(rec('partial')).verdict).toBe('partial');
    expect(deadline(rec('missed')).verdict).toBe('missed');
    expect(deadline(rec('dropped')).verdict).toBe('dropped');
  });

  it('an achievement always carries its date, so a deadline achieved is on time or late, never undated', () => {
    expect(deadline(rec('achieved', '2024-01-01'))).toMatchObject({ verdict: 'on-time', on: '2024-01-01' });
  });

  it('no recorded status is unknown even long past due, never overdue, achieved or missed', () => {
    const review = reviewOf([rdc], {}, '2030-01-01');
    expect(review.items[0]).toMatchObject({ verdict: 'unknown', status: 'unknown', delayDays: null });
    expect(review.totals).toMatchObject({ unknown: 1, overdue: 0, missed: 0, 'on-time': 0 });
    expect(review.longestOverdue).toEqual([]);
    expect(review.recordedShare).toBe(0);
  });

  it('reads the achievement date that recording progress through the store writes', () => {
    const state = applyProgressPatch(
      EMPTY_STATE,
      'rdc',
      { status: 'achieved', achievedOn: '2026-01-05' },
      new Date('2026-02-01T10:00:00Z'),
    );
    expect(itemOf([rdc], state.log, '2026-06-30', 'rdc')).toMatchObject({
      status: 'achieved',
      achievedOn: '2026-01-05',
      verdict: 'late',
      delayDays: 5,
    });
  });
});

describe('start commitments', () => {
  const drills = milestone('drills', 'Vanaf 2023'); // start 2023-01-01

  it('is delivered once under way, whatever day it began', () => {
    expect(itemOf([drills], { drills: rec('in-progress') }, '2025-12-31', 'drills')).toMatchObject({
      kind: 'start',
      due: '2023-01-01',
      verdict: 'achieved',
    });
    expect(itemOf([drills], { drills: rec('achieved', '2024-05-01') }, '2025-12-31', 'drills').verdict).toBe(
      'achieved',
    );
  });

  it('is overdue when still planned after its start date, and not due before it', () => {
    expect(itemOf([drills], { drills: rec('planned') }, '2023-03-20', 'drills')).toMatchObject({
      verdict: 'overdue',
      delayDays: 78,
    });
    expect(reviewOf([drills], {}, '2022-12-31').notYetDue).toEqual(['drills']);
  });
});

describe('recurring commitments', () => {
  const threat = milestone('threat', 'ten minste om de drie jaar', {}, 2022); // 2022, 2025, 2028 …
  const forum = milestone('forum', 'tweejaarlijkse', {}, 2022); // 2022, 2024, 2026 …

  it('counts every cycle that fell due once, as its own item', () => {
    const review = reviewOf([threat, forum], {}, '2025-12-31');
    expect(review.items.map((i) => i.key)).toEqual([
      'forum@2022-12-31',
      'threat@2022-12-31',
      'forum@2024-12-31',
      'threat@2025-12-31',
    ]);
    expect(review.items.every((i) => i.kind === 'cycle')).toBe(true);
    expect(review.count).toBe(4);
    expect(review.byKind).toEqual([expect.objectContaining({ kind: 'cycle', count: 4 })]);
  });

  it('a cycle recorded under its own key is judged like a deadline on the cycle date', () => {
    const progress = {
      'threat@2022-12-31': rec('achieved', '2022-11-15'),
      'threat@2025-12-31': rec('achieved', '2026-02-01'),
    };
    const review = reviewOf([threat], progress, '2026-06-30');
    expect(review.items.map((i) => [i.key, i.verdict, i.delayDays])).toEqual([
      ['threat@2022-12-31', 'on-time', 0],
      ['threat@2025-12-31', 'late', 32],
    ]);
  });

  it("the milestone's own achievement date marks the cycle whose period holds it as held, the others unknown", () => {
    const review = reviewOf([threat], { threat: rec('achieved', '2025-03-10') }, '2025-12-31');
    expect(review.items.map((i) => [i.key, i.verdict])).toEqual([
      ['threat@2022-12-31', 'unknown'],
      ['threat@2025-12-31', 'on-time'],
    ]);
    // As of the first progress report, the 2025 achievement says nothing about the 2022 cycle.
    expect(
      reviewOf([threat], { threat: rec('achieved', '2025-03-10') }, '2023-03-20').items.map((i) => i.verdict),
    ).toEqual(['unknown']);
  });

  it("any other status under the milestone's own id speaks for the cycle whose period holds its date", () => {
    const review = reviewOf([forum], logOf({ forum: { status: 'planned', on: '2024-02-01' } }), '2025-06-30');
    expect(review.items.map((i) => [i.key, i.verdict, i.delayDays])).toEqual([
      ['forum@2022-12-31', 'unknown', null],
      ['forum@2024-12-31', 'overdue', 181],
    ]);
  });
});

describe('totals and rates', () => {
  const milestones: AnyMilestone[] = [
    milestone('a', 'eind 2022'),
    milestone('b', 'eind 2022', { chapter: 'secure', section: 'Strategische domeinen', actor: 'Commission' }),
    milestone('c', 'medio 2023'),
    milestone('d', 'medio 2023'),
    milestone('e', 'in 2024'),
    milestone('f', null),
    milestone('g', 'in 2030'),
  ];
  const progress = {
    a: rec('achieved', '2022-12-01'),
    b: rec('achieved', '2023-02-01'),
    c: rec('planned'),
    e: rec('missed'),
  };
  const review = reviewOf(milestones, progress, '2025-12-31');

  it('totals count each item once under its verdict', () => {
    expect(review.count).toBe(5);
    expect(review.totals).toEqual({
      'on-time': 1,
      late: 1,
      achieved: 0,
      partial: 0,
      missed: 1,
      dropped: 0,
      overdue: 1,
      unknown: 1,
    });
    expect(Object.values(review.totals).reduce((a, b) => a + b, 0)).toBe(review.count);
    expect(review.undated).toEqual(['f']);
    expect(review.notYetDue).toEqual(['g']);
  });

  it('rates are shares of everything due, unknown included', () => {
    expect(review.onTimeShare).toBeCloseTo(1 / 5);
    expect(review.deliveredShare).toBeCloseTo(2 / 5);
    expect(review.recordedShare).toBeCloseTo(4 / 5);
    expect(formatShare(review.onTimeShare)).toBe('20%');
    expect(formatShare(null)).toBe('—');
  });

  it('breaks down by chapter, section, due year and actor, each adding up to the whole', () => {
    expect(review.byChapter.map((g) => [g.chapter, g.count, g.totals['on-time'], g.totals.late])).toEqual([
      ['act', 4, 1, 0],
      ['secure', 1, 0, 1],
    ]);
    expect(review.bySection.map((g) => [g.chapter, g.section, g.count])).toEqual([
      ['act', 'Handelen', 4],
      ['secure', 'Strategische domeinen', 1],
    ]);
    expect(review.byYear.map((g) => [g.year, g.count])).toEqual([
      [2022, 2],
      [2023, 2],
      [2024, 1],
    ]);
    expect(review.byActor.map((g) => [g.actor, g.count])).toEqual([
      ['EU', 4],
      ['Commission', 1],
    ]);
    for (const groups of [review.byChapter, review.bySection, review.byYear, review.byActor, review.byKind]) {
      for (const verdict of VERDICTS) {
        expect(groups.reduce((sum, g) => sum + g.totals[verdict], 0)).toBe(review.totals[verdict]);
      }
    }
  });

  it('lists the longest overdue first', () => {
    const open = reviewOf(
      milestones,
      { a: rec('planned'), c: rec('in-progress'), e: rec('planned') },
      '2025-12-31',
    );
    expect(open.longestOverdue.map((i: ReviewItem) => [i.key, i.delayDays])).toEqual([
      ['a', 1096],
      ['c', 915],
      ['e', 365],
    ]);
  });

  it("includes the user's own milestones, marked as their own", () => {
    const own: OwnMilestone = {
      ...milestone('x', 'eind 2024'),
      id: 'own-national-plan',
      own: true,
    } as OwnMilestone;
    const item = itemOf([own], {}, '2025-12-31', 'own-national-plan');
    expect(item).toMatchObject({ own: true, due: '2024-12-31', verdict: 'unknown' });
  });
});

describe('the bundled Compass as of 31 December 2025', () => {
  const review = reviewOf(bundledMilestones(), {}, '2025-12-31');

  it('judges the recurring commitments by cycle: threat analysis 2022 and 2025, forums 2022 and 2024', () => {
    const keys = review.items.filter((i) => i.kind === 'cycle').map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'general-threat-analysis@2022-12-31',
        'general-threat-analysis@2025-12-31',
        'partners-security-defence-partnership-forum-every-two-years@2022-12-31',
        'partners-security-defence-partnership-forum-every-two-years@2024-12-31',
        'invest-defence-ministers-capability-meetings@2025-12-31',
        'general-progress-report@2023-12-31',
      ]),
    );
    expect(keys).not.toContain('general-threat-analysis@2028-12-31');
    expect(new Set(review.items.map((i) => i.key)).size).toBe(review.items.length);
  });

  it('with nothing recorded, everything due is unknown and the 2050 goal is not yet due', () => {
    expect(review.totals.unknown).toBe(review.count);
    expect(review.notYetDue.length).toBeGreaterThan(0);
    expect(review.undated.length).toBe(bundledMilestones().filter((m) => m.kind === 'undated').length);
  });
});
