import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyProgressPatch } from '../support/log';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import { progressOf } from '../support/log';
import { openStateStore, STORE_OPTIONS, StoreValidationError } from '../../electron/node/store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date('2025-03-14T09:00:00Z');
const backups = () => readdirSync(dir).filter((f) => f.includes('.damaged-'));

describe('the store on disk', () => {
  it('starts empty in a new folder and writes config.json there', () => {
    const store = openStateStore({ cwd: dir });
    expect(store.path).toBe(join(dir, 'config.json'));
    expect(store.read()).toEqual(EMPTY_STATE);
    expect(store.notices).toEqual([]);
    const file = JSON.parse(readFileSync(store.path, 'utf8'));
    // conf records the app version for its migrations, as electron-store does.
    expect(file.__internal__.migrations.version).toBe(STORE_OPTIONS.projectVersion);
  });

  it('keeps what the user recorded across restarts', () => {
    const first = openStateStore({ cwd: dir });
    first.update((s) =>
      applyProgressPatch(s, 'eu-hybrid-toolbox', { status: 'achieved', note: 'klaar' }, at),
    );
    const again = openStateStore({ cwd: dir });
    expect(progressOf(again.read(), 'eu-hybrid-toolbox')).toMatchObject({
      status: 'achieved',
      note: 'klaar',
      achievedOn: expect.stringMatching(/^2025-03-1[45]$/),
    });
    expect(again.notices).toEqual([]);
  });

  it('sees changes made by another process (the CLI) without reopening', () => {
    const app = openStateStore({ cwd: dir });
    const cli = openStateStore({ cwd: dir });
    cli.update((s) => applyProgressPatch(s, 'm-1', { status: 'planned' }, at));
    expect(progressOf(app.read(), 'm-1').status).toBe('planned');
  });

  it('refuses an invalid change, says what is wrong, and leaves the file as it was', () => {
    const store = openStateStore({ cwd: dir });
    store.update((s) => applyProgressPatch(s, 'm-1', { status: 'planned' }, at));
    const before = readFileSync(store.path, 'utf8');
    expect(() =>
      store.update((s) => ({ ...s, settings: { ...s.settings, timeOfDay: '25:99' } }) as UserState),
    ).toThrow(StoreValidationError);
    expect(() =>
      store.update((s) => ({ ...s, settings: { ...s.settings, timeOfDay: '25:99' } }) as UserState),
    ).toThrow(/settings\.timeOfDay/);
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('is the same file conf (and so electron-store) reads with the shared options', () => {
    const store = openStateStore({ cwd: dir });
    store.update((s) => applyProgressPatch(s, 'm-1', { status: 'partial' }, at));
    const conf = new Conf<UserState>({ ...STORE_OPTIONS, cwd: dir });
    expect(conf.path).toBe(store.path);
    expect(conf.get('log').find((e) => e.key === 'm-1')).toMatchObject({ type: 'record', status: 'partial' });
    // …and a change conf writes is read back by the store.
    conf.set('settings', { ...conf.get('settings'), timeOfDay: '08:15' });
    expect(store.read().settings.timeOfDay).toBe('08:15');
  });

  it('fills fields missing from an older file with the defaults, without a warning', () => {
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        progress: {
          'm-1': { status: 'planned', achievedOn: null, evidence: null, note: '', muted: false, history: [] },
        },
      }),
    );
    const store = openStateStore({ cwd: dir });
    expect(store.notices).toEqual([]);
    expect(store.read().settings).toEqual(EMPTY_STATE.settings);
    expect(progressOf(store.read(), 'm-1').status).toBe('planned');
  });
});

