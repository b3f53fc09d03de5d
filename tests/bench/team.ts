/**
 * The team sync's figure for `npm run bench` (not a test: nothing here asserts a time). Against
 * Debian's Radicale on loopback: a first full sync of N entries (spread over the dataset's
 * milestones, one VJOURNAL each and one VTODO per milestone), then an incremental sync of 10 new
 * entries. Prints one JSON line: wall time and requests by method for each.
 *
 *   node --import tsx tests/bench/team.ts [ENTRIES]   (default 1000)
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LogEntry } from '../../electron/core/progress-log';
import { loadMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';
import { connectTeam } from '../../electron/node/team/connect';
import { storeLocalLog } from '../../electron/node/team/local-log';
import { syncOnce, type SyncResult } from '../../electron/node/team/sync';
import { openTeamFile } from '../../electron/node/team/team-state';
import { haveTool, PYTHON, startRadicale, tempDir } from '../integration/ical-support';

const ENTRIES = Number(process.argv[2] ?? 1000);

async function main(): Promise<void> {
  if (!haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version'])) {
    console.log(JSON.stringify({ case: 'team', missing: 'radicale (bash scripts/install-test-tools.sh)' }));
    return;
  }
  const milestones = loadMilestones();
  const keys = milestones.filter((m) => m.kind !== 'recurring').map((m) => m.id);
  const dir = tempDir('bench-team');
  const server = await startRadicale(join(dir.path, 'radicale'), { team: 'pw' });
  const data = join(dir.path, 'data');
  try {
    await connectTeam({ dataDir: data, serverUrl: server.url, user: 'team', password: 'pw' });
    const log = storeLocalLog(openStateStore({ cwd: data }));
    const entries = (count: number, from: number): LogEntry[] =>
      Array.from({ length: count }, (_, n) => ({
        type: 'record',
        id: randomUUID(),
        key: keys[(from + n) % keys.length] as string,
        recordedAt: new Date().toISOString(),
        author: 'Bench',
        note: `entry ${from + n}`,
        status: 'in-progress',
        on: '2025-06-01',
        evidence: [],
      }));
    const timed = async () => {
      const t = performance.now();
      const result: SyncResult = await syncOnce({
        team: openTeamFile(data),
        log,
        password: 'pw',
        milestones,
      });
      return {
        ms: Math.round(performance.now() - t),
        sent: result.sent,
        tasks: result.tasks,
        method: result.method,
        requests: { ...result.requests },
      };
    };
    log.addRemote(entries(ENTRIES, 0));
    const first = await timed();
    log.addRemote(entries(10, ENTRIES));
    const incremental = await timed();
    console.log(
      JSON.stringify({
        case: 'team',
        entries: ENTRIES,
        milestones: Math.min(ENTRIES, keys.length),
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
