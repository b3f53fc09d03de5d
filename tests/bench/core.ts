/**
 * Core benchmarks in Node, one case per process so every figure is a first call (what the app,
 * the CLI and the web host pay at start), plus the median of a few warm repeats for context.
 *
 *   npx tsx tests/bench/core.ts load|plan|plan-all|ical|extract|log-review FILE
 *
 * Prints one JSON line: { case, count, coldMs, warmMs, detail }.
 */
import { readFileSync } from 'node:fs';
import { milestonesFromFile } from '../../electron/node/milestones-source';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import { planReminders, remindersBetween } from '../../electron/core/reminders';
import { reviewWords } from '../../electron/node/i18n';

const WARM_REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** First call, then the median of WARM_REPEATS more. */
function coldAndWarm<T>(fn: () => T): { coldMs: number; warmMs: number; value: T } {
  const cold = time(fn);
  const warm: number[] = [];
  // Up to WARM_REPEATS, within about two seconds (a slow case must not stretch the whole run).
  for (let i = 0; i < WARM_REPEATS && (i === 0 || warm.reduce((a, b) => a + b, 0) < 2000); i += 1) {
    if (cold.ms > 3000) break;
    warm.push(time(fn).ms);
  }
  return { coldMs: cold.ms, warmMs: warm.length ? median(warm) : Number.NaN, value: cold.value };
}

