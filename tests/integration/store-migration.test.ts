import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveProgress } from '../../electron/core/progress';
import { buildReview } from '../../electron/core/review';
import { STORE_SCHEMA_VERSION } from '../../electron/core/user-state';
import { v1ProgressSchema, type V1Progress } from '../../electron/core/store-v1';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';

/** A store written by the first layout's code (0.1.0), kept as it was. */
const FIXTURE = resolve(__dirname, '../fixtures/store-v1.json');
const v1 = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  progress: Record<string, V1Progress>;
  ownMilestones: Array<{ id: string }>;
  settings: Record<string, unknown>;
  fired: Record<string, string>;
  lastRunAt: string;
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-migrate-'));
  copyFileSync(FIXTURE, join(dir, 'config.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a store of the first layout', () => {
  it('opens with every status, history entry, date, evidence link and note turned into log entries', () => {
    const store = openStateStore({ cwd: dir, author: 'M. Igrated' });
    expect(store.notices).toEqual([]);
    const state = store.read();
    expect(state.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    const progress = deriveProgress(state);

    for (const [key, raw] of Object.entries(v1.progress)) {
      const old = v1ProgressSchema.parse(raw);
      const entries = state.log.filter((e) => e.key === key);
      // Every status change of the history is an entry at its instant, with its status.
      for (const change of old.history) {
        expect(
          entries.some((e) => e.type === 'record' && e.recordedAt === change.at && e.status === change.to),
        ).toBe(true);
      }
      const now = progress[key]!;
      expect(now.status).toBe(old.status);
      expect(now.note).toBe(old.note);
      if (old.achievedOn) expect(now.on).toBe(old.achievedOn);
      if (old.evidence?.url) expect(now.evidence.map((e) => e.url)).toContain(old.evidence.url);
      if (old.evidence?.text) expect(now.evidence.map((e) => e.title)).toContain(old.evidence.text);
      expect(now.muted).toBe(old.muted);
      expect(entries.every((e) => e.author === 'M. Igrated')).toBe(true);
    }
    // The rest is carried over as it was.
    expect(state.ownMilestones.map((m) => m.id)).toEqual(v1.ownMilestones.map((m) => m.id));
    expect(state.settings).toMatchObject({ ...v1.settings, author: null });
    expect(state.fired).toEqual(v1.fired);
    expect(state.lastRunAt).toBe(v1.lastRunAt);
    // The old file is kept byte for byte next to the new one.
    const copy = readdirSync(dir).find((f) => f.startsWith('config.v1-'))!;
    expect(readFileSync(join(dir, copy), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('gives the same review verdicts as the first layout did for what it recorded', () => {
    const state = openStateStore({ cwd: dir }).read();
    const review = buildReview([...bundledMilestones(), ...state.ownMilestones], state.log, '2025-12-31');
    const verdict = (key: string) => review.items.find((i) => i.key === key)?.verdict;
    // The 0.1.0 review of this file printed on-time 4, partial 1, missed 1, overdue 2. The one
    // difference: "missed" was typed on 2026-01-05 without a date (0.1.0 asked for none), so the
    // log dates it then, and as of 2025-12-31 nothing was recorded yet.
    expect(review.totals).toMatchObject({ 'on-time': 4, partial: 1, missed: 0, overdue: 2 });
    expect(
      buildReview(bundledMilestones(), state.log, '2026-01-05').items.find(
        (i) => i.key === 'act-rapid-deployment-capacity',
      )?.verdict,
    ).toBe('missed');
    expect(verdict('act-rapid-deployment-capacity-scenarios')).toBe('on-time');
    expect(verdict('general-progress-report@2023-12-31')).toBe('on-time');
    expect(verdict('general-progress-report@2024-12-31')).toBe('on-time');
    expect(verdict('own-national-plan')).toBe('on-time');
  });

  it('is converted once: opening it again changes nothing', () => {
    const first = openStateStore({ cwd: dir }).read();
    const text = readFileSync(join(dir, 'config.json'), 'utf8');
    expect(openStateStore({ cwd: dir }).read()).toEqual(first);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(text);
    expect(readdirSync(dir).filter((f) => f.startsWith('config.v1-'))).toHaveLength(1);
  });
});
