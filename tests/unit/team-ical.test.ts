import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../electron/core/progress-log';
import {
  deriveTodo,
  entryToJournal,
  eventIdentity,
  readProgressResource,
  splitFeed,
  todoResource,
  todoUid,
} from '../../electron/core/team-ical';
import { buildIcal } from '../../electron/core/ical';
import { EMPTY_STATE } from '../../electron/core/user-state';
import { milestone } from '../support/milestones';
import { reviewWords } from '../../electron/node/i18n';

const record = (id: string, recordedAt: string, status: 'achieved' | 'in-progress' | 'dropped', extra = {}) =>
  ({
    type: 'record',
    id,
    key: 'rdc',
    recordedAt,
    author: 'Anna de Vries',
    note: 'Line one, with a comma; a semicolon\nline two \\ backslash',
    status,
    on: '2025-03-01',
    evidence: [
      { title: 'Council conclusions, 2025', url: 'https://example.org/a?b=c,d', date: null, publisher: null },
    ],
    ...extra,
  }) as LogEntry;

const rdc = milestone('rdc', 'Uiterlijk in 2025');

/** The content lines of one property in an iCalendar text (unfolded). */
const lines = (text: string, name: string) =>
  text
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('a log entry as a VJOURNAL', () => {
  it('round-trips every field, with the entry id as UID and CRLF line ends', () => {
    const entry = record('11111111-aaaa', '2025-03-02T10:00:00.000Z', 'achieved');
    const text = entryToJournal(entry);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines(text, 'UID')).toEqual(['UID:11111111-aaaa']);
    expect(lines(text, 'DTSTART')).toEqual(['DTSTART;VALUE=DATE:20250301']);
    expect(lines(text, 'X-COMPASS-AUTHOR')).toEqual(['X-COMPASS-AUTHOR;VALUE=TEXT:Anna de Vries']);
    expect(lines(text, 'RELATED-TO')).toEqual([`RELATED-TO:${todoUid('rdc')}`]);
    expect(readProgressResource(text)).toEqual({ kind: 'journal', entry });
    expect(entryToJournal(entry)).toBe(text);
  });

  it('round-trips a retraction', () => {
    const entry: LogEntry = {
      type: 'retraction',
      id: '22222222-bbbb',
      key: 'rdc@2025-12-31',
      recordedAt: '2025-03-03T10:00:00.000Z',
      author: 'B',
      note: '',
      retracts: '11111111-aaaa',
    };
    expect(readProgressResource(entryToJournal(entry))).toEqual({ kind: 'journal', entry });
  });

  it('treats foreign, broken or tampered resources as "other", never as entries', () => {
    const entry = record('11111111-aaaa', '2025-03-02T10:00:00.000Z', 'achieved');
    const tampered = entryToJournal(entry).replace('UID:11111111-aaaa', 'UID:someone-else');
    expect(readProgressResource(tampered).kind).toBe('other');
    expect(readProgressResource('not a calendar').kind).toBe('other');
    expect(
      readProgressResource('BEGIN:VCALENDAR\r\nBEGIN:VJOURNAL\r\nUID:x\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n')
        .kind,
    ).toBe('other');
    const badEntry = entryToJournal({ ...entry, status: 'nonsense' } as unknown as LogEntry);
    expect(readProgressResource(badEntry).kind).toBe('other');
  });
});

