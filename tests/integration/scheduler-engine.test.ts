import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyProgressPatch, progressOf } from '../support/log';
import { loadMilestones } from '../../electron/node/milestones-source';
import { deadline, local, wall } from '../unit/reminders-fixtures';
import { DAY, HOUR, Harness, useFakeClock } from './scheduler-harness';

let h: Harness;
afterEach(() => {
  h?.dispose();
  vi.useRealTimers();
});

const endOfYear = deadline('end-of-year', '2025-12-31'); // Wednesday
const NO_DIGEST = { digest: { enabled: false, weekday: 1, time: '09:00' } };

describe('the reminder engine, running', () => {
  it('shows a reminder at 09:00 on its day, once, recorded before it is shown', () => {
    useFakeClock(local(2025, 11, 30, 12));
    h = new Harness([endOfYear], NO_DIGEST);
    h.start();
    vi.advanceTimersByTime(local(2025, 12, 1, 8, 59).getTime() - Date.now());
    expect(h.shown).toEqual([]);
    vi.advanceTimersByTime(2 * 60_000);
    expect(h.keys()).toEqual(['end-of-year#30']);
    expect(wall(h.shown[0]!.shownAt)).toBe('2025-12-01 09:00');
    expect(h.shown[0]).toMatchObject({ summary: false, recordedFirst: true });
    expect(h.shown[0]!.reminders[0]).toMatchObject({
      milestoneId: 'end-of-year',
      due: '2025-12-31',
      leadDays: 30,
    });
    // The rest of the month: the other three, each once, each at 09:00.
    vi.advanceTimersByTime(31 * DAY);
    expect(h.shown.map((n) => `${n.reminders[0]!.key} ${wall(n.shownAt)}`)).toEqual([
      'end-of-year#30 2025-12-01 09:00',
      'end-of-year#7 2025-12-24 09:00',
      'end-of-year#1 2025-12-30 09:00',
      'end-of-year#0 2025-12-31 09:00',
    ]);
    expect(h.shown.every((n) => n.recordedFirst)).toBe(true);
  });

  it('hands the notifier the state it planned from, so the words follow the language just chosen', () => {
    useFakeClock(local(2025, 11, 30, 12));
    h = new Harness([endOfYear], { ...NO_DIGEST, locale: 'en' });
    h.start();
    vi.advanceTimersByTime(local(2025, 12, 1, 9, 1).getTime() - Date.now());
    h.store.update((s) => ({ ...s, settings: { ...s.settings, locale: 'nl' } }));
    h.service!.replan();
    vi.advanceTimersByTime(23 * DAY);
    expect(h.shown.map((n) => [n.reminders[0]!.key, n.state.settings.locale])).toEqual([
      ['end-of-year#30', 'en'],
      ['end-of-year#7', 'nl'],
    ]);
  });

  it('shows each reminder once over repeated restarts, including restarts right at its time', () => {
    useFakeClock(local(2025, 11, 30, 12));
    h = new Harness([endOfYear], NO_DIGEST);
    for (let i = 0; i < 5; i += 1) {
      h.start();
      vi.advanceTimersByTime(6 * HOUR);
      h.stop();
    }
    // Now 01 Dec 18:00; restart five times more during the day of the 7-day reminder.
    vi.setSystemTime(local(2025, 12, 24, 8, 58));
    for (let i = 0; i < 5; i += 1) {
      h.start();
      vi.advanceTimersByTime(60_000);
      h.stop();
    }
    expect(h.keys()).toEqual(['end-of-year#30', 'end-of-year#7']);
  });

  it('after a 3-day sleep shows what was missed once, more than three as one summary', () => {
    useFakeClock(local(2025, 12, 5, 18)); // Friday evening
    // Five deadlines whose day-before reminder falls on Monday 8 December.
    const five = [1, 2, 3, 4, 5].map((n) => deadline(`d${n}`, '2025-12-09'));
    h = new Harness(five, { ...NO_DIGEST, leadTimesDays: [1] });
    h.start();
    vi.advanceTimersByTime(HOUR);
    // The laptop sleeps from Friday 19:00 to Monday 19:00: the process's timers stand still.
    vi.setSystemTime(local(2025, 12, 8, 19));
    expect(h.shown).toEqual([]);
    vi.advanceTimersByTime(60_000); // the watchdog notices the jump
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]).toMatchObject({ summary: true, recordedFirst: true });
    expect(h.keys().sort()).toEqual(['d1#1', 'd2#1', 'd3#1', 'd4#1', 'd5#1']);
    vi.advanceTimersByTime(2 * DAY);
    expect(h.shown).toHaveLength(1);
  });

  it('on resume (the shell calls in) shows up to three missed reminders one by one', () => {
    useFakeClock(local(2025, 12, 5, 18));
    const three = [1, 2, 3].map((n) => deadline(`d${n}`, '2025-12-09'));
    h = new Harness(three, { ...NO_DIGEST, leadTimesDays: [1] });
    const service = h.start();
    vi.setSystemTime(local(2025, 12, 8, 19));
    service.onResume();
    expect(h.shown.map((n) => n.summary)).toEqual([false, false, false]);
    vi.advanceTimersByTime(2 * 60_000);
    expect(h.shown).toHaveLength(3);
  });

  it('shows at start-up what fell due while the app was closed', () => {
    useFakeClock(local(2025, 12, 20, 12));
    h = new Harness([endOfYear], NO_DIGEST);
    h.start();
    h.stop();
    vi.setSystemTime(local(2025, 12, 26, 12)); // closed over Christmas
    h.start();
    expect(h.keys()).toEqual(['end-of-year#7']);
    expect(wall(h.shown[0]!.shownAt)).toBe('2025-12-26 12:00');
  });

  it('does not repeat anything when the clock is set back', () => {
    useFakeClock(local(2025, 12, 24, 8));
    h = new Harness([endOfYear], NO_DIGEST);
    h.start();
    vi.advanceTimersByTime(2 * HOUR);
    expect(h.keys()).toEqual(['end-of-year#7']);
    vi.setSystemTime(local(2025, 12, 24, 7)); // the clock goes back three hours
    vi.advanceTimersByTime(2 * DAY);
    expect(h.keys()).toEqual(['end-of-year#7']);
    h.stop();
    vi.setSystemTime(local(2025, 12, 23, 12)); // and back a day, with a restart
    h.start();
    vi.advanceTimersByTime(2 * DAY);
    expect(h.keys()).toEqual(['end-of-year#7']);
  });

  it('moves a weekend reminder to the Friday before', () => {
    useFakeClock(local(2025, 6, 20, 12));
    h = new Harness([deadline('monday', '2025-06-30')], { ...NO_DIGEST, leadTimesDays: [1] });
    h.start();
    vi.advanceTimersByTime(12 * DAY);
    expect(h.shown.map((n) => `${n.reminders[0]!.key} ${wall(n.shownAt)}`)).toEqual([
      'monday#1 2025-06-27 09:00',
    ]);
  });

  it('reminds of each cycle of the recurring commitments, over the years', () => {
    const recurringOnes = loadMilestones().filter((m) =>
      [
        'partners-security-defence-partnership-forum-every-two-years',
        'invest-defence-ministers-capability-meetings',
      ].includes(m.id),
    );
    useFakeClock(local(2024, 12, 20, 12));
    h = new Harness(recurringOnes, { ...NO_DIGEST, leadTimesDays: [0] });
    // The app runs over each year's end, and is closed in between.
    for (const year of [2024, 2025, 2026]) {
      vi.setSystemTime(local(year, 12, 20, 12));
      h.start();
      vi.advanceTimersByTime(local(year + 1, 1, 5).getTime() - Date.now());
      h.stop();
    }
    expect(h.shown.map((n) => `${n.reminders[0]!.occurrenceKey} ${wall(n.shownAt)}`)).toEqual([
      'invest-defence-ministers-capability-meetings@2024-12-31 2024-12-31 09:00',
      'partners-security-defence-partnership-forum-every-two-years@2024-12-31 2024-12-31 09:00',
      'invest-defence-ministers-capability-meetings@2025-12-31 2025-12-31 09:00',
      'invest-defence-ministers-capability-meetings@2026-12-31 2026-12-31 09:00',
      'partners-security-defence-partnership-forum-every-two-years@2026-12-31 2026-12-31 09:00',
    ]);
  });

  it('snoozes for an hour, until tomorrow 09:00 or until next Monday, and then shows it once more', () => {
    useFakeClock(local(2025, 12, 24, 8));
    h = new Harness([endOfYear], NO_DIGEST);
    const service = h.start();
    vi.advanceTimersByTime(HOUR); // 09:00: the 7-day reminder
    service.snooze('end-of-year#7', '1h');
    vi.advanceTimersByTime(59 * 60_000);
    expect(h.keys()).toEqual(['end-of-year#7']);
    vi.advanceTimersByTime(60_000);
    expect(h.keys()).toEqual(['end-of-year#7', 'end-of-year#7']);
    expect(wall(h.shown[1]!.shownAt)).toBe('2025-12-24 10:00');

    service.snooze('end-of-year#7', 'tomorrow');
    vi.advanceTimersByTime(DAY);
    expect(h.shown.slice(2).map((n) => wall(n.shownAt))).toEqual(['2025-12-25 09:00']);

    service.snooze('end-of-year#7', 'next-monday'); // Thursday 25 → Monday 29
    // Restarting in between changes nothing: the snooze is in the store.
    h.stop();
    const again = h.start();
    vi.advanceTimersByTime(5 * DAY);
    expect(h.shown.slice(3).map((n) => `${n.reminders[0]!.key} ${wall(n.shownAt)}`)).toEqual([
      'end-of-year#7 2025-12-29 09:00',
      'end-of-year#1 2025-12-30 09:00',
    ]);
    expect(() => again.snooze('no-such-milestone#7', '1h')).toThrow(/no reminder "no-such-milestone#7"/);
  });

  it('recording a milestone achieved (a notification\'s "mark achieved") ends its reminders', () => {
    useFakeClock(local(2025, 12, 24, 8));
    h = new Harness([endOfYear], NO_DIGEST);
    const service = h.start();
    vi.advanceTimersByTime(HOUR);
    expect(h.keys()).toEqual(['end-of-year#7']);
    service.snooze('end-of-year#7', '1h');
    // What the app does for the action: a log entry, then the service plans again.
    h.store.update((s) =>
      applyProgressPatch(
        s,
        'end-of-year',
        { status: 'achieved', achievedOn: '2025-12-24' },
        local(2025, 12, 24, 9),
      ),
    );
    service.replan();
    expect(progressOf(h.store.read(), 'end-of-year')).toMatchObject({ status: 'achieved' });
    expect(h.store.read().snoozed).toEqual({});
    vi.advanceTimersByTime(10 * DAY);
    expect(h.keys()).toEqual(['end-of-year#7']);
  });

  it('holds reminders while paused and shows them when the pause ends', () => {
    useFakeClock(local(2025, 12, 24, 8));
    h = new Harness([endOfYear], { ...NO_DIGEST, pausedUntil: local(2025, 12, 24, 11).toISOString() });
    h.start();
    vi.advanceTimersByTime(2 * HOUR + 59 * 60_000);
    expect(h.shown).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(h.shown.map((n) => `${n.reminders[0]!.key} ${wall(n.shownAt)}`)).toEqual([
      'end-of-year#7 2025-12-24 11:00',
    ]);
  });

  it('sends the weekly digest of overdue deadlines on Monday at 09:00', () => {
    useFakeClock(local(2025, 12, 3, 12)); // Wednesday
    h = new Harness([deadline('late', '2025-11-28'), endOfYear], { leadTimesDays: [] });
    // Overdue: recorded as in progress and past due (nothing recorded is its own state).
    h.store.update((s) => applyProgressPatch(s, 'late', { status: 'in-progress' }, local(2025, 11, 1)));
    h.start();
    vi.advanceTimersByTime(12 * DAY);
    const digests = h.shown.filter((n) => n.digest);
    expect(digests.map((n) => wall(n.shownAt))).toEqual(['2025-12-08 09:00', '2025-12-15 09:00']);
    expect(digests[0]!.reminders.map((r) => [r.milestoneId, r.leadDays])).toEqual([['late', -10]]);
    expect(h.shown).toHaveLength(2);
  });

  it('re-plans when the state changes: a milestone achieved before its time gets no reminder', () => {
    useFakeClock(local(2025, 12, 20, 12));
    h = new Harness([endOfYear], NO_DIGEST);
    const service = h.start();
    h.store.update((s) => ({ ...s, settings: { ...s.settings, timeOfDay: '14:30' } }));
    service.replan();
    vi.advanceTimersByTime(4 * DAY + 3 * HOUR);
    expect(h.shown.map((n) => wall(n.shownAt))).toEqual(['2025-12-24 14:30']);
  });
});
