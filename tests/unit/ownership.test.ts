import { describe, expect, it } from 'vitest';
import {
  currentOwner,
  deriveOwners,
  milestonesOwnedBy,
  ownerMatches,
  ownerOf,
} from '../../electron/core/ownership';
import { appendOwner, appendRecord, LogEntryError } from '../../electron/core/recording';
import { deriveProgress } from '../../electron/core/progress';
import type { OwnerEntry } from '../../electron/core/progress-log';
import { logEntrySchema } from '../../electron/core/progress-log-schema';
import {
  deriveTodo,
  entryToJournal,
  readProgressResource,
  todoResource,
} from '../../electron/core/team-ical';
import { EMPTY_STATE, userStateSchema, type UserState } from '../../electron/core/user-state';
import { meOf } from '../../electron/node/author';

let n = 0;
const ctx = (at: string, author = 'Anna') => ({
  author,
  now: new Date(at),
  today: at.slice(0, 10),
  newId: () => `owner-test-${String((n += 1)).padStart(4, '0')}`,
});

const owner = (id: string, recordedAt: string, person: string | null, unit: string | null): OwnerEntry => ({
  type: 'owner',
  id,
  key: 'defence-budget',
  recordedAt,
  author: 'someone',
  note: '',
  person,
  unit,
});

describe('the owner of a milestone', () => {
  it('is the latest owner entry by recording time, whatever the order of the log', () => {
    const a = owner('aaaaaaaa-1', '2024-03-01T10:00:00.000Z', 'Anna', 'Unit A');
    const b = owner('bbbbbbbb-2', '2024-03-02T10:00:00.000Z', 'Bram', null);
    expect(currentOwner([a, b])).toMatchObject({ person: 'Bram', unit: null, entryId: 'bbbbbbbb-2' });
    expect(currentOwner([b, a])).toMatchObject({ person: 'Bram', entryId: 'bbbbbbbb-2' });
  });

  it('breaks a tie of the same instant by entry id, so every machine derives the same owner', () => {
    const at = '2024-03-01T10:00:00.000Z';
    const low = owner('aaaaaaaa-1', at, 'Anna', null);
    const high = owner('zzzzzzzz-9', at, 'Bram', null);
    expect(currentOwner([low, high])?.person).toBe('Bram');
    expect(currentOwner([high, low])?.person).toBe('Bram');
    expect(deriveOwners([high, low]).get('defence-budget')?.person).toBe('Bram');
  });

  it('is gone after a clearing entry, and back after a new assignment', () => {
    const set = owner('aaaaaaaa-1', '2024-03-01T10:00:00.000Z', 'Anna', 'Unit A');
    const clear = owner('bbbbbbbb-2', '2024-03-02T10:00:00.000Z', null, null);
    expect(currentOwner([set, clear])).toBeNull();
    expect(deriveOwners([set, clear]).has('defence-budget')).toBe(false);
    const again = owner('cccccccc-3', '2024-03-03T10:00:00.000Z', null, 'Unit B');
    expect(currentOwner([set, clear, again])).toMatchObject({ person: null, unit: 'Unit B' });
  });

  it('of a cycle is the milestone’s', () => {
    const owners = deriveOwners([
      { ...owner('aaaaaaaa-1', '2024-03-01T10:00:00.000Z', 'Anna', null), key: 'report' },
    ]);
    expect(ownerOf(owners, 'report@2024-12-31')?.person).toBe('Anna');
    expect(ownerOf(owners, 'other')).toBeNull();
  });
});