describe('the task of a milestone', () => {
  const a = record('aaaaaaaa-1', '2025-03-02T10:00:00.000Z', 'in-progress');
  const b = record('bbbbbbbb-2', '2025-03-04T10:00:00.000Z', 'achieved', { author: 'Bert Jansen' });

  it('shows the derived state: status, percent, completed, due', () => {
    const text = todoResource({ key: 'rdc', entries: [b, a], milestone: rdc, lang: 'en' });
    expect(lines(text, 'STATUS')).toEqual(['STATUS:COMPLETED']);
    expect(lines(text, 'PERCENT-COMPLETE')).toEqual(['PERCENT-COMPLETE:100']);
    expect(lines(text, 'COMPLETED')).toEqual(['COMPLETED:20250301T120000Z']);
    expect(lines(text, 'DUE')).toEqual(['DUE;VALUE=DATE:20251231']);
    expect(lines(text, 'SUMMARY')).toEqual(['SUMMARY:rdc en']);
    expect(lines(text, 'UID')).toEqual([`UID:${todoUid('rdc')}`]);
    expect(readProgressResource(text)).toEqual({ kind: 'todo', key: 'rdc', count: 2, entryId: b.id });
    // The same entries in any order give the same task.
    expect(todoResource({ key: 'rdc', entries: [a, b], milestone: rdc, lang: 'en' })).toBe(text);
  });

  it('maps in-progress, dropped and nothing-recorded', () => {
    const status = (entries: LogEntry[]) =>
      lines(todoResource({ key: 'rdc', entries, milestone: rdc }), 'STATUS');
    expect(status([a])).toEqual(['STATUS:IN-PROCESS']);
    expect(status([record('cccccccc-3', '2025-03-02T10:00:00.000Z', 'dropped')])).toEqual([
      'STATUS:CANCELLED',
    ]);
    expect(status([])).toEqual(['STATUS:NEEDS-ACTION']);
    const retracted = deriveTodo('rdc', [
      b,
      {
        ...b,
        type: 'retraction',
        id: 'dddddddd-4',
        retracts: b.id,
        recordedAt: '2025-03-05T00:00:00.000Z',
      } as LogEntry,
    ]);
    expect(retracted).toMatchObject({ status: 'unknown', entry: null, count: 2 });
  });

  it('a cycle is due on its date', () => {
    const text = todoResource({ key: 'rdc@2024-12-31', entries: [], milestone: rdc });
    expect(lines(text, 'DUE')).toEqual(['DUE;VALUE=DATE:20241231']);
    expect(lines(text, 'SUMMARY')).toEqual(['SUMMARY:rdc nl (2024)']);
  });

  it('keeps the properties, alarms and time zones another client added when it is rewritten', () => {
    const first = todoResource({ key: 'rdc', entries: [a], milestone: rdc });
    const edited = first
      .replace(
        'END:VTODO\r\n',
        'CATEGORIES:Team Oost,Prioriteit\r\nPRIORITY:1\r\nX-OTHER-APP;X-P=1:kept\\, exactly\r\n' +
          'BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:bel\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VTODO\r\n',
      )
      .replace('BEGIN:VTODO', 'BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\nEND:VTIMEZONE\r\nBEGIN:VTODO');
    const rewritten = todoResource({ key: 'rdc', entries: [a, b], milestone: rdc }, edited);
    expect(lines(rewritten, 'STATUS')).toEqual(['STATUS:COMPLETED']);
    expect(lines(rewritten, 'CATEGORIES')).toEqual(['CATEGORIES:Team Oost,Prioriteit']);
    expect(lines(rewritten, 'PRIORITY')).toEqual(['PRIORITY:1']);
    expect(lines(rewritten, 'X-OTHER-APP')).toEqual(['X-OTHER-APP;X-P=1:kept\\, exactly']);
    expect(lines(rewritten, 'TRIGGER')).toEqual(['TRIGGER:-PT15M']);
    expect(lines(rewritten, 'TZID')).toEqual(['TZID:Europe/Brussels']);
    expect(lines(rewritten, 'UID')).toHaveLength(1);
    expect(readProgressResource(rewritten)).toMatchObject({ kind: 'todo', count: 2 });
  });
});

describe('the deadline calendar', () => {
  it('splits the feed into one resource per event with the same UID, SEQUENCE and alarms', () => {
    const milestones = [rdc, milestone('yearly', 'jaarlijks', {}, 2022)];
    const feed = buildIcal(milestones, EMPTY_STATE, reviewWords, { lang: 'en' });
    const resources = splitFeed(feed);
    const uids = feed.match(/^UID:.*$/gm)!.map((l) => l.slice(4).trim());
    expect(resources.map((r) => r.uid)).toEqual(uids);
    expect(resources[0]!.fileName).toMatch(/\.ics$/);
    for (const r of resources) {
      expect(r.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(r.text).toContain('PRODID:');
      expect(eventIdentity(r.text)).toEqual({ uid: r.uid, sequence: 0 });
    }
    const alarms = (text: string) => (text.match(/BEGIN:VALARM/g) ?? []).length;
    expect(resources.reduce((n, r) => n + alarms(r.text), 0)).toBe(alarms(feed));
  });
});
