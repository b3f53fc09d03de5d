import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../electron/core/milestone';
import { type Review } from '../../electron/core/review';
import { reviewOf, TEST_COVER } from '../support/log';
import { exportReview, REVIEW_CSV_COLUMNS } from '../../electron/core/review-export';
import { EMPTY_STATE } from '../../electron/core/user-state';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { milestone as testMilestone } from '../support/milestones';

const milestone = (id: string, phrase: string): Milestone =>
  testMilestone(id, phrase, { chapter: 'secure', section: 'Strategische domeinen' });
import { cli } from '../support/cli';
import { reviewWords } from '../../electron/node/i18n';

const tmp = mkdtempSync(join(tmpdir(), 'compass-cli-review-'));
const dataDir = join(tmp, 'data');

describe('cli review', () => {
  it('defaults to a Markdown review as of 31 December 2025', () => {
    const { code, stdout, stderr } = cli(['review', '--data-dir', dataDir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Strategic Compass review\n\nAs of 31 December 2025 \(2025-12-31\)/);
    expect(stdout).toContain('## Longest overdue');
  });

  it('prints the same review as the core builds, as JSON', () => {
    const { code, stdout } = cli(['review', '--format', 'json', '--data-dir', dataDir]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Review;
    const expected = reviewOf(bundledMilestones(), EMPTY_STATE.log, '2025-12-31');
    expect(json).toMatchObject({ asOf: '2025-12-31', count: expected.count, totals: expected.totals });
    expect(json.items.map((i) => i.key)).toEqual(expected.items.map((i) => i.key));
    // The cycles that fell due by then: the threat analysis of 2022 and 2025, not 2028.
    expect(json.items.filter((i) => i.id === 'general-threat-analysis').map((i) => i.due)).toEqual([
      '2022-12-31',
      '2025-12-31',
    ]);
  });

  it('--json is short for --format json', () => {
    const a = cli(['review', '--json', '--as-of', '2024-03-18', '--data-dir', dataDir]);
    const b = cli(['review', '--format', 'json', '--as-of', '2024-03-18', '--data-dir', dataDir]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect((JSON.parse(a.stdout) as Review).asOf).toBe('2024-03-18');
  });

  it('writes CSV rows byte for byte as the export does, in Dutch with --lang nl', () => {
    const file = join(tmp, 'two.json');
    const milestones = [milestone('secure-due', 'eind 2024'), milestone('secure-later', 'eind 2026')];
    writeFileSync(file, JSON.stringify(milestones));
    const { code, stdout } = cli([
      'review',
      '--format',
      'csv',
      '--lang',
      'nl',
      '--as-of',
      '2025-12-31',
      '--milestones',
      file,
      '--data-dir',
      dataDir,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      exportReview(
        { review: reviewOf(milestones, {}, '2025-12-31'), cover: TEST_COVER },
        'csv',
        'nl',
        reviewWords('nl'),
      ),
    );
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(REVIEW_CSV_COLUMNS.join(','));
    expect(lines[1]).toContain('secure-due nl');
    expect(stdout).not.toContain('secure-later');
  });

  it.each([
    [['review', '--as-of', '31-12-2025'], /--as-of expects a date as YYYY-MM-DD/],
    [['review', '--as-of', '2025-02-30'], /--as-of 2025-02-30 is not a day of the calendar/],
    [['review', '--format', 'pdf'], /--format expects md, csv, json, docx, xlsx, got "pdf"/],
    [['review', '--lang', 'de'], /--lang expects nl or en/],
    [['review', '--json', '--format', 'csv'], /contradict each other/],
    [['review', 'extra'], /Wrong number of arguments/],
  ])('%j fails with a clear message and exit code 2', (args, message) => {
    const { code, stderr, stdout } = cli([...args, '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });
});
