import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyProgressPatch } from '../support/log';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import { progressOf } from '../support/log';
import {
  exportStateJson,
  importStateIntoStore,
  importStateJson,
  StateImportError,
} from '../../electron/node/state-transfer';
import { openStateStore, type StateStore } from '../../electron/node/store';

let dir: string;
let store: StateStore;
const at = new Date('2025-03-14T09:00:00Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-import-'));
  store = openStateStore({ cwd: dir });
  store.update((s) => applyProgressPatch(s, 'here', { status: 'in-progress', note: 'mine' }, at));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ownMilestone = {
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
};

function exported(state: UserState = EMPTY_STATE): Record<string, unknown> {
  return JSON.parse(exportStateJson(state, at));
}
const withState = (patch: Record<string, unknown>) => {
  const doc = exported(applyProgressPatch(EMPTY_STATE, 'there', { status: 'achieved' }, at));
  return JSON.stringify({ ...doc, state: { ...(doc.state as object), ...patch } });
};
const goodEntry = {
  type: 'record',
  id: 'entry-00000001',
  key: 'x',
  recordedAt: '2025-03-14T09:00:00.000Z',
  author: 'A. Colleague',
  note: '',
  status: 'planned',
  on: '2025-03-14',
  evidence: [],
};
const withEntry = (patch: Record<string, unknown>) => withState({ log: [{ ...goodEntry, ...patch }] });

describe('export and import of the user state', () => {
  it('round-trips everything, and keeps the previous data as an importable file', () => {
    let source = applyProgressPatch(EMPTY_STATE, 'there', { status: 'achieved', note: 'gedaan' }, at);
    source = { ...source, ownMilestones: [ownMilestone as UserState['ownMilestones'][number]] };
    const file = exportStateJson(source, at);
    expect(JSON.parse(file)).toMatchObject({ format: 'compass-timeline-state', version: 2 });

    const { state, backupPath } = importStateIntoStore(store, file, at);
    expect(progressOf(state, 'there')).toMatchObject({ status: 'achieved', note: 'gedaan' });
    expect(state.log.some((e) => e.key === 'here')).toBe(false);
    expect(state.ownMilestones.map((m) => m.id)).toEqual(['own-nat-plan']);
    expect(openStateStore({ cwd: dir }).read()).toEqual(state);

    // Going back: import the backup.
    const back = importStateIntoStore(store, readFileSync(backupPath, 'utf8'), new Date(at.getTime() + 1000));
    expect(progressOf(back.state, 'here').note).toBe('mine');
  });

  it('keeps the reminders already shown on this machine (no repeats after an import)', () => {
    const current = {
      ...EMPTY_STATE,
      fired: { 'a#7': at.toISOString() },
      lastRunAt: '2025-03-14T09:00:00.000Z',
    };
    const other = {
      ...EMPTY_STATE,
      fired: { 'b#7': at.toISOString() },
      lastRunAt: '2025-01-01T09:00:00.000Z',
    };
    const merged = importStateJson(exportStateJson(other, at), current);
    expect(Object.keys(merged.fired).sort()).toEqual(['a#7', 'b#7']);
    expect(merged.lastRunAt).toBe('2025-03-14T09:00:00.000Z');
  });

  const BAD_FILES: [string, string, RegExp][] = [
    ['an empty file', '', /not valid JSON/],
    ['text that is not JSON', 'progress: all done', /not valid JSON/],
    ['a truncated export', exportStateJson(EMPTY_STATE, at).slice(0, 120), /not valid JSON/],
    ['a JSON array', '[]', /not a Compass Timeline data export/],
    ['another program’s JSON', '{"name": "x", "version": "1.0.0"}', /not a Compass Timeline data export/],
    ['the store file itself', JSON.stringify(EMPTY_STATE), /not a Compass Timeline data export/],
    [
      'a newer export version',
      JSON.stringify({ ...exported(), version: 3 }),
      /newer Compass Timeline.*Update the app/,
    ],
    ['a missing version', JSON.stringify({ ...exported(), version: undefined }), /at version/],
    ['a missing state', JSON.stringify({ ...exported(), state: undefined }), /at state/],
    ['an unknown status', withEntry({ status: 'done' }), /at state\.log\.0\.status/],
    ['an impossible date', withEntry({ on: '2025-02-30' }), /state\.log\.0\.on/],
    ['a date in year 0020', withEntry({ on: '0020-03-15' }), /before 2000.*state\.log\.0\.on/],
    [
      'a date after the day it was recorded',
      withEntry({ on: '2025-06-01' }),
      /after the day it was recorded.*state\.log\.0\.on/,
    ],
    [
      'a javascript: evidence link',
      withEntry({ evidence: [{ title: 'x', url: 'javascript:alert(1)', date: null, publisher: null }] }),
      /http\(s\).*state\.log\.0\.evidence\.0\.url/,
    ],
    ['an unknown field', withState({ extra: true }), /extra/],
    [
      'a bad time of day',
      withState({ settings: { ...EMPTY_STATE.settings, timeOfDay: '9 uur' } }),
      /state\.settings\.timeOfDay/,
    ],
    ['a bad fired instant', withState({ fired: { 'a#1': 'yesterday' } }), /state\.fired\.a#1/],
    [
      'an own milestone without the own- prefix',
      withState({ ownMilestones: [{ ...ownMilestone, id: 'nat-plan' }] }),
      /own-/,
    ],
    [
      'an own milestone twice',
      withState({ ownMilestones: [ownMilestone, ownMilestone] }),
      /"own-nat-plan" appears twice/,
    ],
  ];

  for (const [what, content, message] of BAD_FILES) {
    it(`rejects ${what}, names the problem, and leaves the store untouched`, () => {
      const before = readFileSync(store.path, 'utf8');
      const filesBefore = readdirSync(dir).sort();
      expect(() => importStateIntoStore(store, content, at)).toThrow(StateImportError);
      expect(() => importStateIntoStore(store, content, at)).toThrow(message);
      expect(readFileSync(store.path, 'utf8')).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(filesBefore);
      expect(progressOf(store.read(), 'here').note).toBe('mine');
    });
  }
});
