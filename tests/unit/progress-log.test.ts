import { describe, expect, it } from 'vitest';
import {
  currentEntry,
  entriesByKey,
  entryAsOf,
  logKey,
  parseLogKey,
  type LogEntry,
} from '../../electron/core/progress-log';
import { logEntrySchema } from '../../electron/core/progress-log-schema';

const record = (
  id: string,
  recordedAt: string,
  status: 'achieved' | 'planned',
  on = '2024-05-14',
): LogEntry => ({
  type: 'record',
  id,
  key: 'act-ministers-meeting@2024-12-31',
  recordedAt,
  author: 'A. Colleague',
  note: '',
  status,
  on,
  evidence: [],
});

describe('progress log entries', () => {
  it('round-trips a cycle key', () => {
    expect(logKey('general-progress-report', '2023-12-31')).toBe('general-progress-report@2023-12-31');
    expect(parseLogKey('general-progress-report@2023-12-31')).toEqual({
      milestoneId: 'general-progress-report',
      cycle: '2023-12-31',
    });
    expect(parseLogKey('act-rapid-deployment')).toEqual({ milestoneId: 'act-rapid-deployment', cycle: null });
  });

  it('refuses a malformed key and a non-http evidence link', () => {
    expect(
      logEntrySchema.safeParse({
        ...record('aaaaaaaa-1', '2024-05-15T08:00:00.000Z', 'planned'),
        key: '../x',
      }).success,
    ).toBe(false);
    const bad = {
      ...record('aaaaaaaa-1', '2024-05-15T08:00:00.000Z', 'planned'),
      evidence: [{ title: 't', url: 'javascript:alert(1)', date: null, publisher: null }],
    };
    expect(logEntrySchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a date after the day it was recorded, with a day of slack for time zones', () => {
    const at = (on: string) =>
      logEntrySchema.safeParse(record('aaaaaaaa-1', '2024-12-31T23:30:00.000Z', 'achieved', on)).success;
    expect(at('2024-12-30')).toBe(true);
    expect(at('2024-12-31')).toBe(true);
    expect(at('2025-01-01')).toBe(true);
    expect(at('2025-01-02')).toBe(false);
  });

  it('derives the current state from the latest entry that is not retracted', () => {
    const a = record('aaaaaaaa-1', '2024-05-15T08:00:00.000Z', 'planned');
    const b = record('bbbbbbbb-2', '2024-05-16T08:00:00.000Z', 'achieved');
    expect(currentEntry([b, a])?.id).toBe('bbbbbbbb-2');
    const retract: LogEntry = {
      type: 'retraction',
      id: 'cccccccc-3',
      key: b.key,
      recordedAt: '2024-05-17T08:00:00.000Z',
      author: 'B. Colleague',
      note: 'wrong milestone',
      retracts: b.id,
    };
    expect(currentEntry([a, b, retract])?.id).toBe('aaaaaaaa-1');
    expect(currentEntry([retract])).toBeNull();
  });

  it('orders entries recorded at the same instant by id, the same on every machine', () => {
    const x = record('aaaaaaaa-1', '2024-05-15T08:00:00.000Z', 'planned');
    const y = record('bbbbbbbb-2', '2024-05-15T08:00:00.000Z', 'achieved');
    expect(currentEntry([x, y])?.id).toBe(currentEntry([y, x])?.id);
  });

  it('groups a log by key in recording order, also when it was written out of order (merged from a team)', () => {
    const a = record('aaaaaaaa-1', '2024-05-15T08:00:00.000Z', 'planned');
    const b = record('bbbbbbbb-2', '2024-05-16T08:00:00.000Z', 'achieved');
    const c = { ...record('cccccccc-3', '2024-05-14T08:00:00.000Z', 'planned'), key: 'other' };
    const grouped = entriesByKey([b, c, a]);
    expect(grouped.get(a.key)?.map((e) => e.id)).toEqual(['aaaaaaaa-1', 'bbbbbbbb-2']);
    expect(grouped.get('other')?.map((e) => e.id)).toEqual(['cccccccc-3']);
    // One grouping per log array: asking again about the same log gives the same answer.
    const log = [a, b];
    expect(entriesByKey(log)).toBe(entriesByKey(log));
    expect(entriesByKey([a])).not.toBe(entriesByKey([a]));
  });

  it('reads the state as of a date: later records do not speak, retractions always do', () => {
    const early = record('aaaaaaaa-1', '2024-05-15T08:00:00.000Z', 'planned', '2023-01-10');
    const later = record('bbbbbbbb-2', '2024-05-16T08:00:00.000Z', 'achieved', '2024-05-14');
    expect(entryAsOf([early, later], '2023-12-31')?.id).toBe('aaaaaaaa-1');
    expect(entryAsOf([early, later], '2024-05-14')?.id).toBe('bbbbbbbb-2');
    expect(entryAsOf([early, later], '2022-12-31')).toBeNull();
    const retract: LogEntry = {
      type: 'retraction',
      id: 'cccccccc-3',
      key: early.key,
      recordedAt: '2024-06-01T08:00:00.000Z',
      author: 'B. Colleague',
      note: '',
      retracts: early.id,
    };
    expect(entryAsOf([early, later, retract], '2023-12-31')).toBeNull();
  });
});