describe('appendOwner', () => {
  it('appends an entry the store accepts, trims names and keeps the progress apart', () => {
    let state: UserState = appendRecord(
      EMPTY_STATE,
      { key: 'defence-budget', status: 'planned' },
      ctx('2024-03-01T09:00:00.000Z'),
    ).state;
    const result = appendOwner(
      state,
      { key: 'defence-budget', person: '  Anna   de Vries ', unit: 'Unit A' },
      ctx('2024-03-01T10:00:00.000Z'),
    );
    state = result.state;
    expect(result.entry).toMatchObject({
      type: 'owner',
      person: 'Anna de Vries',
      unit: 'Unit A',
      author: 'Anna',
    });
    expect(userStateSchema.safeParse(state).success).toBe(true);
    // The owner entry is not a change of status: the progress is derived from the record alone.
    expect(deriveProgress(state)['defence-budget']).toMatchObject({ status: 'planned', changes: 1 });
  });

  it('clears with empty names, and records nothing when the owner is already that', () => {
    const first = appendOwner(
      EMPTY_STATE,
      { key: 'x', person: 'Anna' },
      ctx('2024-03-01T10:00:00.000Z'),
    ).state;
    const same = appendOwner(first, { key: 'x', person: 'Anna', unit: '' }, ctx('2024-03-01T11:00:00.000Z'));
    expect(same.state).toBe(first);
    expect(same.entry).toBeNull();
    const cleared = appendOwner(
      first,
      { key: 'x', person: ' ', unit: null },
      ctx('2024-03-01T12:00:00.000Z'),
    );
    expect(cleared.entry).toMatchObject({ person: null, unit: null });
    expect(deriveOwners(cleared.state.log).has('x')).toBe(false);
  });

  it('refuses a cycle key, a name of several lines and an unknown key shape, changing nothing', () => {
    const at = ctx('2024-03-01T10:00:00.000Z');
    expect(() => appendOwner(EMPTY_STATE, { key: 'report@2024-12-31', person: 'Anna' }, at)).toThrow(
      /whole milestone/,
    );
    expect(() => appendOwner(EMPTY_STATE, { key: 'x', person: 'Anna\nBram' }, at)).toThrow(LogEntryError);
    expect(() => appendOwner(EMPTY_STATE, { key: 'Not A Key', person: 'Anna' }, at)).toThrow(LogEntryError);
  });
});

describe('the owner filter', () => {
  const owners = deriveOwners([
    { ...owner('aaaaaaaa-1', '2024-03-01T10:00:00.000Z', 'Anna de Vries', 'Unit A'), key: 'one' },
    { ...owner('bbbbbbbb-2', '2024-03-01T10:00:00.000Z', 'Bram', 'Unit A'), key: 'two' },
    { ...owner('cccccccc-3', '2024-03-01T10:00:00.000Z', null, 'Unit B'), key: 'three' },
  ]);
  const list = [{ id: 'one' }, { id: 'two' }, { id: 'three' }, { id: 'four' }];
  const me = { person: 'anna  DE vries', unit: 'unit a' };

  it('keeps all, mine (by person, any case and spacing) or my unit', () => {
    expect(milestonesOwnedBy(list, owners, 'all', me).map((m) => m.id)).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
    expect(milestonesOwnedBy(list, owners, 'mine', me).map((m) => m.id)).toEqual(['one']);
    expect(milestonesOwnedBy(list, owners, 'unit', me).map((m) => m.id)).toEqual(['one', 'two']);
  });

  it('matches nothing for a filter whose side is unknown', () => {
    expect(ownerMatches(owners.get('three')!, 'unit', { person: 'Anna', unit: null })).toBe(false);
    expect(ownerMatches(null, 'mine', me)).toBe(false);
  });
});

describe('owner entries on the team server', () => {
  const set = { ...owner('aaaaaaaa-1', '2024-03-01T10:00:00.000Z', 'Anna', 'Unit A'), key: 'one' };

  it('travel as a journal that reads back as the same entry', () => {
    const text = entryToJournal(set);
    expect(text).toContain('X-COMPASS-TYPE;VALUE=TEXT:owner');
    expect(text).toContain('X-COMPASS-OWNER-UNIT;VALUE=TEXT:Unit A');
    const back = readProgressResource(text);
    expect(back).toEqual({ kind: 'journal', entry: logEntrySchema.parse(set) });
  });

  it('show on the task as CONTACT, count as a change of the task, and keep what others added', () => {
    expect(deriveTodo('one', [set]).count).toBe(1);
    const first = todoResource({ key: 'one', entries: [set] });
    expect(first).toContain('CONTACT:Anna (Unit A)');
    const edited = first.replace('END:VTODO', 'CATEGORIES:Team\r\nEND:VTODO');
    const cleared = { ...owner('bbbbbbbb-2', '2024-03-02T10:00:00.000Z', null, null), key: 'one' };
    const next = todoResource({ key: 'one', entries: [set, cleared] }, edited);
    expect(next).not.toContain('CONTACT');
    expect(next).toContain('CATEGORIES:Team');
    expect(next).toContain('X-COMPASS-COUNT:2');
  });
});

describe('who "I" am', () => {
  it('is Settings’ person, else the name on entries, else the team user name; the unit only from Settings', () => {
    const base = { author: null, me: undefined };
    expect(meOf({ ...base, me: { person: 'Anna', unit: 'Unit A' } }, 'team')).toEqual({
      person: 'Anna',
      unit: 'Unit A',
    });
    expect(meOf({ ...base, author: 'Anna de Vries' }, 'team')).toEqual({
      person: 'Anna de Vries',
      unit: null,
    });
    expect(meOf(base, 'anna.devries')).toEqual({ person: 'anna.devries', unit: null });
    expect(meOf(base, null).person).toBeTruthy(); // the OS user
  });
});
