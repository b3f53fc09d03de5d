import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyProgressPatch } from '../../electron/core/progress';
import { progressOf } from '../../electron/core/user-state';
import { openStateStore } from '../../electron/node/store';
import { cli } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'compass-cli-status-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ID = 'act-rapid-deployment-capacity'; // due 2025-12-31

describe('cli status', { timeout: 90_000 }, () => {
  const dataDir = join(tmp, 'status');

  it('records a status with the date it was achieved and evidence, in the store the app reads', () => {
    const { code, stdout, stderr } = cli([
      'status',
      ID,
      'achieved',
      '--on',
      '2025-10-01',
      '--evidence',
      'https://example.org/besluit',
      '--data-dir',
      dataDir,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`${ID}: unknown → achieved (achieved on 2025-10-01)`);
    const progress = progressOf(openStateStore({ cwd: dataDir }).read(), ID);
    expect(progress).toMatchObject({
      status: 'achieved',
      achievedOn: '2025-10-01',
      evidence: { text: '', url: 'https://example.org/besluit' },
    });
    expect(progress.history.map((h) => `${h.from}>${h.to}`)).toEqual(['unknown>achieved']);
  });

  it('leaves achieved and dropped milestones out of upcoming and shows the status in list', () => {
    const { code } = cli(['status', 'general-threat-analysis', 'dropped', '--data-dir', dataDir]);
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
    expect(ids).not.toContain('general-threat-analysis');
    const list = JSON.parse(cli(['list', '--json', '--data-dir', dataDir]).stdout) as {
      id: string;
      status: string;
    }[];
    expect(list.find((m) => m.id === ID)?.status).toBe('achieved');
  });

  it('rejects an unknown id, status or date clearly and changes nothing', () => {
    const dataDir = join(tmp, 'rejects');
    openStateStore({ cwd: dataDir }).update((s) =>
      applyProgressPatch(s, ID, { status: 'planned' }, new Date()),
    );
    const before = readFileSync(join(dataDir, 'config.json'), 'utf8');
    const unknownId = cli(['status', 'no-such-milestone', 'achieved', '--data-dir', dataDir]);
    expect(unknownId.code).toBe(2);
    expect(unknownId.stderr).toMatch(/No milestone with id "no-such-milestone".*cli -- list/);
    const unknownStatus = cli(['status', ID, 'done', '--data-dir', dataDir]);
    expect(unknownStatus.code).toBe(2);
    expect(unknownStatus.stderr).toContain(
      'Unknown status "done". Use one of: unknown, planned, in-progress, achieved, partial, missed, dropped.',
    );
    const badDate = cli(['status', ID, 'achieved', '--on', '2025-02-30', '--data-dir', dataDir]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--on 2025-02-30 is not a day of the calendar/);
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(before);
  });
});

describe('cli export-state / import-state', { timeout: 90_000 }, () => {
  it('moves the progress from one data folder to another, keeping a backup of what was there', () => {
    const from = join(tmp, 'laptop-a');
    const to = join(tmp, 'laptop-b');
    const file = join(tmp, 'export.json');
    expect(cli(['status', ID, 'partial', '--note', 'half', '--data-dir', from]).code).toBe(0);
    const exported = cli(['export-state', file, '--data-dir', from]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Exported 1 progress records and 0 own milestones to ${file}.`);

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
    good.state.progress[ID].status = 'finished';
    writeFileSync(bad, JSON.stringify(good));
    const result = cli(['import-state', bad, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`at state.progress.${ID}.status. Nothing was changed.`);
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
