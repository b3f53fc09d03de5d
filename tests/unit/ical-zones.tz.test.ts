import { describe, expect, it } from 'vitest';
import { buildIcal } from '../../electron/core/ical';
import type { Milestone } from '../../electron/core/milestone';
import { applyProgressPatch } from '../support/log';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import { loadMilestones } from '../../electron/node/milestones-source';
import { eventByUid, triggersOf } from './ical-text';
import { reviewWords } from '../../electron/node/i18n';

// Runs in Europe/Brussels and America/New_York (vitest.config.ts): the feed is made of calendar
// dates and durations, so it must not depend on the machine's time zone, not even on the days
// the clocks change.
const base = loadMilestones().find((m) => m.id === 'act-rapid-deployment-capacity')!;
const on = (id: string, due: string): Milestone => ({ ...base, id, due, window: null });
const state: UserState = {
  ...EMPTY_STATE,
  settings: { ...EMPTY_STATE.settings, leadTimesDays: [1, 0], timeOfDay: '09:00', shiftWeekends: true },
};

describe(`buildIcal in ${process.env.TZ}`, () => {
  it('puts events on their calendar dates around the changes of the clocks', () => {
    // 30 March 2025 (Sunday): Europe springs forward. 2 November 2025 (Sunday): the US falls back.
    // 31 December 2025 (Wednesday): the year changes in DTEND.
    const text = buildIcal(
      [on('eu-dst', '2025-03-30'), on('us-dst', '2025-11-02'), on('new-year', '2025-12-31')],
      state,
      reviewWords,
    );
    const eu = eventByUid(text, 'eu-dst@compass-timeline');
    expect([eu.raw('DTSTART'), eu.raw('DTEND')]).toEqual(['VALUE=DATE:20250330', 'VALUE=DATE:20250331']);
    // Saturday 29 March → Friday 28 March 09:00; Sunday 30 March → Friday 28 March too: one alarm.
    expect(triggersOf(eu)).toEqual(['RELATED=START:-P1DT15H']);
    const us = eventByUid(text, 'us-dst@compass-timeline');
    expect([us.raw('DTSTART'), us.raw('DTEND')]).toEqual(['VALUE=DATE:20251102', 'VALUE=DATE:20251103']);
    expect(triggersOf(us)).toEqual(['RELATED=START:-P1DT15H']);
    const year = eventByUid(text, 'new-year@compass-timeline');
    expect([year.raw('DTSTART'), year.raw('DTEND')]).toEqual(['VALUE=DATE:20251231', 'VALUE=DATE:20260101']);
    expect(triggersOf(year)).toEqual(['RELATED=START:-PT15H', 'RELATED=START:PT9H']);
  });

  it('stamps with the instant of the status change in UTC', () => {
    const changed = applyProgressPatch(
      state,
      'new-year',
      { status: 'planned' },
      new Date('2025-06-01T22:30:00Z'),
    );
    expect(
      eventByUid(
        buildIcal([on('new-year', '2025-12-31')], changed, reviewWords),
        'new-year@compass-timeline',
      ).get('DTSTAMP'),
    ).toBe('20250601T223000Z');
  });
});
