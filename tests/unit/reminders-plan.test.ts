import { describe, expect, it } from 'vitest';
import { applyProgressPatch } from '../support/log';
import { planReminders, reminderForKey, remindersBetween, snoozeUntil } from '../../electron/core/reminders';
import { loadMilestones } from '../../electron/node/milestones-source';
import { deadline, local, recurring, stateWith, wall } from './reminders-fixtures';

const endOfYear = deadline('end-of-year', '2025-12-31'); // a Wednesday

describe('which reminders a milestone gets', () => {
  it('one per lead time (30, 7, 1 days and the day itself) at 09:00 local time', () => {
    const reminders = remindersBetween([endOfYear], stateWith(), local(2025, 1, 1), local(2026, 1, 1));
    expect(reminders.map((r) => [r.key, wall(r.at)])).toEqual([
      ['end-of-year#30', '2025-12-01 09:00'],
      ['end-of-year#7', '2025-12-24 09:00'],
      ['end-of-year#1', '2025-12-30 09:00'],
      ['end-of-year#0', '2025-12-31 09:00'],
    ]);
  });

  it('follows the lead times and time of day from the settings', () => {
    const reminders = remindersBetween(
      [endOfYear],
      stateWith({ leadTimesDays: [14, 14, 2], timeOfDay: '07:45' }),
      local(2025, 1, 1),
      local(2026, 1, 1),
    );
    expect(reminders.map((r) => [r.leadDays, wall(r.at)])).toEqual([
      [14, '2025-12-17 07:45'],
      [2, '2025-12-29 07:45'],
    ]);
  });

  it('moves a reminder on a Saturday or Sunday to the Friday before, one per day', () => {
    const saturday = deadline('saturday', '2025-05-17');
    const shifted = remindersBetween([saturday], stateWith(), local(2025, 1, 1), local(2026, 1, 1));
    expect(shifted.map((r) => [r.key, wall(r.at)])).toEqual([
      ['saturday#30', '2025-04-17 09:00'], // Thursday
      ['saturday#7', '2025-05-09 09:00'], // Saturday 10 May → Friday
      // Saturday (day itself) and Friday (1 day before) fall on the same Friday: one reminder.
      ['saturday#0', '2025-05-16 09:00'],
    ]);
    const unshifted = remindersBetween(
      [saturday],
      stateWith({ shiftWeekends: false }),
      local(2025, 1, 1),
      local(2026, 1, 1),
    );
    expect(unshifted.map((r) => wall(r.at))).toEqual([
      '2025-04-17 09:00',
      '2025-05-10 09:00',
      '2025-05-16 09:00',
      '2025-05-17 09:00',
    ]);
  });

  it('gives none for achieved, dropped or muted milestones, and again after reopening', () => {
    const range = [local(2025, 1, 1), local(2026, 1, 1)] as const;
    const at = local(2025, 1, 2);
    for (const status of ['achieved', 'dropped'] as const) {
      const state = applyProgressPatch(stateWith(), 'end-of-year', { status }, at);
      expect(remindersBetween([endOfYear], state, ...range)).toEqual([]);
      const reopened = applyProgressPatch(state, 'end-of-year', { status: 'in-progress' }, at);
      expect(remindersBetween([endOfYear], reopened, ...range)).toHaveLength(4);
    }
    for (const status of ['partial', 'missed', 'planned'] as const) {
      const state = applyProgressPatch(stateWith(), 'end-of-year', { status }, at);
      expect(remindersBetween([endOfYear], state, ...range)).toHaveLength(4);
    }
    const muted = applyProgressPatch(stateWith(), 'end-of-year', { muted: true }, at);
    expect(remindersBetween([endOfYear], muted, ...range)).toEqual([]);
  });

  it('reminds of every cycle of the recurring commitments: the forum every two years, the ministers yearly', () => {
    const dataset = loadMilestones().filter((m) =>
      [
        'partners-security-defence-partnership-forum-every-two-years',
        'invest-defence-ministers-capability-meetings',
      ].includes(m.id),
    );
    expect(dataset).toHaveLength(2);
    const dayItselfKeys = (from: Date, to: Date) =>
      remindersBetween(dataset, stateWith({ leadTimesDays: [0] }), from, to).map(
        (r) => `${r.key} ${wall(r.at)}`,
      );
    expect(dayItselfKeys(local(2023, 1, 1), local(2027, 1, 1))).toEqual([
      // 31 December 2023 is a Sunday: Friday 29 December.
      'invest-defence-ministers-capability-meetings@2023-12-31#0 2023-12-29 09:00',
      'invest-defence-ministers-capability-meetings@2024-12-31#0 2024-12-31 09:00',
      'partners-security-defence-partnership-forum-every-two-years@2024-12-31#0 2024-12-31 09:00',
      'invest-defence-ministers-capability-meetings@2025-12-31#0 2025-12-31 09:00',
      'invest-defence-ministers-capability-meetings@2026-12-31#0 2026-12-31 09:00',
      'partners-security-defence-partnership-forum-every-two-years@2026-12-31#0 2026-12-31 09:00',
    ]);
  });

  it('finds a reminder back from its key (for snoozes), and nothing for a key it does not know', () => {
    const forum = recurring('forum', 2, '2022-12-31');
    const settings = stateWith().settings;
    expect(reminderForKey([forum], settings, 'forum@2024-12-31#7')).toMatchObject({
      milestoneId: 'forum',
      due: '2024-12-31',
      leadDays: 7,
    });
    expect(reminderForKey([forum], settings, 'forum@2025-12-31#7')).toBeNull(); // no cycle in 2025
    expect(reminderForKey([endOfYear], settings, 'end-of-year#1')?.due).toBe('2025-12-31');
    expect(reminderForKey([endOfYear], settings, 'nope#1')).toBeNull();
    expect(reminderForKey([endOfYear], settings, 'end-of-year')).toBeNull();
  });
});

