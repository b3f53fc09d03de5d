/**
 * Files and values as an unlucky user (or an attacker) hands them over: a byte-order mark, sizes no
 * real user reaches, progress for ids that do not exist, times in the future, datasets whose dates
 * contradict each other. Real store on disk, real readers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError, parseDataset } from '../../electron/core/dataset';
import { LIMITS } from '../../electron/core/limits';
import type { Milestone } from '../../electron/core/milestone';
import { ownMilestoneSchema } from '../../electron/core/milestone-schema';
import { stripBom } from '../../electron/core/text-file';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';
import { applyProgressPatch, progressOf } from '../support/log';
import { bundledMilestones, milestonesFromFile } from '../../electron/node/milestones-source';
import { exportStateJson, importStateIntoStore, StateImportError } from '../../electron/node/state-transfer';
import { openStateStore, StoreValidationError, type StateStore } from '../../electron/node/store';

const BOM = '\uFEFF';
const at = new Date('2025-03-14T09:00:00Z');
const dataset = bundledMilestones();
const datasetIds = new Set(dataset.map((m) => m.id));
const ID = 'act-rapid-deployment-capacity';

let dir: string;
let store: StateStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-input-'));
  store = openStateStore({ cwd: join(dir, 'data') });
  store.update((s) => applyProgressPatch(s, ID, { status: 'in-progress', note: 'mine' }, at));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const own = (patch: Record<string, unknown> = {}) => ({
  id: 'own-plan',
  own: true,
  chapter: 'act',
  section: 'Nationaal',
  title: { nl: 'Plan', en: 'Plan' },
  datePhrase: null,
  kind: 'deadline',
  start: '2025-01-01',
  due: '2025-06-30',
  window: null,
  recurrence: null,
  actor: 'NL',
  ...patch,
});

/** An export file of `state`, with `patch` over its state. */
const exportOf = (state: UserState, patch: Record<string, unknown> = {}) => {
  const doc = JSON.parse(exportStateJson(state, at)) as { state: object };
  return JSON.stringify({ ...doc, state: { ...doc.state, ...patch } });
};
const unchanged = () => {
  const text = readFileSync(store.path, 'utf8');
  const files = readdirSync(join(dir, 'data')).sort();
  return () => {
    expect(readFileSync(store.path, 'utf8')).toBe(text);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(files);
  };
};

describe('a byte-order mark', () => {
  it('is stripped by one pure function, and only at the start', () => {
    expect(stripBom(`${BOM}{"a":1}`)).toBe('{"a":1}');
    expect(stripBom('{"a":"\uFEFF"}')).toBe('{"a":"\uFEFF"}');
    expect(stripBom('')).toBe('');
  });

  it('does not make the store lose anything (a config.json saved by a Windows editor)', () => {
    const text = readFileSync(store.path, 'utf8');
    writeFileSync(store.path, `${BOM}${text}`);
    const again = openStateStore({ cwd: join(dir, 'data') });
    expect(again.notices).toEqual([]);
    expect(again.recoveries).toEqual([]);
    expect(progressOf(again.read(), ID).note).toBe('mine');
    expect(readdirSync(join(dir, 'data')).filter((f) => f.includes('.damaged-'))).toEqual([]);
    // A BOM written while the app runs is read too.
    writeFileSync(store.path, `${BOM}${text}`);
    expect(progressOf(store.read(), ID).note).toBe('mine');
    expect(store.notices).toEqual([]);
  });

  it('is accepted in an import file and in a dataset file', () => {
    const file = exportOf(applyProgressPatch(EMPTY_STATE, ID, { status: 'achieved' }, at));
    const { state } = importStateIntoStore(store, `${BOM}${file}`, at, datasetIds);
    expect(progressOf(state, ID).status).toBe('achieved');
    const datasetFile = join(dir, 'dataset.json');
    writeFileSync(datasetFile, `${BOM}${JSON.stringify(dataset.slice(0, 3))}`);
    expect(milestonesFromFile(datasetFile).map((m) => m.id)).toEqual(dataset.slice(0, 3).map((m) => m.id));
  });
});

describe('size limits', () => {
  it('refuses a 10 MB title, a huge note and too many own milestones, saying what the limit is', () => {
    const same = unchanged();
    const huge = 'x'.repeat(10_000_000);
    expect(
      ownMilestoneSchema.safeParse(own({ title: { nl: huge, en: 'x' } })).error?.issues[0],
    ).toMatchObject({
      path: ['title', 'nl'],
      message: 'too long: at most 1,000 characters',
    });
    expect(() =>
      store.update((s) => ({ ...s, ownMilestones: [own({ title: { nl: huge, en: 'x' } }) as never] })),
    ).toThrow(StoreValidationError);
    expect(() => store.update((s) => applyProgressPatch(s, ID, { note: huge }, at))).toThrow(
      /at most 10,000 characters/,
    );
    const many = Array.from({ length: LIMITS.ownMilestones + 1 }, (_, i) => own({ id: `own-m-${i}` }));
    expect(() => store.update((s) => ({ ...s, ownMilestones: many as never }))).toThrow(
      /too many own milestones: at most 1,000/,
    );
    same();
  });

  it('refuses an import above the file limit or with a million history entries, and changes nothing', () => {
    const same = unchanged();
    // Valid JSON (trailing white space), but above the limit.
    const tooBig = exportOf(EMPTY_STATE) + ' '.repeat(LIMITS.importFileBytes);
    expect(() => importStateIntoStore(store, tooBig, at, datasetIds)).toThrow(
      /too large: at most 10,000,000 bytes/,
    );
    const entry = (i: number) => ({
      type: 'record',
      id: `entry-${String(i).padStart(8, '0')}`,
      key: ID,
      recordedAt: at.toISOString(),
      author: 'A',
      note: '',
      status: 'planned',
      on: '2025-03-14',
      evidence: [],
    });
    const longLog = exportOf(EMPTY_STATE, {
      log: Array.from({ length: LIMITS.logEntries + 1 }, (_, i) => entry(i)),
    });
    expect(() => importStateIntoStore(store, longLog, at, datasetIds)).toThrow(
      /too large: at most 10,000,000 bytes|too many log entries/,
    );
    same();
  });
});

