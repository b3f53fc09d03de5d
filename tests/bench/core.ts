/**
 * Core benchmarks in Node, one case per process so every figure is a first call (what the app,
 * the CLI and the web host pay at start), plus the median of a few warm repeats for context.
 *
 *   npx tsx tests/bench/core.ts load FILE | plan FILE | ical FILE
 *
 * Prints one JSON line: { case, count, coldMs, warmMs, detail }.
 * Modules still being written elsewhere (the reminder planner) are imported by path at run
 * time, so this file type-checks before they land; a missing module gives { missing: reason }.
 */
import { readFileSync } from 'node:fs';
import { milestonesFromFile } from '../../electron/node/milestones-source';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import type { Milestone } from '../../electron/core/milestone';

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
  for (let i = 0; i < WARM_REPEATS; i += 1) warm.push(time(fn).ms);
  return { coldMs: cold.ms, warmMs: median(warm), value: cold.value };
}

type Planner = (milestones: Milestone[], state: UserState, now: Date) => unknown[];

/** Finds the planner in electron/core/reminders.ts, whatever it is called there. */
async function loadPlanner(): Promise<{ name: string; plan: Planner } | string> {
  const path = '../../electron/core/reminders';
  let mod: Record<string, unknown>;
  try {
    mod = (await import(path)) as Record<string, unknown>;
  } catch (error) {
    return `electron/core/reminders.ts not importable: ${(error as Error).message.split('\n')[0]}`;
  }
  for (const name of ['planReminders', 'planAllReminders', 'plan']) {
    if (typeof mod[name] === 'function') return { name, plan: mod[name] as Planner };
  }
  return `no planner export in electron/core/reminders.ts (exports: ${Object.keys(mod).join(', ')})`;
}

async function main(): Promise<void> {
  const [which, file] = process.argv.slice(2);
  if (!which || !file) {
    console.error('usage: tsx tests/bench/core.ts load|plan|ical FILE');
    process.exit(2);
  }
  const out: Record<string, unknown> = { case: which };

  if (which === 'load') {
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
      const planner = await loadPlanner();
      if (typeof planner === 'string') {
        Object.assign(out, { count: milestones.length, missing: planner });
      } else {
        const now = new Date('2022-03-21T08:00:00Z');
        const r = coldAndWarm(() => planner.plan(milestones, state, now));
        Object.assign(out, {
          count: milestones.length,
          coldMs: r.coldMs,
          warmMs: r.warmMs,
          detail: { fn: planner.name, reminders: Array.isArray(r.value) ? r.value.length : null },
        });
      }
    } else if (which === 'ical') {
      const { buildIcal } = await import('../../electron/core/ical');
      const r = coldAndWarm(() => buildIcal(milestones, state, {}));
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