async function main(): Promise<void> {
  const [which, file] = process.argv.slice(2);
  if (!which || !file) {
    console.error('usage: tsx tests/bench/core.ts load|plan|plan-all|ical|extract FILE');
    process.exit(2);
  }
  const out: Record<string, unknown> = { case: which };

  if (which === 'extract') {
    // A long document's pages (as the PDF importer gives them) through the whole extractor.
    const { extractCommitments } = await import('../../electron/core/extract');
    const pages = (JSON.parse(readFileSync(file, 'utf8')) as { pages: string[] }).pages;
    const r = coldAndWarm(() => extractCommitments({ pages }));
    Object.assign(out, {
      count: pages.length,
      coldMs: r.coldMs,
      warmMs: r.warmMs,
      detail: { bytes: pages.reduce((n, p) => n + p.length, 0), candidates: r.value.candidates.length },
    });
  } else if (which === 'load') {
    // The CLI's and web host's own path: read the file, JSON.parse, zod validation.
    const r = coldAndWarm(() => milestonesFromFile(file));
    const text = readFileSync(file, 'utf8');
    const json = coldAndWarm(() => JSON.parse(text) as unknown);
    Object.assign(out, {
      count: r.value.length,
      coldMs: r.coldMs,
      warmMs: r.warmMs,
      detail: { bytes: Buffer.byteLength(text), jsonParseWarmMs: json.warmMs },
    });
  } else {
    const milestones = milestonesFromFile(file);
    const state: UserState = {
      ...EMPTY_STATE,
      settings: { ...EMPTY_STATE.settings, leadTimesDays: [30, 7, 1, 0] },
    };
    if (which === 'plan') {
      // What the scheduler runs at every wake: due reminders since the last run (a week ago here),
      // the weekly digest, and the next reminder within its 400-day horizon.
      const now = new Date('2025-06-02T07:00:00Z');
      const planned = { ...state, lastRunAt: '2025-05-26T07:00:00.000Z' };
      const r = coldAndWarm(() => planReminders(milestones, planned, now));
      Object.assign(out, {
        count: milestones.length,
        coldMs: r.coldMs,
        warmMs: r.warmMs,
        detail: { due: r.value.due.length, digestItems: r.value.digest?.items.length ?? 0 },
      });
    } else if (which === 'plan-all') {
      // Every reminder of every milestone, 2022 to 2030, four lead times each.
      const r = coldAndWarm(() =>
        remindersBetween(
          milestones,
          state,
          new Date('2022-01-01T00:00:00Z'),
          new Date('2031-01-01T00:00:00Z'),
        ),
      );
      Object.assign(out, {
        count: milestones.length,
        coldMs: r.coldMs,
        warmMs: r.warmMs,
        detail: { reminders: r.value.length },
      });
    } else if (which === 'log-review') {
      // Five entries per dated milestone (a recurring one: on its first cycle), then what saving
      // one more entry costs the app: append, re-derive every key's progress, rebuild the review.
      const { deriveProgress } = await import('../../electron/core/progress');
      const { appendRecord } = await import('../../electron/core/recording');
      const { buildReview } = await import('../../electron/core/review');
      const statuses = ['planned', 'in-progress', 'in-progress', 'partial', 'achieved'] as const;
      let n = 0;
      const log = milestones.flatMap((m) => {
        const key = m.kind === 'recurring' && m.recurrence ? `${m.id}@${m.recurrence.first}` : m.id;
        return statuses.map((status, i) => ({
          type: 'record' as const,
          id: `bench-${String((n += 1)).padStart(8, '0')}`,
          key,
          recordedAt: new Date(Date.UTC(2023, 0, 1 + i)).toISOString(),
          author: 'Bench',
          note: '',
          status,
          on: `2023-01-0${i + 1}`,
          evidence: [],
        }));
      });
      const logged: UserState = { ...state, log };
      const first = milestones.find((m) => m.kind === 'deadline')!;
      let k = 0;
      // Each step on its own, per call: the first call's and the warm median's parts.
      const parts = {
        append: [] as number[],
        derive: [] as number[],
        review: [] as number[],
        cpu: [] as number[],
      };
      const r = coldAndWarm(() => {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const next = appendRecord(
          logged,
          { key: first.id, status: 'achieved', on: '2024-01-01' },
          {
            author: 'Bench',
            now: new Date('2025-06-02T07:00:00Z'),
            today: '2025-06-02',
            newId: () => `bench-new-${(k += 1)}`,
          },
        ).state;
        const t1 = performance.now();
        // Groups the new log by key (once; the review below reads the same grouping).
        deriveProgress(next);
        const t2 = performance.now();
        const review = buildReview(milestones, next.log, '2025-12-31');
        parts.append.push(t1 - t0);
        parts.derive.push(t2 - t1);
        parts.review.push(performance.now() - t2);
        const cpu = process.cpuUsage(cpu0);
        parts.cpu.push((cpu.user + cpu.system) / 1000);
        return review;
      });
      // The review of a log nothing has grouped yet (a copy): what a review of a state read
      // afresh from the store costs on its own.
      const alone = coldAndWarm(() => buildReview(milestones, [...logged.log], '2025-12-31'));
      const split = (i: number) => ({
        appendMs: parts.append[i],
        deriveMs: parts.derive[i],
        reviewMs: parts.review[i],
      });
      const warmSplit = {
        appendMs: median(parts.append.slice(1)),
        deriveMs: median(parts.derive.slice(1)),
        reviewMs: median(parts.review.slice(1)),
      };
      Object.assign(out, {
        count: milestones.length,
        coldMs: r.coldMs,
        warmMs: r.warmMs,
        detail: {
          entries: log.length + 1,
          items: r.value.count,
          first: split(0),
          warm: warmSplit,
          reviewAloneWarmMs: alone.warmMs,
          // CPU time of the process during the call (user + system, GC threads included): less
          // disturbed than wall time by other work on a shared machine.
          cpuFirstMs: parts.cpu[0],
          cpuWarmMs: median(parts.cpu.slice(1)),
        },
      });
    } else if (which === 'ical') {
      const { buildIcal } = await import('../../electron/core/ical');
      const r = coldAndWarm(() => buildIcal(milestones, state, reviewWords, {}));
      Object.assign(out, {
        count: milestones.length,
        coldMs: r.coldMs,
        warmMs: r.warmMs,
        detail: { bytes: Buffer.byteLength(r.value), events: r.value.split('BEGIN:VEVENT').length - 1 },
      });
    } else {
      console.error(`unknown case ${which}`);
      process.exit(2);
    }
  }
  console.log(JSON.stringify(out));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ case: process.argv[2], error: String((error as Error).stack ?? error) }));
  process.exit(1);
});
