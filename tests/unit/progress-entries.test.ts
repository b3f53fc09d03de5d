import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../electron/core/progress';
import { appendRecord, appendRetraction, checkLogKey, LogEntryError } from '../../electron/core/recording';
import { checkEntryDate } from '../../electron/core/progress-log';
import { buildReview, compareReviews, ragOf } from '../../electron/core/review';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { logOf, testId } from '../support/log';

const ctx = {
  author: 'A. Colleague',
  now: new Date('2025-06-01T10:00:00Z'),
  today: '2025-06-01',
  newId: testId,
};
const milestones = bundledMilestones();

describe('the one date check', () => {
  it.each([
    ['2023-02-30', 'calendar'],
    ['2023-13-01', 'calendar'],
    ['0020-03-15', 'too-early'],
    ['1999-12-31', 'too-early'],
    ['2025-06-02', 'future'],
    ['15-03-2023', 'format'],
    ['2024-02-29', null],
    ['2025-06-01', null],
  ])('%s → %s', (date, problem) => {
    expect(checkEntryDate(date, '2025-06-01')).toBe(problem);
  });
});

describe('recording entries', () => {
  it('needs the date for achieved, partial and missed, and takes today only as "as of" for the others', () => {
    for (const status of ['achieved', 'partial', 'missed'] as const) {
      expect(() => appendRecord(EMPTY_STATE, { key: 'x', status }, ctx)).toThrow(
        /needs the date it happened/,
      );
    }
    expect(appendRecord(EMPTY_STATE, { key: 'x', status: 'planned' }, ctx).entry).toMatchObject({
      on: '2025-06-01',
      author: 'A. Colleague',
      recordedAt: '2025-06-01T10:00:00.000Z',
    });
  });

  it('keeps everything: a correction is a new entry, a withdrawal a retraction, and the state falls back', () => {
    let state: UserState = EMPTY_STATE;
    const first = appendRecord(state, { key: 'x', status: 'achieved', on: '2024-05-14' }, ctx);
    state = first.state;
    const later = { ...ctx, now: new Date('2025-06-01T11:00:00Z') };
    const second = appendRecord(
      state,
      { key: 'x', status: 'achieved', on: '2024-05-13', note: 'corrected' },
      later,
    );
    state = second.state;
    expect(deriveProgress(state).x).toMatchObject({ on: '2024-05-13', note: 'corrected', changes: 2 });
    state = appendRetraction(state, second.entry.id, {
      ...later,
      now: new Date('2025-06-01T12:00:00Z'),
    }).state;
    expect(deriveProgress(state).x).toMatchObject({ on: '2024-05-14', changes: 3 });
    expect(state.log).toHaveLength(3);
    expect(() => appendRetraction(state, second.entry.id, later)).toThrow(/already withdrawn/);
  });

  it('names a recurring milestone by its cycle and refuses keys that name nothing', () => {
    expect(() => checkLogKey(milestones, 'general-progress-report@2023-12-31', '2025-06-01')).not.toThrow();
    expect(() => checkLogKey(milestones, 'general-progress-report', '2025-06-01')).toThrow(LogEntryError);
    expect(() => checkLogKey(milestones, 'general-progress-report@2023-06-30', '2025-06-01')).toThrow(
      /not a cycle/,
    );
    expect(() => checkLogKey(milestones, 'act-rapid-deployment-capacity@2025-12-31', '2025-06-01')).toThrow(
      /not recurring/,
    );
    expect(() => checkLogKey(milestones, 'no-such-thing', '2025-06-01')).toThrow(/No milestone/);
  });
});

