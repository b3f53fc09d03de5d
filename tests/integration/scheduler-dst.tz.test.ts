/**
 * Runs under TZ=Europe/Brussels and TZ=America/New_York (see vitest.config.ts): reminders are
 * local wall-clock times, so 09:00 stays 09:00 on both sides of each zone's clock changes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { format, parseISO, subDays } from 'date-fns';
import { remindersBetween } from '../../electron/core/reminders';
import { deadline, local, stateWith, wall } from '../unit/reminders-fixtures';
import { DAY, HOUR, Harness, useFakeClock } from './scheduler-harness';

let h: Harness | undefined;
afterEach(() => {
  h?.dispose();
  h = undefined;
  vi.useRealTimers();
});

// The weekends of the daylight-saving changes in 2025: EU (last Sundays of March and October)
// and US (second Sunday of March, first Sunday of November).
const WEEKENDS = [
  { name: 'EU spring', friday: [2025, 3, 28], sunday: [2025, 3, 30], monday: '2025-03-31' },
  { name: 'EU autumn', friday: [2025, 10, 24], sunday: [2025, 10, 26], monday: '2025-10-27' },
  { name: 'US spring', friday: [2025, 3, 7], sunday: [2025, 3, 9], monday: '2025-03-10' },
  { name: 'US autumn', friday: [2025, 10, 31], sunday: [2025, 11, 2], monday: '2025-11-03' },
] as const;

const NO_DIGEST = { digest: { enabled: false, weekday: 1, time: '09:00' }, leadTimesDays: [0] };
const offsetChanges = (a: Date, b: Date) => a.getTimezoneOffset() !== b.getTimezoneOffset();

describe(`DST in ${process.env.TZ}`, () => {
  it('runs in the zone it says (the TZ projects set it)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
    // This zone changes its clocks on at least two of the weekends below.
    const changing = WEEKENDS.filter(({ friday: [y, m, d] }) =>
      offsetChanges(local(y, m, d, 12), local(y, m, d + 4, 12)),
    );
    expect(changing.length).toBeGreaterThanOrEqual(2);
  });

  for (const weekend of WEEKENDS) {
    it(`keeps 09:00 at 09:00 over the ${weekend.name} weekend`, () => {
      const [y, m, d] = weekend.friday;
      const friday = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      useFakeClock(local(y, m, d, 6));
      h = new Harness([deadline('friday', friday), deadline('monday', weekend.monday)], NO_DIGEST);
      h.start();
      vi.advanceTimersByTime(4 * DAY); // the app runs through the weekend, timers and all
      expect(h.shown.map((n) => `${n.reminders[0]!.key} ${wall(n.shownAt)}`)).toEqual([
        `friday#0 ${friday} 09:00`,
        `monday#0 ${weekend.monday} 09:00`,
      ]);
      // Between the two: 72 hours, give or take the hour the clocks moved.
      const hours = (h.shown[1]!.shownAt.getTime() - h.shown[0]!.shownAt.getTime()) / HOUR;
      const moved = offsetChanges(h.shown[0]!.shownAt, h.shown[1]!.shownAt);
      expect(hours).toBe(moved ? (hours < 72 ? 71 : 73) : 72);
    });

    it(`shows a 02:30 reminder once on the ${weekend.name} Sunday, even when 02:30 is skipped or repeated`, () => {
      const [y, m, d] = weekend.sunday;
      const sunday = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      useFakeClock(local(y, m, d - 1, 12));
      h = new Harness([deadline('night', sunday)], {
        ...NO_DIGEST,
        timeOfDay: '02:30',
        shiftWeekends: false,
      });
      h.start();
      vi.advanceTimersByTime(2 * DAY);
      expect(h.shown).toHaveLength(1);
      const shownAt = wall(h.shown[0]!.shownAt);
      // Where 02:30 does not exist that night (spring forward) it comes at 03:30, otherwise at 02:30.
      expect([`${sunday} 02:30`, `${sunday} 03:30`]).toContain(shownAt);
      const skipped = local(y, m, d, 2, 30).getHours() !== 2;
      expect(shownAt).toBe(skipped ? `${sunday} 03:30` : `${sunday} 02:30`);
    });
  }

  it('counts lead times in calendar days across the change, not in 24-hour steps', () => {
    for (const weekend of WEEKENDS) {
      const reminders = remindersBetween(
        [deadline('monday', weekend.monday)],
        stateWith({ leadTimesDays: [14, 7, 1] }),
        local(2025, 1, 1),
        local(2026, 1, 1),
      );
      const monday = parseISO(weekend.monday);
      expect(reminders.map((r) => wall(r.at))).toEqual([
        `${format(subDays(monday, 14), 'yyyy-MM-dd')} 09:00`,
        `${format(subDays(monday, 7), 'yyyy-MM-dd')} 09:00`,
        // Sunday → Friday
        `${format(subDays(monday, 3), 'yyyy-MM-dd')} 09:00`,
      ]);
    }
  });

  it('after sleeping through the clock change, shows the missed Monday reminder once on wake', () => {
    useFakeClock(local(2025, 10, 24, 18)); // Friday before the EU autumn change
    h = new Harness([deadline('monday', '2025-10-27')], NO_DIGEST);
    h.start();
    vi.setSystemTime(local(2025, 10, 27, 10, 15)); // asleep until Monday 10:15
    vi.advanceTimersByTime(60_000);
    expect(h.keys()).toEqual(['monday#0']);
    vi.advanceTimersByTime(2 * DAY);
    expect(h.keys()).toEqual(['monday#0']);
  });
});
