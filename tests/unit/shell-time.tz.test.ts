/**
 * The tray's pause options and the notifications' "in N days" in the user's own time zone, across
 * the DST changes (run under TZ=Europe/Brussels and TZ=America/New_York by the tz projects).
 */
import { describe, expect, it } from 'vitest';
import { relativeDay } from '../../electron/core/notification-content';
import { pauseUntil, trayModel } from '../../electron/core/tray-model';
import { translator as shellTranslator } from '../../electron/node/i18n';

const wall = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

describe(`pause and relative days in ${process.env.TZ ?? 'the local zone'}`, () => {
  it('pauses "until tomorrow" to local midnight, also on the nights the clocks change', () => {
    // Europe: 30 March and 26 October 2025; the US: 9 March and 2 November 2025.
    for (const [y, m, d] of [
      [2025, 3, 29],
      [2025, 3, 30],
      [2025, 10, 25],
      [2025, 10, 26],
      [2025, 3, 8],
      [2025, 11, 1],
    ] as const) {
      const evening = new Date(y, m - 1, d, 22, 15);
      expect(wall(pauseUntil('tomorrow', evening))).toBe(wall(new Date(y, m - 1, d + 1)));
      expect(wall(pauseUntil('tomorrow', evening)).endsWith(' 00:00')).toBe(true);
    }
  });

  it('pauses "1 hour" for sixty minutes of real time, also across the spring-forward hour', () => {
    for (const before of [
      new Date(2025, 0, 15, 10, 0),
      new Date(2025, 2, 30, 1, 30),
      new Date(2025, 2, 9, 1, 30),
    ]) {
      expect(pauseUntil('1h', before).getTime() - before.getTime()).toBe(3_600_000);
    }
  });

  it('counts calendar days, not 24-hour periods, across a DST change', () => {
    const en = shellTranslator('en');
    expect(relativeDay('2025-04-01', '2025-03-28', 'en', en)).toBe('in 4 days');
    expect(relativeDay('2025-03-11', '2025-03-07', 'en', en)).toBe('in 4 days');
    expect(relativeDay('2025-11-03', '2025-10-24', 'nl', shellTranslator('nl'))).toBe('over 10 dagen');
  });

  it('shows the pause end in local time in the tray', () => {
    const now = new Date(2025, 2, 30, 0, 30);
    const until = pauseUntil('1h', now);
    const model = trayModel({
      milestones: [],
      progress: {},
      settings: { startAtLogin: false, pausedUntil: until.toISOString() },
      today: '2025-03-30',
      now,
      locale: 'en',
      t: shellTranslator('en'),
    });
    const label = model.menu.find(
      (item) => item.type === 'normal' && item.label.startsWith('Reminders paused until'),
    );
    expect(label && 'label' in label && label.label).toBe(`Reminders paused until ${wall(until).slice(11)}`);
  });
});
