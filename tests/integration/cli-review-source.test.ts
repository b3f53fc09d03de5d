import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../electron/core/review';
import { cli } from '../support/cli';

const record = JSON.parse(readFileSync('data/public-record.json', 'utf8')) as {
  entries: Array<{ key: string; status: string; on: string }>;
};

describe('cli review --source', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'compass-cli-source-')), 'data');
  const review = (...args: string[]) => {
    const { code, stdout, stderr } = cli(['review', '--format', 'json', '--data-dir', dataDir, ...args]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return JSON.parse(stdout) as Review & { cover: { source: string } };
  };

  it('reads our records by default, the public record with --source public, and ours first with ours-then-public', () => {
    // Our own view of the space strategy contradicts the public record's "achieved".
    const recorded = cli([
      'status',
      'secure-space-strategy',
      'missed',
      '--on',
      '2023-12-31',
      '--note',
      'Not in the form we asked for',
      '--author',
      'Ann',
      '--data-dir',
      dataDir,
    ]);
    expect(recorded.code, recorded.stderr).toBe(0);

    const ours = review();
    expect(ours.source).toBe('ours');
    expect(ours.cover.source).toBe('ours');
    const delivered = (r: Review) => r.totals['on-time'] + r.totals.late + r.totals.achieved;
    expect(delivered(ours)).toBe(0);

    const pub = review('--source', 'public');
    expect(pub.source).toBe('public');
    expect(pub.cover.source).toBe('public');
    const space = (r: Review) => r.items.find((i) => i.key === 'secure-space-strategy')!;
    expect(space(pub)).toMatchObject({ verdict: 'on-time', author: 'Public record' });
    expect(delivered(pub)).toBeGreaterThanOrEqual(
      record.entries.filter((e) => e.status === 'achieved').length - 1,
    );

    const both = review('--source', 'ours-then-public');
    expect(both.source).toBe('ours-then-public');
    expect(space(both)).toMatchObject({ verdict: 'missed', author: 'Ann' });
    // Everything else the public record speaks for is filled in.
    expect(delivered(both)).toBe(delivered(pub) - 1);

    const md = cli(['review', '--source', 'ours-then-public', '--lang', 'en', '--data-dir', dataDir]);
    expect(md.stdout).toContain('Computed from: our records, then the public record where we have nothing');
  }, 180_000);

  it('refuses an unknown source with exit code 2 and says what it takes', () => {
    const { code, stdout, stderr } = cli(['review', '--source', 'theirs', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--source expects ours, public, ours-then-public');
    expect(stderr).toContain('"theirs"');
  });
});