describe('planReminders: what to show now', () => {
  it('shows nothing from the past on the very first run, and says when the next one is', () => {
    const plan = planReminders([endOfYear], stateWith(), local(2025, 12, 26, 12));
    expect(plan.due).toEqual([]);
    expect(plan.nextAt && wall(plan.nextAt)).toBe('2025-12-29 09:00'); // the Monday digest comes first
  });

  it('shows the reminders whose time came since the last run, not those already fired', () => {
    const state = stateWith({}, { lastRunAt: local(2025, 11, 30, 12).toISOString() });
    const plan = planReminders([endOfYear], state, local(2025, 12, 1, 9));
    expect(plan.due.map((r) => r.key)).toEqual(['end-of-year#30']);
    const fired = { ...state, fired: { 'end-of-year#30': local(2025, 12, 1, 9).toISOString() } };
    expect(planReminders([endOfYear], fired, local(2025, 12, 1, 9, 30)).due).toEqual([]);
    // Not yet time: nothing, and the next run is at 09:00 on the day.
    const early = planReminders([endOfYear], state, local(2025, 12, 1, 8, 59));
    expect(early.due).toEqual([]);
    expect(early.nextAt && wall(early.nextAt)).toBe('2025-12-01 09:00');
  });

  it("shows today's reminder at once when it was missed today: moved earlier by a settings change, or first start", () => {
    const state = stateWith({ timeOfDay: '08:00' }, { lastRunAt: local(2025, 12, 1, 8, 30).toISOString() });
    const plan = planReminders([endOfYear], state, local(2025, 12, 1, 8, 31));
    expect(plan.due.map((r) => [r.key, wall(r.at)])).toEqual([['end-of-year#30', '2025-12-01 08:00']]);
    const firstStart = planReminders([endOfYear], stateWith(), local(2025, 12, 1, 10));
    expect(firstStart.due.map((r) => r.key)).toEqual(['end-of-year#30']);
    // …but not yesterday's.
    expect(planReminders([endOfYear], stateWith(), local(2025, 12, 2, 10)).due).toEqual([]);
  });

  it('after a long absence, shows one reminder per occurrence (the latest) and records the rest', () => {
    const other = deadline('other', '2025-12-19');
    const state = stateWith(
      { digest: { enabled: false, weekday: 1, time: '09:00' } },
      {
        lastRunAt: local(2025, 11, 1).toISOString(),
      },
    );
    const plan = planReminders([endOfYear, other], state, local(2025, 12, 31, 10));
    expect(plan.due.map((r) => r.key)).toEqual(['other#0', 'end-of-year#0']);
    expect(plan.skipped.sort()).toEqual(
      ['end-of-year#30', 'end-of-year#7', 'end-of-year#1', 'other#30', 'other#7', 'other#1'].sort(),
    );
  });

  it('shows nothing while paused, and what fell in the pause once it ends', () => {
    const lastRunAt = local(2025, 11, 30, 12).toISOString();
    const paused = stateWith({ pausedUntil: local(2025, 12, 1, 10).toISOString() }, { lastRunAt });
    const during = planReminders([endOfYear], paused, local(2025, 12, 1, 9, 30));
    expect(during.due).toEqual([]);
    expect(during.pausedUntil).not.toBeNull();
    expect(during.nextAt && wall(during.nextAt)).toBe('2025-12-01 10:00');
    const after = planReminders([endOfYear], paused, local(2025, 12, 1, 10));
    expect(after.due.map((r) => r.key)).toEqual(['end-of-year#30']);
  });

  it('sends the weekly digest of overdue deadlines on its day, leaving out muted and closed ones', () => {
    const milestones = [
      deadline('late', '2025-11-28'),
      deadline('late-muted', '2025-11-28'),
      deadline('done', '2025-11-28'),
    ];
    let state = stateWith({ leadTimesDays: [] }, { lastRunAt: local(2025, 12, 7, 20).toISOString() });
    state = applyProgressPatch(state, 'late', { status: 'in-progress' }, local(2025, 12, 1));
    state = applyProgressPatch(state, 'late-muted', { status: 'planned', muted: true }, local(2025, 12, 1));
    state = applyProgressPatch(state, 'done', { status: 'achieved' }, local(2025, 12, 1));
    const plan = planReminders(milestones, state, local(2025, 12, 8, 9)); // Monday 09:00
    expect(plan.digest?.key).toBe('digest@2025-12-08');
    expect(plan.digest?.items.map((i) => i.milestoneId)).toEqual(['late']);
    // Nothing overdue: no digest, but the week's digest is recorded as done.
    const none = planReminders(
      [endOfYear],
      stateWith({}, { lastRunAt: state.lastRunAt }),
      local(2025, 12, 8, 9),
    );
    expect(none.digest).toBeNull();
    expect(none.skipped).toContain('digest@2025-12-08');
    // Switched off: none.
    const off = planReminders(
      milestones,
      { ...state, settings: { ...state.settings, digest: { enabled: false, weekday: 1, time: '09:00' } } },
      local(2025, 12, 8, 9),
    );
    expect(off.digest).toBeNull();
  });

  it('brings a snoozed reminder back when the snooze ends, unless the milestone was closed meanwhile', () => {
    const snoozed = { 'end-of-year#7': local(2025, 12, 25, 9).toISOString() };
    const state = stateWith(
      {},
      {
        lastRunAt: local(2025, 12, 24, 10).toISOString(),
        fired: { 'end-of-year#7': local(2025, 12, 24, 9).toISOString() },
        snoozed,
      },
    );
    const before = planReminders([endOfYear], state, local(2025, 12, 24, 12));
    expect(before.due).toEqual([]);
    expect(before.nextAt && wall(before.nextAt)).toBe('2025-12-25 09:00');
    const plan = planReminders([endOfYear], state, local(2025, 12, 25, 9));
    expect(plan.due.map((r) => [r.key, wall(r.at)])).toEqual([['end-of-year#7', '2025-12-25 09:00']]);
    expect(plan.unsnooze).toEqual(['end-of-year#7']);
    const achieved = applyProgressPatch(
      state,
      'end-of-year',
      { status: 'achieved' },
      local(2025, 12, 24, 13),
    );
    const closed = planReminders([endOfYear], achieved, local(2025, 12, 25, 9));
    expect(closed.due).toEqual([]);
    expect(closed.unsnooze).toEqual(['end-of-year#7']);
  });
});

describe('snoozeUntil', () => {
  const settings = { timeOfDay: '09:00' };
  it('1 hour, tomorrow at the reminder time, or next Monday at the reminder time', () => {
    const wednesday = local(2025, 12, 3, 16, 20);
    expect(wall(snoozeUntil('1h', wednesday, settings))).toBe('2025-12-03 17:20');
    expect(wall(snoozeUntil('tomorrow', wednesday, settings))).toBe('2025-12-04 09:00');
    expect(wall(snoozeUntil('next-monday', wednesday, settings))).toBe('2025-12-08 09:00');
    // On a Monday, "next Monday" is a week later; on a Sunday, the next day.
    expect(wall(snoozeUntil('next-monday', local(2025, 12, 8, 8), settings))).toBe('2025-12-15 09:00');
    expect(wall(snoozeUntil('next-monday', local(2025, 12, 7, 22), settings))).toBe('2025-12-08 09:00');
  });
});
