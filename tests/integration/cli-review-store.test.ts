/**
 * The review command over the real store: progress recorded with the CLI's status command (and
 * applyProgressPatch, as the app does) into a store folder, read back by the real CLI's review
 * command, and judged as the user expects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyProgressPatch, type ProgressPatch } from '../support/log';
import type { Review } from '../../electron/core/review';
import { exportReview, type ReviewCover } from '../../electron/core/review-export';
import { bundledSectionNames } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';
import { cli } from '../support/cli';
import { reviewWords } from '../../electron/node/i18n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-review-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date('2026-01-15T09:00:00Z');
function record(changes: Record<string, ProgressPatch>) {
  const store = openStateStore({ cwd: dir });
  for (const [id, patch] of Object.entries(changes))
    store.update((s) => applyProgressPatch(s, id, patch, at));
}

/** The real CLI, as users run it, over the store folder. */
const review = async (args: string[]) => cli(['review', ...args, '--data-dir', dir]);

describe('cli review over the store', () => {
  it('judges the statuses recorded in the store', async () => {
    // Recorded as users do, with the status command…
    for (const args of [
      ['act-rapid-deployment-capacity-scenarios', 'achieved', '--on', '2022-12-31'], // the due day
      ['act-ad-hoc-missions-links', 'achieved', '--on', '2023-01-01'], // one day late
      ['act-rapid-deployment-capacity', 'in-progress', '--on', '2025-06-01'], // due 2025-12-31
    ]) {
      expect(cli(['status', ...args, '--data-dir', dir]).code).toBe(0);
    }
    // …and one recurring cycle on its own key, which only the store takes so far.
    record({ 'general-threat-analysis@2022-12-31': { status: 'achieved', achievedOn: '2022-12-01' } });
    const { code, stdout, stderr } = await review(['--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Review;
    const item = (key: string) => json.items.find((i) => i.key === key);
    expect(item('act-rapid-deployment-capacity-scenarios')).toMatchObject({
      verdict: 'on-time',
      delayDays: 0,
    });
    expect(item('act-ad-hoc-missions-links')).toMatchObject({ verdict: 'late', delayDays: 1 });
    expect(item('act-rapid-deployment-capacity')).toMatchObject({ verdict: 'overdue', delayDays: 0 });
    expect(item('general-threat-analysis@2022-12-31')).toMatchObject({ verdict: 'on-time' });
    expect(item('general-threat-analysis@2025-12-31')).toMatchObject({ verdict: 'unknown' });

    // One day earlier, the Rapid Deployment Capacity is not due yet.
    const before = JSON.parse((await review(['--json', '--as-of', '2025-12-30'])).stdout) as Review;
    expect(before.items.some((i) => i.key === 'act-rapid-deployment-capacity')).toBe(false);
    expect(before.notYetDue).toContain('act-rapid-deployment-capacity');
  });

  it('the Markdown and CSV it prints are the exports of that same review', async () => {
    record({ 'act-rapid-deployment-capacity-scenarios': { status: 'missed', achievedOn: '2023-01-05' } });
    const json = JSON.parse((await review(['--json'])).stdout) as Review & {
      format?: string;
      version?: number;
      cover: ReviewCover;
    };
    const { format: _f, version: _v, cover, ...reviewOnly } = json;
    expect(cover.asOf).toBe('2025-12-31');
    expect((await review(['--format', 'md', '--lang', 'nl'])).stdout).toBe(
      exportReview(
        { review: reviewOnly, cover, sectionNames: bundledSectionNames() },
        'md',
        'nl',
        reviewWords('nl'),
      ),
    );
    expect((await review(['--format', 'csv'])).stdout).toBe(
      exportReview(
        { review: reviewOnly, cover, sectionNames: bundledSectionNames() },
        'csv',
        'en',
        reviewWords('en'),
      ),
    );
    expect(json.totals.missed).toBe(1);
  });

  it("writes the Markdown in the language chosen in the app's settings", async () => {
    openStateStore({ cwd: dir }).update((s) => ({ ...s, settings: { ...s.settings, locale: 'nl' } }));
    expect((await review([])).stdout).toMatch(/^# Review van het Strategisch Kompas/);
    expect((await review(['--lang', 'en'])).stdout).toMatch(/^# Strategic Compass review/);
  });
  it('compares two as-of dates with --compare-to: what moved and what is still open', async () => {
    for (const args of [
      ['act-rapid-deployment-capacity-scenarios', 'in-progress', '--on', '2022-06-01'],
      [
        'act-rapid-deployment-capacity-scenarios',
        'achieved',
        '--on',
        '2024-10-01',
        '--author',
        'P. Rapporteur',
      ],
    ]) {
      expect(cli(['status', ...args, '--data-dir', dir]).code).toBe(0);
    }
    const md = (await review(['--compare-to', '2024-03-18', '--lang', 'en'])).stdout;
    expect(md).toContain('## Comparison');
    expect(md).toContain('18 March 2024 compared with 31 December 2025');
    expect(md).toMatch(
      /\| 2022-12-31 \| [^|]+ \| Open and overdue \| Achieved late \| act-rapid-deployment-capacity-scenarios \|/,
    );
    expect(md).toContain('## Still open on both dates');
    const json = JSON.parse((await review(['--json', '--compare-to', '2024-03-18'])).stdout) as {
      comparison: { from: string; to: string; moved: { key: string; from: string; to: string }[] };
      items: { key: string; author: string | null }[];
    };
    expect(json.comparison).toMatchObject({ from: '2024-03-18', to: '2025-12-31' });
    expect(json.items.find((i) => i.key === 'act-rapid-deployment-capacity-scenarios')?.author).toBe(
      'P. Rapporteur',
    );
    const bad = await review(['--compare-to', '2024-02-30']);
    expect(bad.code).toBe(2);
  });
});
