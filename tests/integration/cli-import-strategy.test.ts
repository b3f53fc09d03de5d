import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStrategyFile } from '../../electron/core/strategy';
import { cli } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'compass-strategy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EN = resolve('tests/fixtures/extract/strategy.en.txt');
const NL = resolve('tests/fixtures/extract/strategy.nl.txt');

interface Printed {
  strategy: { slug: string; name: string; source: { name: string; date: string | null }; language: string };
  path: string;
  saved: boolean;
  candidates: Array<{
    id: string;
    quote: string;
    datePhrase: string;
    kind: string;
    due: string | null;
    kept: boolean;
  }>;
}

const run = (args: string[]) => cli(args);
const dir = (name: string) => join(tmp, name);

describe('cli import-strategy', { timeout: 120_000 }, () => {
  it('--dry-run prints the candidates and saves nothing', () => {
    const data = dir('dry');
    const { code, stdout, stderr } = run(['import-strategy', EN, '--dry-run', '--json', '--data-dir', data]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Printed;
    expect(printed.saved).toBe(false);
    expect(printed.strategy).toMatchObject({
      slug: 'harbour-city-resilience-plan',
      name: 'Harbour City Resilience Plan',
      source: { name: 'strategy.en.txt', date: '2022-01-10' },
      language: 'en',
    });
    expect(printed.candidates).toHaveLength(18);
    expect(existsSync(data)).toBe(false);
    const table = run(['import-strategy', NL, '--dry-run', '--data-dir', data]);
    expect(table.stdout).toMatch(/uiterlijk in het derde kwartaal van 2024/);
    expect(table.stdout).toMatch(/Dry run: nothing was saved\./);
    expect(existsSync(data)).toBe(false);
  });

  it('saves a named strategy, lists it, and a re-import of a corrected text keeps ids and progress', () => {
    const data = dir('save');
    const saved = run([
      'import-strategy',
      NL,
      '--name',
      'Polder plan',
      '--lang',
      'nl',
      '--json',
      '--data-dir',
      data,
    ]);
    expect(saved.code).toBe(0);
    const first = JSON.parse(saved.stdout) as Printed;
    expect(first.saved).toBe(true);
    expect(first.path).toBe(join(data, 'strategies', 'polder-plan.json'));
    const file = parseStrategyFile(JSON.parse(readFileSync(first.path, 'utf8')));
    expect(file.ok).toBe(true);

    const listed = JSON.parse(run(['strategies', '--json', '--data-dir', data]).stdout) as Array<{
      slug: string;
      milestones: number;
    }>;
    expect(listed).toEqual([
      expect.objectContaining({ slug: 'polder-plan', name: 'Polder plan', milestones: 12 }),
    ]);

    // Progress on one of its milestones, through the dataset file like any other.
    const target = first.candidates.find((c) => c.datePhrase === 'Uiterlijk in 2025')!;
    const status = run(['status', target.id, 'in-progress', '--milestones', first.path, '--data-dir', data]);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);

    const corrected = join(tmp, 'polder-corrected.txt');
    writeFileSync(
      corrected,
      readFileSync(NL, 'utf8')
        .replace('een eigen noodgemaal', 'een eigen, nieuw noodgemaal')
        .replace('We zullen de lekkende sluis onmiddellijk laten herstellen. ', ''),
    );
    const again = JSON.parse(
      run(['import-strategy', corrected, '--name', 'Polder plan', '--json', '--data-dir', data]).stdout,
    ) as Printed;
    expect(again.candidates).toHaveLength(11);
    expect(again.candidates.filter((c) => c.kept)).toHaveLength(11);
    expect(again.candidates.find((c) => c.datePhrase === 'Uiterlijk in 2025')?.id).toBe(target.id);
    const rows = JSON.parse(
      run(['list', '--json', '--milestones', again.path, '--data-dir', data]).stdout,
    ) as Array<{
      id: string;
      status: string;
    }>;
    expect(rows.find((r) => r.id === target.id)?.status).toBe('in-progress');
    expect(readdirSync(join(data, 'strategies'))).toEqual(['polder-plan.json']);
  });

  it('every command takes --strategy: compass, a saved slug, a list or all', () => {
    const data = dir('flag');
    const saved = JSON.parse(run(['import-strategy', EN, '--json', '--data-dir', data]).stdout) as Printed;
    const slug = saved.strategy.slug;
    const ids = (args: string[]) =>
      (JSON.parse(run([...args, '--json', '--data-dir', data]).stdout) as Array<{ id: string }>).map(
        (r) => r.id,
      );
    const own = ids(['list', '--strategy', slug]);
    expect(own).toEqual(saved.candidates.map((c) => c.id));
    const compass = ids(['list', '--strategy', 'compass']);
    expect(compass).toContain('act-rapid-deployment-capacity');
    expect(ids(['list', '--strategy', `compass,${slug}`])).toEqual([...compass, ...own]);
    expect(ids(['list', '--strategy', 'all'])).toEqual([...compass, ...own]);

    const upcoming = JSON.parse(
      run([
        'upcoming',
        '--strategy',
        slug,
        '--today',
        '2024-06-01',
        '--days',
        '45',
        '--json',
        '--data-dir',
        data,
      ]).stdout,
    ) as Array<{ id: string; date: string }>;
    expect(upcoming.map((u) => u.id)).toContain(
      saved.candidates.find((c) => c.datePhrase === 'by the end of June')?.id,
    );
    const ics = run(['ics', '--strategy', slug, '--data-dir', data]);
    expect(ics.code).toBe(0);
    expect(ics.stdout.replace(/\r\n[ \t]/g, '')).toContain(`UID:${own[0]}@compass-timeline`);

    // The feed puts each event in its strategy's category, as the app's feed does; the Compass's
    // events have none (serve-feed builds the same feed).
    const events = (args: string[]) =>
      run(['ics', ...args, '--lang', 'en', '--data-dir', data])
        .stdout.replace(/\r\n[ \t]/g, '')
        .split('BEGIN:VEVENT')
        .slice(1)
        .map((e) => ({
          uid: /^UID:(.*?)@/m.exec(e)?.[1] ?? '',
          categories: /^CATEGORIES:(.*)$/m.exec(e.replace(/\r/g, ''))?.[1] ?? '',
        }));
    const both = events(['--strategy', `compass,${slug}`]);
    const theirs = both.filter((e) => e.uid.startsWith(`${slug}-`));
    expect(theirs.length).toBeGreaterThan(5);
    for (const e of theirs) expect(e.categories, e.uid).toContain(saved.strategy.name);
    const compassEvents = both.filter((e) => !e.uid.startsWith(`${slug}-`));
    expect(compassEvents.length).toBeGreaterThan(20);
    for (const e of compassEvents) expect(e.categories, e.uid).not.toContain(saved.strategy.name);
    expect(events(['--strategy', 'all']).filter((e) => e.categories.includes(saved.strategy.name))).toEqual(
      theirs,
    );

    // status and review see the strategy's milestones only when --strategy names it.
    const dated = saved.candidates.find((c) => c.due !== null && c.due <= '2023-12-31')!;
    const status = (args: string[]) =>
      run(['status', dated.id, 'achieved', '--on', '2023-01-05', ...args, '--data-dir', data]);
    expect(status([]).code).toBe(2);
    expect(status(['--strategy', slug]).code).toBe(0);
    const review = JSON.parse(
      run(['review', '--strategy', slug, '--format', 'json', '--as-of', '2025-12-31', '--data-dir', data])
        .stdout,
    ) as { items: { id: string; status: string }[] };
    expect(review.items.length).toBeGreaterThan(0);
    expect(review.items.every((i) => own.includes(i.id))).toBe(true);
    expect(review.items.find((i) => i.id === dated.id)?.status).toBe('achieved');

    const unknown = run(['list', '--strategy', 'nope', '--data-dir', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No saved strategy "nope".*strategies/);
    expect(
      run(['list', '--strategy', slug, '--milestones', 'data/compass-milestones.json', '--data-dir', data])
        .code,
    ).toBe(2);
  });

  it.each([
    ['empty.txt', '', /is empty/],
    ['binary.txt', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 8, 0]), /not a text file/],
    ['nothing.txt', 'Dit is een tekst zonder enige datum of toezegging.', /No time-bound commitments/],
  ])('refuses %s with a clear message and saves nothing', (name, content, message) => {
    const data = dir(`bad-${name}`);
    const file = join(tmp, name);
    writeFileSync(file, content);
    const { code, stderr, stdout } = run(['import-strategy', file, '--data-dir', data]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Nothing was saved\./);
    expect(existsSync(join(data, 'strategies'))).toBe(false);
  });

  it('refuses a wrong --lang or --date as a usage mistake', () => {
    expect(run(['import-strategy', EN, '--lang', 'de', '--data-dir', dir('usage')]).code).toBe(2);
    expect(run(['import-strategy', EN, '--date', '2022-02-30', '--data-dir', dir('usage')]).code).toBe(2);
  });

  it('two imports at once both finish with one valid file and the same ids; a dead process’s lock is taken over', async () => {
    const data = dir('race');
    mkdirSync(join(data, 'strategies'), { recursive: true });
    // A lock left by a process that was killed (pid that does not exist).
    writeFileSync(join(data, 'strategies', 'harbour-city-resilience-plan.json.lock'), '2147483646');
    const once = () =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const child = spawn(
          'npm',
          ['run', '--silent', 'cli', '--', 'import-strategy', EN, '--json', '--data-dir', data],
          {
            cwd: resolve('.'),
          },
        );
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => done({ code, out }));
      });
    const [a, b] = await Promise.all([once(), once()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const ids = (r: { out: string }) => (JSON.parse(r.out) as Printed).candidates.map((c) => c.id);
    expect(ids(a)).toEqual(ids(b));
    const path = join(data, 'strategies', 'harbour-city-resilience-plan.json');
    expect(parseStrategyFile(JSON.parse(readFileSync(path, 'utf8'))).ok).toBe(true);
    expect(readdirSync(join(data, 'strategies'))).toEqual(['harbour-city-resilience-plan.json']);
  });
});
