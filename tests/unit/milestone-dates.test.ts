/**
 * One list of a milestone's dates: the feed, the reminders, the review and the timeline's facts
 * all see the dates `occurrencesUntil` gives, for any milestone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plusDays } from '../../electron/core/calendar-date';
import { feedEventsOf } from '../../electron/core/ical';
import type { Milestone } from '../../electron/core/milestone';
import { occurrencesUntil } from '../../electron/core/occurrences';
import { remindersBetween } from '../../electron/core/reminders';
import { buildReview } from '../../electron/core/review';
import { EMPTY_STATE } from '../../electron/core/user-state';
import { dueYears, keyDate } from '../../renderer/src/timeline/facts';
import { milestone } from '../support/milestones';

const HORIZON = '2030-12-31';

const isoDay = fc
  .integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2031, 11, 31) })
  .map((ms) => new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10));

const dated: fc.Arbitrary<Milestone> = fc
  .record({
    kind: fc.constantFrom('deadline', 'start', 'recurring', 'undated'),
    date: fc.option(isoDay, { nil: null }),
    everyYears: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ kind, date, everyYears }) =>
    milestone('m-1', null, {
      kind,
      due: kind === 'deadline' ? date : null,
      start: kind === 'start' ? date : null,
      window: null,
      recurrence: kind === 'recurring' && date ? { everyYears, first: date } : null,
    } as Partial<Milestone>),
  );

/** The dates reminders fall due for, from a reminder on the day itself (lead 0, no weekend shift). */
const reminderDates = (m: Milestone) =>
  remindersBetween(
    [m],
    { ...EMPTY_STATE, settings: { ...EMPTY_STATE.settings, leadTimesDays: [0], shiftWeekends: false } },
    new Date(2021, 11, 31),
    new Date(2030, 11, 31, 23, 59),
  ).map((r) => r.due);

describe("one list of a milestone's dates", () => {
  it('the feed, the reminders, the review and the timeline see the same dates', () => {
    fc.assert(
      fc.property(dated, (m) => {
        const dates = occurrencesUntil(m, HORIZON).map((o) => o.date);
        const feed = feedEventsOf(m, HORIZON).map((e) => e.date);
        const review = buildReview([m], [], HORIZON).items.map((i) => i.due);
        const years = dueYears(m, HORIZON);
        expect(feed).toEqual(dates);
        expect(years).toEqual(dates.map((d) => Number(d.slice(0, 4))));
        // The review judges what fell due by its as-of date; reminders cover what they are asked about.
        expect(review).toEqual(dates.filter((d) => d <= HORIZON));
        expect(reminderDates(m)).toEqual(dates.filter((d) => d <= HORIZON));
        // The row's date is one of them: the next from today, else the last.
        const today = '2026-06-15';
        const ahead = occurrencesUntil(m, plusDays(today, 366 * 10)).map((o) => o.date);
        expect(keyDate(m, today)).toBe(ahead.find((d) => d >= today) ?? ahead.at(-1) ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it('a deadline after the horizon still has its date; cycles stop at it', () => {
    const late = milestone('late', null, {
      kind: 'deadline',
      due: '2031-06-30',
      start: null,
      recurrence: null,
      window: null,
    });
    expect(occurrencesUntil(late, HORIZON).map((o) => o.date)).toEqual(['2031-06-30']);
    const cycle = milestone('cycle', null, {
      kind: 'recurring',
      due: null,
      start: null,
      window: null,
      recurrence: { everyYears: 4, first: '2023-12-31' },
    });
    expect(occurrencesUntil(cycle, HORIZON).map((o) => o.key)).toEqual([
      'cycle@2023-12-31',
      'cycle@2027-12-31',
    ]);
  });
});