describe('a damaged store', () => {
  const goodProgress = (status: string) => ({
    status,
    achievedOn: null,
    evidence: null,
    note: '',
    muted: false,
    history: [],
  });

  it('is moved aside byte for byte when it is not JSON, and the app starts with a warning', () => {
    const damaged = '{"progress": {"m-1": {"status": "achi';
    writeFileSync(join(dir, 'config.json'), damaged);
    const store = openStateStore({ cwd: dir, locale: 'en' });
    expect(store.read()).toEqual(EMPTY_STATE);
    const [backup] = backups();
    expect(backup).toMatch(/^config\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(damaged);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toContain(join(dir, backup!));
    expect(store.notices[0]).toMatch(/not valid JSON/);
    expect(store.recoveries[0]).toMatchObject({ backupPath: join(dir, backup!), progress: 0 });
  });

  it('recovers every readable record and field, and counts what it could not read', () => {
    const raw = {
      progress: {
        good: goodProgress('achieved'),
        // A bad status: the record's other fields are still recovered.
        'bad-status': { ...goodProgress('finished'), note: 'keep me' },
        broken: 'not a record',
      },
      ownMilestones: [
        { not: 'a milestone' },
        {
          id: 'own-nat-plan',
          chapter: 'act',
          section: 'Nationaal',
          title: { nl: 'Nationaal plan', en: 'National plan' },
          datePhrase: null,
          kind: 'deadline',
          start: '2025-01-01',
          due: '2025-06-30',
          window: null,
          recurrence: null,
          actor: 'NL',
          own: true,
        },
      ],
      settings: { ...EMPTY_STATE.settings, timeOfDay: 'nine', leadTimesDays: [14, 0], locale: 'nl' },
      fired: { 'good#7': '2025-01-01T08:00:00.000Z', 'bad#7': 'yesterday' },
      snoozed: {},
      lastRunAt: '2025-01-01T08:00:00.000Z',
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(raw));
    const store = openStateStore({ cwd: dir });
    const state = store.read();
    expect(progressOf(state, 'good').status).toBe('achieved');
    expect(progressOf(state, 'bad-status')).toMatchObject({ status: 'unknown', note: 'keep me' });
    expect(state.log.some((e) => e.key === 'broken')).toBe(false);
    // A record that cannot be read at all is kept as it was, not dropped.
    expect(state.legacyProgress).toEqual({ broken: 'not a record' });
    expect(state.ownMilestones.map((m) => m.id)).toEqual(['own-nat-plan']);
    expect(state.settings).toMatchObject({ timeOfDay: '09:00', leadTimesDays: [14, 0], locale: 'nl' });
    expect(state.fired).toEqual({ 'good#7': '2025-01-01T08:00:00.000Z' });
    expect(state.lastRunAt).toBe('2025-01-01T08:00:00.000Z');
    // In the user's language (the stored setting is Dutch), with the counts.
    expect(store.recoveries[0]).toMatchObject({ progress: 2, own: 1, lost: 3 });
    expect(store.notices[0]).toMatch(/^Uw opgeslagen gegevens/);
    expect(store.notices[0]).toContain('2 voortgangsrecords');
    // The first-layout file is kept as it was before it was converted (and then repaired).
    const v1 = readdirSync(dir).find((f) => f.startsWith('config.v1-'))!;
    expect(JSON.parse(readFileSync(join(dir, v1), 'utf8'))).toEqual(raw);
    // The recovered state is what is on disk now: a restart gives the same, with no new warning.
    const again = openStateStore({ cwd: dir });
    expect(again.read()).toEqual(state);
    expect(again.notices).toEqual([]);
  });

  it('is never silently replaced when it holds something other than an object', () => {
    writeFileSync(join(dir, 'config.json'), '[]');
    const store = openStateStore({ cwd: dir, locale: 'nl' });
    expect(store.read()).toEqual(EMPTY_STATE);
    expect(backups()).toHaveLength(1);
    expect(store.notices[0]).toMatch(/geen opslagobject/);
  });

  it('is recovered the same way when it is damaged while the app runs', () => {
    const store = openStateStore({ cwd: dir });
    store.update((s) => applyProgressPatch(s, 'm-1', { status: 'planned' }, at));
    writeFileSync(store.path, '{ oops');
    expect(store.read()).toEqual(EMPTY_STATE);
    expect(backups()).toHaveLength(1);
    expect(store.notices).toHaveLength(1);
    expect(existsSync(store.path)).toBe(true);
  });
});