describe('an import', () => {
  it('leaves out and reports progress for ids that do not exist', () => {
    const entry = (key: string, n: number) => ({
      type: 'record',
      id: `entry-import-${n}`,
      key,
      recordedAt: at.toISOString(),
      author: 'A',
      note: '',
      status: 'planned',
      on: '2025-03-14',
      evidence: [],
    });
    const file = exportOf(EMPTY_STATE, {
      ownMilestones: [own()],
      log: [
        entry(ID, 1),
        entry('own-plan', 2),
        entry('general-threat-analysis@2025-12-31', 3),
        entry('no-such-milestone', 4),
        entry('gone-too@2024-12-31', 5),
      ],
      muted: ['not-here'],
    });
    const { state, unknownIds } = importStateIntoStore(store, file, at, datasetIds);
    expect(unknownIds).toEqual(['no-such-milestone', 'gone-too@2024-12-31', 'not-here']);
    expect(state.log.map((e) => e.key)).toEqual([ID, 'own-plan', 'general-threat-analysis@2025-12-31']);
    expect(
      openStateStore({ cwd: join(dir, 'data') })
        .read()
        .log.map((e) => e.key),
    ).not.toContain('no-such-milestone');
  });

  it('refuses log keys that are not milestone keys at all, and changes nothing', () => {
    const same = unchanged();
    const file = exportOf(EMPTY_STATE, {
      log: [
        {
          type: 'record',
          id: 'entry-bad-key',
          key: 'NOT an id ../../ !!',
          recordedAt: at.toISOString(),
          author: 'A',
          note: '',
          status: 'planned',
          on: '2025-03-14',
          evidence: [],
        },
      ],
    });
    expect(() => importStateIntoStore(store, file, at, datasetIds)).toThrow(/expected <milestone id>/);
    same();
  });

  it.each([
    ['lastRunAt', { lastRunAt: '9999-12-31T00:00:00.000Z' }, /lastRunAt: 9999-12-31/],
    ['a fired reminder', { fired: { 'a#7': '2999-01-01T00:00:00.000Z' } }, /fired\.a#7/],
    ['a snooze for years', { snoozed: { 'a#7': '2999-01-01T00:00:00.000Z' } }, /snoozed\.a#7/],
    [
      'a log entry',
      {
        log: [
          {
            type: 'record',
            id: 'entry-future-1',
            key: ID,
            recordedAt: '2031-01-01T00:00:00.000Z',
            author: 'A',
            note: '',
            status: 'planned',
            on: '2025-03-14',
            evidence: [],
          },
        ],
      },
      /log\.0\.recordedAt/,
    ],
  ])('refuses a time in the future (%s) and changes nothing', (_what, patch, where) => {
    const same = unchanged();
    const file = exportOf(EMPTY_STATE, patch);
    expect(() => importStateIntoStore(store, file, at, datasetIds)).toThrow(StateImportError);
    expect(() => importStateIntoStore(store, file, at, datasetIds)).toThrow(where);
    expect(() => importStateIntoStore(store, file, at, datasetIds)).toThrow(/in the future/);
    same();
  });

  it('accepts a snooze until next week and a run a few hours ahead (another clock)', () => {
    const soon = new Date(at.getTime() + 7 * 86_400_000).toISOString();
    const file = exportOf(EMPTY_STATE, {
      snoozed: { 'a#7': soon },
      lastRunAt: new Date(at.getTime() + 3_600_000).toISOString(),
    });
    expect(importStateIntoStore(store, file, at, datasetIds).state.snoozed['a#7']).toBe(soon);
  });
});

describe('a dataset', () => {
  const deadline = dataset.find((m) => m.kind === 'deadline' && m.start && m.window)!;
  const recurring = dataset.find((m) => m.kind === 'recurring')!;
  it.each<[string, Partial<Milestone>, RegExp]>([
    ['a deadline without a due date', { due: null }, /\[0\]\.due: a deadline needs a due date/],
    [
      'a due date before its start',
      { start: '2030-01-01' },
      /\[0\]\.due: the due date cannot be before the start/,
    ],
    [
      'a reversed window',
      { window: { from: '2025-12-31', to: '2025-01-01' } },
      /\[0\]\.window: the window must end after it begins/,
    ],
    ['a title above the limit', { title: { nl: 'x'.repeat(2000), en: 'x' } }, /\[0\]\.title\.nl: too long/],
  ])('with %s is refused with its place', (_what, patch, message) => {
    expect(() => parseDataset([{ ...deadline, ...patch }])).toThrow(DatasetError);
    expect(() => parseDataset([{ ...deadline, ...patch }])).toThrow(message);
  });

  it('with a recurring entry without a recurrence is refused', () => {
    expect(() => parseDataset([{ ...recurring, recurrence: null }])).toThrow(
      /a recurring commitment needs a recurrence/,
    );
  });
});
