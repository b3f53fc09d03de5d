/**
 * The team sync's figure for `npm run bench` (not a test: nothing here asserts a time). Against
 * Debian's Radicale on loopback (with the scale storage of the scale test, see
 * tests/integration/radicale/compass_scale_storage.py): a generated dataset of N milestones
 * (tests/bench/generate.ts) with one entry each, so a first full sync sends N journals, writes N
 * tasks and publishes the dataset's deadline calendar; then an incremental sync of 10 changes (10
 * milestones marked achieved). Prints one JSON line: wall time and requests by method for each.
 *
 *   node --import tsx tests/bench/team.ts [MILESTONES]   (default 10000)
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { icalOptionsFromSettings } from '../../electron/core/ical';
import type { Milestone } from '../../electron/core/milestone';
import { logKey, type LogEntry, type LogKey } from '../../electron/core/progress-log';
import { publishIcal } from '../../electron/node/feed-server';
import { openStateStore } from '../../electron/node/store';
import { connectTeam } from '../../electron/node/team/connect';
import { storeLocalLog } from '../../electron/node/team/local-log';
import { syncOnce, type SyncResult } from '../../electron/node/team/sync';
import { openTeamFile } from '../../electron/node/team/team-state';
import { haveTool, PYTHON, startRadicale, tempDir } from '../integration/ical-support';
import { generateMilestones } from './generate';

const MILESTONES = Number(process.argv[2] ?? 10_000);
const CHANGES = 10;

/** The key an entry on this milestone is recorded under (a recurring one: its first cycle). */
const keyOf = (m: Milestone): LogKey =>
  m.kind === 'recurring' && m.recurrence ? logKey(m.id, m.recurrence.first) : logKey(m.id);

async function main(): Promise<void> {
  if (!haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version'])) {
    console.log(JSON.stringify({ case: 'team', missing: 'radicale (bash scripts/install-test-tools.sh)' }));
    return;
  }
  const milestones = generateMilestones(MILESTONES);
  const dir = tempDir('bench-team');
  const server = await startRadicale(join(dir.path, 'radicale'), { team: 'pw' }, { scale: true });
  const data = join(dir.path, 'data');
  try {
    await connectTeam({ dataDir: data, serverUrl: server.url, user: 'team', password: 'pw' });
    const store = openStateStore({ cwd: data });
    const log = storeLocalLog(store);
    const entry = (m: Milestone, status: 'in-progress' | 'achieved', n: number): LogEntry => ({
      type: 'record',
      id: randomUUID(),
      key: keyOf(m),
      recordedAt: new Date(Date.UTC(2025, 5, 1) + n * 1000).toISOString(),
      author: 'Bench',
      note: `entry ${n}`,
      status,
      on: '2025-06-01',
      evidence: [],
    });
    const timed = async () => {
      const t = performance.now();
      const result: SyncResult = await syncOnce({
        team: openTeamFile(data),
        log,
        password: 'pw',
        milestones,
        feed: () => publishIcal(store, milestones, (s) => icalOptionsFromSettings(s.settings.feed)),
      });
      return {
        ms: Math.round(performance.now() - t),
        sent: result.sent,
        received: result.received,
        tasks: result.tasks,
        events: result.events,
        method: result.method,
        requests: { ...result.requests },
      };
    };
    log.addRemote(milestones.map((m, n) => entry(m, 'in-progress', n)));
    const first = await timed();
    const changed = milestones.filter((m) => m.kind === 'deadline').slice(0, CHANGES);
    log.addRemote(changed.map((m, n) => entry(m, 'achieved', MILESTONES + n)));
    const incremental = await timed();
    console.log(
      JSON.stringify({
        case: 'team',
        milestones: MILESTONES,
        entries: MILESTONES,
        changes: CHANGES,
        first,
        incremental,
      }),
    );
  } finally {
    await server.stop();
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ case: 'team', error: (error as Error).message }));
  process.exit(1);
});