describe('the review over the log', () => {
  it('judges each cycle of a recurring milestone from its own log', () => {
    const log = logOf({
      'general-progress-report@2023-12-31': { status: 'achieved', achievedOn: '2023-03-20' },
      'general-progress-report@2024-12-31': { status: 'achieved', achievedOn: '2024-03-18' },
      'invest-defence-ministers-capability-meetings@2024-12-31': {
        status: 'achieved',
        achievedOn: '2024-05-14',
      },
    });
    const review = buildReview(milestones, log, '2024-12-31');
    const verdict = (key: string) => review.items.find((i) => i.key === key)?.verdict;
    expect(verdict('general-progress-report@2023-12-31')).toBe('on-time');
    expect(verdict('general-progress-report@2024-12-31')).toBe('on-time');
    expect(verdict('invest-defence-ministers-capability-meetings@2022-12-31')).toBe('unknown');
    expect(verdict('invest-defence-ministers-capability-meetings@2024-12-31')).toBe('on-time');
  });

  it('reads each item as of the date: a later entry does not speak for an earlier as-of date', () => {
    const log = [
      ...logOf({ 'act-rapid-deployment-capacity-scenarios': { status: 'in-progress', on: '2022-06-01' } }),
      {
        ...logOf({
          'act-rapid-deployment-capacity-scenarios': { status: 'achieved', achievedOn: '2023-02-01' },
        })[0]!,
        id: 'log-later-0001',
        recordedAt: '2099-02-01T00:00:00.000Z',
      },
    ];
    const at2023 = buildReview(milestones, log, '2023-01-15');
    const at2024 = buildReview(milestones, log, '2024-03-18');
    const item = (r: typeof at2023) =>
      r.items.find((i) => i.key === 'act-rapid-deployment-capacity-scenarios')!;
    expect(item(at2023)).toMatchObject({ verdict: 'overdue', status: 'in-progress', author: 'Test Author' });
    expect(item(at2024)).toMatchObject({ verdict: 'late', delayDays: 32, on: '2023-02-01' });
    const comparison = compareReviews(at2024, at2023);
    expect(comparison.from).toBe('2023-01-15');
    expect(comparison.moved).toContainEqual(
      expect.objectContaining({
        key: 'act-rapid-deployment-capacity-scenarios',
        from: 'overdue',
        to: 'late',
      }),
    );
    for (const [v, d] of Object.entries(comparison.delta)) {
      expect(d).toBe(
        at2024.totals[v as keyof typeof d & keyof typeof at2024.totals] -
          at2023.totals[v as keyof typeof at2023.totals],
      );
    }
    expect(comparison.stillOpen.every((m) => m.to === 'overdue' || m.to === 'unknown')).toBe(true);
  });

  it('follows every append: the progress and the review of each new log see its last entry', () => {
    const key = 'act-rapid-deployment-capacity-scenarios';
    let state: UserState = EMPTY_STATE;
    const seen: string[] = [];
    for (const [status, on] of [
      ['planned', '2022-04-01'],
      ['in-progress', '2022-09-01'],
      ['achieved', '2023-02-01'],
    ] as const) {
      state = appendRecord(state, { key, status, on }, ctx).state;
      // Derive first, as the app does; the review then shares that grouping of the same log.
      expect(deriveProgress(state)[key]?.status).toBe(status);
      const item = buildReview(milestones, state.log, '2025-12-31').items.find((i) => i.key === key)!;
      seen.push(`${item.status}:${item.verdict}`);
    }
    expect(seen).toEqual(['planned:overdue', 'in-progress:overdue', 'achieved:late']);
    // The earlier state's review is unchanged by what came after it.
    const before = appendRecord(EMPTY_STATE, { key, status: 'planned', on: '2022-04-01' }, ctx).state;
    buildReview(milestones, before.log, '2025-12-31');
    appendRecord(before, { key, status: 'achieved', on: '2022-05-01' }, ctx);
    expect(buildReview(milestones, before.log, '2025-12-31').items.find((i) => i.key === key)?.verdict).toBe(
      'overdue',
    );
  });

  it("counts a record under a recurring milestone's own id for the one cycle it falls in, unless withdrawn", () => {
    const id = 'invest-defence-ministers-capability-meetings';
    const recorded = appendRecord(EMPTY_STATE, { key: id, status: 'achieved', on: '2023-05-16' }, ctx);
    const verdicts = (log: UserState['log']) =>
      buildReview(milestones, log, '2024-12-31')
        .items.filter((i) => i.id === id)
        .map((i) => `${i.key}:${i.verdict}`);
    expect(verdicts(recorded.state.log)).toEqual([
      `${id}@2022-12-31:unknown`,
      `${id}@2023-12-31:on-time`,
      `${id}@2024-12-31:unknown`,
    ]);
    const withdrawn = appendRetraction(recorded.state, recorded.entry.id, ctx).state;
    expect(verdicts(withdrawn.log)).toEqual([
      `${id}@2022-12-31:unknown`,
      `${id}@2023-12-31:unknown`,
      `${id}@2024-12-31:unknown`,
    ]);
  });

  it('gives red, amber or green per group', () => {
    const zero = {
      'on-time': 0,
      late: 0,
      achieved: 0,
      partial: 0,
      missed: 0,
      dropped: 0,
      overdue: 0,
      unknown: 0,
    };
    expect(ragOf(4, { ...zero, 'on-time': 3, unknown: 1 })).toBe('green');
    expect(ragOf(4, { ...zero, 'on-time': 2, unknown: 2 })).toBe('amber');
    expect(ragOf(4, { ...zero, 'on-time': 3, overdue: 1 })).toBe('red');
    expect(ragOf(0, zero)).toBe('green');
    const review = buildReview(milestones, [], '2025-12-31');
    expect(review.byChapter.every((c) => c.rag === 'amber')).toBe(true);
    expect(review.bySection.length).toBeGreaterThan(0);
  });
});
