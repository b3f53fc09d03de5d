import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { cli } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'compass-cli-'));
const dataDir = join(tmp, 'data');

describe('cli list', () => {
  it('prints the whole dataset as JSON with a status per milestone', () => {
    const { code, stdout } = cli(['list', '--json', '--data-dir', dataDir]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ id: string; status: string; quote: string }>;
    expect(rows.map((r) => r.id)).toEqual(bundledMilestones().map((m) => m.id));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['unknown']));
  });

  it('prints a readable table without --json', () => {
    const { code, stdout } = cli(['list', '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^id\s+kind\s+due\s+status\s+title/);
    expect(stdout).toContain('act-rapid-deployment-capacity');
  });
});

describe('cli upcoming', () => {
  it('lists deadlines and recurring occurrences in the window, soonest first', () => {
    const { code, stdout } = cli([
      'upcoming',
      '--today',
      '2025-06-01',
      '--days',
      '214',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Array<{
      id: string;
      due: string;
      kind: string;
      title: { en: string };
    }>;
    expect(items.length).toBeGreaterThan(5);
    expect(items.map((i) => i.due)).toEqual([...items.map((i) => i.due)].sort());
    expect(items.every((i) => i.due >= '2025-06-01' && i.due <= '2025-12-31')).toBe(true);
    // The 2025 cycle of the three-yearly threat analysis is an occurrence of a recurring commitment.
    expect(items).toContainEqual(
      expect.objectContaining({ id: 'general-threat-analysis', kind: 'recurring', due: '2025-12-31' }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ id: 'act-rapid-deployment-capacity', due: '2025-12-31' }),
    );
  });

  it('uses another dataset with --milestones', () => {
    const file = join(tmp, 'custom.json');
    const [one] = bundledMilestones().filter((m) => m.kind === 'deadline');
    writeFileSync(file, JSON.stringify([{ ...one, id: 'custom-one', due: '2030-06-30' }]));
    const { code, stdout } = cli([
      'upcoming',
      '--today',
      '2030-06-01',
      '--days',
      '30',
      '--json',
      '--milestones',
      file,
      '--data-dir',
      dataDir,
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((i) => i.id)).toEqual(['custom-one']);
  });

  it.each([
    [['upcoming', '--bogus'], /Unknown option '--bogus'/],
    [['upcoming', '--today', '2025-02-30'], /--today 2025-02-30 is not a day of the calendar/],
    [['upcoming', '--days', 'many'], /--days expects a whole number/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['list', '--milestones', '/nonexistent/file.json'], /Milestones file not found/],
  ])('%j fails with a clear message', (args, message) => {
    const { code, stderr, stdout } = cli([...args, '--data-dir', dataDir]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('rejects an invalid dataset and names the problem', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify([{ id: 'Not Kebab' }]));
    const { code, stderr } = cli(['list', '--milestones', file, '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/is not a valid Compass milestones file/);
    expect(stderr).toMatch(/at \[0\]\.id/);
  });
});
