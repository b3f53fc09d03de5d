import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressOf } from '../support/log';
import { openStateStore } from '../../electron/node/store';
import { cli } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'compass-cli-status-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ID = 'act-rapid-deployment-capacity'; // due 2025-12-31

describe('cli status', { timeout: 120_000 }, () => {
  const dataDir = join(tmp, 'status');

  it('records an entry with the date it happened, evidence, a note and the author, in the store the app reads', () => {
    const { code, stdout, stderr } = cli([
      'status',
      ID,
      'achieved',
      '--on',
      '2025-10-01',
      '--evidence',
      'https://example.org/besluit',
      '--note',
      'Council decision',
      '--author',
      'J. Jansen',
      '--data-dir',
      dataDir,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`${ID}: unknown → achieved (on 2025-10-01, recorded by J. Jansen)`);
    const state = openStateStore({ cwd: dataDir }).read();
    expect(progressOf(state, ID)).toMatchObject({
      status: 'achieved',
      achievedOn: '2025-10-01',
      note: 'Council decision',
      author: 'J. Jansen',
      evidence: [
        {
          title: 'https://example.org/besluit',
          url: 'https://example.org/besluit',
          date: null,
          publisher: null,
        },
      ],
    });
    expect(state.log).toHaveLength(1);
  });

  it('needs --on for achieved, partial and missed: no date is assumed, and nothing changes', () => {
    const before = readFileSync(join(dataDir, 'config.json'), 'utf8');
    for (const status of ['achieved', 'partial', 'missed']) {
      const result = cli(['status', ID, status, '--data-dir', dataDir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`"${status}" needs the date it happened: add --on YYYY-MM-DD`),
      );
    }
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(before);
  });

  it('records each cycle of a recurring milestone on its own key, as the review prints it', () => {
    for (const [key, on] of [
      ['general-progress-report@2023-12-31', '2023-03-20'],
      ['general-progress-report@2024-12-31', '2024-03-18'],
    ]) {
      expect(cli(['status', key!, 'achieved', '--on', on!, '--data-dir', dataDir]).code).toBe(0);
    }
    const review = JSON.parse(
      cli(['review', '--json', '--as-of', '2024-12-31', '--data-dir', dataDir]).stdout,
    ) as {
      items: { key: string; verdict: string; on: string }[];
    };
    expect(
      review.items
        .filter((i) => i.key.startsWith('general-progress-report@'))
        .map((i) => [i.key, i.verdict, i.on]),
    ).toEqual([
      ['general-progress-report@2023-12-31', 'on-time', '2023-03-20'],
      ['general-progress-report@2024-12-31', 'on-time', '2024-03-18'],
    ]);
    const whole = cli(['status', 'general-progress-report', 'planned', '--data-dir', dataDir]);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toMatch(
      /recurs: record one cycle as <id>@<cycle date>, e\.g\. general-progress-report@2023-12-31/,
    );
    const notACycle = cli(['status', 'general-progress-report@2023-06-30', 'planned', '--data-dir', dataDir]);
    expect(notACycle.code).toBe(2);
    expect(notACycle.stderr).toMatch(/not a cycle of "general-progress-report"/);
  });

  it('leaves achieved and dropped milestones out of upcoming and shows the status in list', () => {
    const { code } = cli(['status', 'act-article-44-arrangements', 'dropped', '--data-dir', dataDir]);
    expect(code).toBe(0);
    const upcoming = cli([
      'upcoming',
      '--today',
      '2025-06-01',
      '--days',
      '214',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    const ids = (JSON.parse(upcoming.stdout) as { id: string }[]).map((i) => i.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(ID);
    const list = JSON.parse(cli(['list', '--json', '--data-dir', dataDir]).stdout) as {
      id: string;
      status: string;
    }[];
    expect(list.find((m) => m.id === ID)?.status).toBe('achieved');
    expect(list.find((m) => m.id === 'act-article-44-arrangements')?.status).toBe('dropped');
  });

  it('rejects an unknown id, status or an impossible date clearly and changes nothing', () => {
    const dataDir = join(tmp, 'rejects');
    expect(cli(['status', ID, 'planned', '--data-dir', dataDir]).code).toBe(0);
    const before = readFileSync(join(dataDir, 'config.json'), 'utf8');
    const unknownId = cli([
      'status',
      'no-such-milestone',
      'achieved',
      '--on',
      '2025-01-01',
      '--data-dir',
      dataDir,
    ]);
    expect(unknownId.code).toBe(2);
    expect(unknownId.stderr).toMatch(/No milestone with id "no-such-milestone".*cli -- list/);
    const unknownStatus = cli(['status', ID, 'done', '--data-dir', dataDir]);
    expect(unknownStatus.code).toBe(2);
    expect(unknownStatus.stderr).toContain(
      'Unknown status "done". Use one of: unknown, planned, in-progress, achieved, partial, missed, dropped.',
    );
    for (const [on, message] of [
      ['2023-02-30', /--on 2023-02-30 is not a day of the calendar/],
      ['0020-03-15', /--on 0020-03-15 is before 2000-01-01; check the year/],
      ['1999-12-31', /before 2000-01-01/],
      ['2999-01-01', /--on 2999-01-01 is after today/],
      ['15-03-2023', /--on expects a date as YYYY-MM-DD/],
    ] as const) {
      const bad = cli(['status', ID, 'achieved', '--on', on, '--data-dir', dataDir]);
      expect(bad.code, on).toBe(2);
      expect(bad.stderr).toMatch(message);
    }
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(before);
  });
});

describe('cli export-state / import-state', { timeout: 90_000 }, () => {
  it('moves the progress from one data folder to another, keeping a backup of what was there', () => {
    const from = join(tmp, 'laptop-a');
    const to = join(tmp, 'laptop-b');
    const file = join(tmp, 'export.json');
    expect(
      cli(['status', ID, 'partial', '--on', '2025-01-10', '--note', 'half', '--data-dir', from]).code,
    ).toBe(0);
    const exported = cli(['export-state', file, '--data-dir', from]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Exported 1 progress log entries and 0 own milestones to ${file}.`);

    const imported = cli(['import-state', file, '--data-dir', to]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Your previous data is kept in .*config\.before-import-.*\.json/);
    expect(progressOf(openStateStore({ cwd: to }).read(), ID)).toMatchObject({
      status: 'partial',
      note: 'half',
    });
  });

  it('rejects a bad file with its first problem and leaves the store untouched', () => {
    const dataDir = join(tmp, 'untouched');
    expect(cli(['status', ID, 'planned', '--data-dir', dataDir]).code).toBe(0);
    const before = readFileSync(join(dataDir, 'config.json'), 'utf8');
    const bad = join(tmp, 'bad.json');
    const good = JSON.parse(cli(['export-state', '-', '--data-dir', dataDir]).stdout);
    good.state.log[0].status = 'finished';
    writeFileSync(bad, JSON.stringify(good));
    const result = cli(['import-state', bad, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('at state.log.0.status. Nothing was changed.');
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(before);
    expect(readdirSync(dataDir)).toEqual(['config.json']);
  });

  it('warns on stderr where a damaged store was backed up, and carries on', () => {
    const dataDir = join(tmp, 'damaged');
    expect(cli(['status', ID, 'planned', '--data-dir', dataDir]).code).toBe(0);
    writeFileSync(join(dataDir, 'config.json'), '{"progress": ');
    const result = cli(['list', '--json', '--data-dir', dataDir], {
      LANG: 'en_US.UTF-8',
      LC_ALL: 'en_US.UTF-8',
    });
    expect(result.code).toBe(0);
    const backup = readdirSync(dataDir).find((f) => f.includes('.damaged-'));
    expect(backup).toBeDefined();
    expect(result.stderr).toContain(join(dataDir, backup!));
    expect(readFileSync(join(dataDir, backup!), 'utf8')).toBe('{"progress": ');
  });
});
