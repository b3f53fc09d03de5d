import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../electron/core/review';
import { cli } from '../support/cli';

/** A team's own record (a test fixture: its source is a placeholder address, not a real document). */
const teamRecord = (key: string) => ({
  format: 'compass-timeline/public-record',
  version: 1,
  asOf: '2026-11-30',
  entries: [
    {
      type: 'record',
      id: 'team-record-fixture-1',
      key,
      recordedAt: '2026-11-30T09:00:00.000Z',
      author: 'Unit record',
      status: 'partial',
      on: '2025-06-30',
      note: 'Test fixture of a team record.',
      evidence: [
        { title: 'Fixture source', url: 'https://example.org/fixture', date: null, publisher: 'Test' },
      ],
    },
  ],
});

describe('cli import-record', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'compass-import-record-'));
  const dataDir = join(tmp, 'data');

  it("stores a team's record in the data folder and reviews from it as the public record", () => {
    const file = join(tmp, 'team.json');
    writeFileSync(file, JSON.stringify(teamRecord('act-rapid-deployment-capacity')));
    const imported = cli(['import-record', file, '--data-dir', dataDir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported 1 public-record entries');
    expect(existsSync(join(dataDir, 'public-record.json'))).toBe(true);

    const review = cli(['review', '--source', 'public', '--format', 'json', '--data-dir', dataDir]);
    expect(review.code, review.stderr).toBe(0);
    const json = JSON.parse(review.stdout) as Review;
    const authors = new Set(json.items.map((i) => i.author).filter(Boolean));
    expect([...authors]).toEqual(['Unit record']);
    expect(json.items.find((i) => i.key === 'act-rapid-deployment-capacity')).toMatchObject({
      verdict: 'partial',
    });
  }, 120_000);

  it('refuses a record that names a milestone the dataset lacks, and keeps the one there', () => {
    const before = readFileSync(join(dataDir, 'public-record.json'), 'utf8');
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify(teamRecord('act-no-such-commitment')));
    const { code, stderr } = cli(['import-record', file, '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(stderr).toContain('no milestone "act-no-such-commitment"');
    expect(readFileSync(join(dataDir, 'public-record.json'), 'utf8')).toBe(before);
  }, 60_000);
});
