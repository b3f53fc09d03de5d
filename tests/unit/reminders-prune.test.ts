import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { planReminders, staleFiredKeys } from '../../electron/core/reminders';
import type { UserState } from '../../electron/core/user-state';
import { loadMilestones } from '../../electron/node/milestones-source';
import { deadline, local, recurring, stateWith } from './reminders-fixtures';

/** One run of the scheduler's bookkeeping: what is shown, recorded as fired; optionally pruned. */
function runAt(milestones: Parameters<typeof planReminders>[0], state: UserState, now: Date, prune: boolean) {
  const plan = planReminders(milestones, state, now);
  const shown = [...plan.due.map((r) => r.key), ...(plan.digest ? [plan.digest.key] : [])];
  const fired = { ...state.fired };
  for (const key of [...shown, ...plan.skipped]) fired[key] = now.toISOString();
  if (prune)
    for (const key of staleFiredKeys(
      milestones,
      { fired, snoozed: state.snoozed },
      format(now, 'yyyy-MM-dd'),
    ))
      delete fired[key];
  return { shown, state: { ...state, fired, lastRunAt: now.toISOString() } };
}

describe('the record of fired reminders stays bounded', () => {
  it('drops only what can no longer fire: two years of daily runs show exactly the same reminders', () => {
    const milestones = loadMilestones();
    let kept = stateWith({}, { lastRunAt: local(2023, 1, 1).toISOString() });
    let pruned = kept;
    const shownKept: string[] = [];
    const shownPruned: string[] = [];
    for (let day = 0; day < 730; day += 1) {
      // Runs at 08:00, 09:00 (reminder time) and 21:00, as an app left open would.
      for (const hour of [8, 9, 21]) {
        const now = local(2023, 1, 2 + day, hour, 0);
        const a = runAt(milestones, kept, now, false);
        const b = runAt(milestones, pruned, now, true);
        shownKept.push(...a.shown);
        shownPruned.push(...b.shown);
        kept = a.state;
        pruned = b.state;
      }
    }
    expect(shownPruned).toEqual(shownKept);
    expect(shownKept.length).toBeGreaterThan(50);
    expect(Object.keys(pruned.fired).length).toBeLessThan(Object.keys(kept.fired).length / 5);
  });

  it('keeps what is snoozed, drops records of milestones that are gone and old digests', () => {
    const soon = deadline('soon', '2025-06-30');
    const past = deadline('past', '2025-05-01');
    const cycle = recurring('cycle', 1, '2023-12-31');
    const state = {
      fired: {
        'soon#7': 'x',
        'past#0': 'x',
        'past#7': 'x',
        'cycle@2024-12-31#0': 'x',
        'cycle@2025-12-31#30': 'x',
        'gone#0': 'x',
        'digest@2025-05-05': 'x',
        'digest@2025-06-16': 'x',
      },
      snoozed: { 'past#7': '2025-06-20T07:00:00.000Z' },
    };
    expect(staleFiredKeys([soon, past, cycle], state, '2025-06-20').sort()).toEqual(
      ['cycle@2024-12-31#0', 'digest@2025-05-05', 'gone#0', 'past#0'].sort(),
    );
  });
});
