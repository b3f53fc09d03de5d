/**
 * Property: whatever the user and the machine do (status changes, mutes, restarts, the app closed
 * for days, sleeps, the clock set back), no reminder is shown twice, and every reminder that fell
 * due for a milestone nobody touched is shown (itself, or a later one of the same occurrence when
 * several were missed at once).
 */
import fc from 'fast-check';
import { afterEach, expect, it, vi } from 'vitest';
import { applyProgressPatch } from '../support/log';
import { remindersBetween } from '../../electron/core/reminders';
import { STATUSES } from '../../electron/core/status';
import { deadline, local, recurring, stateWith } from '../unit/reminders-fixtures';
import { Harness, useFakeClock } from './scheduler-harness';

afterEach(() => vi.useRealTimers());

const START = local(2025, 12, 1, 8);
const MINUTE = 60_000;

// Deadlines spread over the weeks the test runs through, and a yearly one.
const STABLE = [
  deadline('s-dec', '2025-12-19'),
  deadline('s-jan', '2026-01-07'),
  deadline('s-feb', '2026-02-02'),
  recurring('s-yearly', 1, '2025-12-31'),
];
const VOLATILE = [deadline('v-dec', '2025-12-22'), deadline('v-jan', '2026-01-12')];
const ALL = [...STABLE, ...VOLATILE];

type Action =
  | { t: 'wait'; minutes: number }
  | { t: 'sleep'; minutes: number }
  | { t: 'clockBack'; minutes: number }
  | { t: 'restart' }
  | { t: 'quit' }
  | { t: 'status'; id: number; status: (typeof STATUSES)[number] }
  | { t: 'mute'; id: number; muted: boolean };

const minutes = fc.integer({ min: 1, max: 2 * 24 * 60 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: minutes.map((m) => ({ t: 'wait' as const, minutes: m })) },
  { weight: 2, arbitrary: minutes.map((m) => ({ t: 'sleep' as const, minutes: m })) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 36 * 60 }).map((m) => ({ t: 'clockBack' as const, minutes: m })),
  },
  { weight: 2, arbitrary: fc.constant({ t: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'quit' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('status' as const),
      id: fc.integer({ min: 0, max: VOLATILE.length - 1 }),
      status: fc.constantFrom(...STATUSES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('mute' as const),
      id: fc.integer({ min: 0, max: VOLATILE.length - 1 }),
      muted: fc.boolean(),
    }),
  },
);

it('never shows a reminder twice and never drops one that was due', () => {
  fc.assert(
    fc.property(fc.array(action, { minLength: 1, maxLength: 14 }), (actions) => {
      useFakeClock(START);
      const h = new Harness(ALL);
      try {
        h.start();
        for (const a of actions) {
          const now = Date.now();
          switch (a.t) {
            case 'wait': // time passes; if the app is closed, its timers are not there to run
              if (h.service) vi.advanceTimersByTime(a.minutes * MINUTE);
              else vi.setSystemTime(now + a.minutes * MINUTE);
              break;
            case 'sleep': // the laptop sleeps: the wall clock moves, timers stand still
              vi.setSystemTime(now + a.minutes * MINUTE);
              break;
            case 'clockBack':
              vi.setSystemTime(now - a.minutes * MINUTE);
              break;
            case 'restart':
              h.stop();
              h.start();
              break;
            case 'quit':
              h.stop();
              break;
            case 'status':
            case 'mute': {
              const id = VOLATILE[a.id]!.id;
              const patch = a.t === 'status' ? { status: a.status } : { muted: a.muted };
              h.store.update((s) => applyProgressPatch(s, id, patch, new Date()));
              h.service?.replan();
            }
          }
        }
        // Finally the app runs for a few minutes (the watchdog notices any sleep).
        if (!h.service) h.start();
        vi.advanceTimersByTime(3 * MINUTE);

        const keys = h.keys().filter((k) => !k.startsWith('digest@'));
        expect(new Set(keys).size).toBe(keys.length);
        const digests = h.shown.filter((n) => n.digest).map((n) => n.reminders[0]!.key);
        expect(new Set(digests).size).toBe(digests.length);
        expect(h.shown.every((n) => n.recordedFirst)).toBe(true);

        const owed = remindersBetween(STABLE, stateWith(), START, new Date());
        for (const reminder of owed) {
          const delivered = h.shown.some((n) =>
            n.reminders.some(
              (r) => r.occurrenceKey === reminder.occurrenceKey && r.leadDays <= reminder.leadDays,
            ),
          );
          expect(delivered, `${reminder.key} at ${reminder.at.toString()} was not shown`).toBe(true);
        }
      } finally {
        h.dispose();
        vi.useRealTimers();
      }
    }),
    {
      numRuns: 50,
      // Always among the runs: the scenarios that broke earlier designs.
      examples: [
        [
          [
            { t: 'wait', minutes: 60 },
            { t: 'clockBack', minutes: 2 },
            { t: 'wait', minutes: 1 },
          ],
        ],
        [[{ t: 'sleep', minutes: 57 }]],
        [[{ t: 'quit' }, { t: 'wait', minutes: 3 * 24 * 60 }, { t: 'restart' }, { t: 'wait', minutes: 60 }]],
      ],
    },
  );
}, 240_000);
