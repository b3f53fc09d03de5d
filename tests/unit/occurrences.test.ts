import { describe, expect, it } from 'vitest';
import {
  isCycleOf,
  occurrencesBetween,
  occurrencesOf,
  occurrencesUntil,
  recordableCycles,
} from '../../electron/core/occurrences';
import { groupByChapterSection, dueUnrecorded, overdue, upcoming } from '../../electron/core/queries';
import { EMPTY_PROGRESS } from '../../electron/core/progress';
import { milestone } from '../support/milestones';

const forum = milestone('forum', 'tweejaarlijkse', {}, 2022);
const report = milestone('report', 'jaarlijks', {}, 2023);
const rdc = milestone('rdc', 'Uiterlijk in 2025');
const drills = milestone('drills', 'Vanaf 2023');
const undated = milestone('undated', null);

describe('occurrences', () => {
  it('gives the partnership forum one occurrence every two years from its first', () => {
    expect(occurrencesUntil(forum, '2030-12-31').map((o) => o.date)).toEqual([
      '2022-12-31',
      '2024-12-31',
      '2026-12-31',
      '2028-12-31',
      '2030-12-31',
    ]);
  });

  it('records a cycle only on its own date, and offers every cycle due by today and the next', () => {
    expect(isCycleOf(forum, '2024-12-31')).toBe(true);
    expect(isCycleOf(forum, '2023-12-31')).toBe(false); // every two years
    expect(isCycleOf(forum, '2020-12-31')).toBe(false); // before the first
    expect(recordableCycles(forum, '2025-06-01')).toEqual(['2022-12-31', '2024-12-31', '2026-12-31']);
    expect(recordableCycles(forum, '2024-12-31')).toEqual(['2022-12-31', '2024-12-31', '2026-12-31']);
    expect(recordableCycles(forum, '2022-01-01')).toEqual(['2022-12-31']); // none due yet: the first
    expect(recordableCycles(rdc, '2025-06-01')).toEqual([]);
  });

  it('keys each cycle by date so it can be reminded about and reviewed once', () => {
    const keys = occurrencesOf(report, { from: '2023-01-01', to: '2025-12-31' }).map((o) => o.key);
    expect(keys).toEqual(['report@2023-12-31', 'report@2024-12-31', 'report@2025-12-31']);
  });

  it('places a deadline on its due date, a start on its start date, and nothing for undated', () => {
    const all = occurrencesBetween([rdc, drills, undated], { from: '2022-01-01', to: '2030-12-31' });
    expect(all).toEqual([
      { milestoneId: 'drills', key: 'drills', date: '2023-01-01', type: 'start' },
      { milestoneId: 'rdc', key: 'rdc', date: '2025-12-31', type: 'deadline' },
    ]);
  });

  it('leaves out what falls outside the range, inclusive at both ends', () => {
    expect(occurrencesOf(rdc, { from: '2025-12-31', to: '2025-12-31' })).toHaveLength(1);
    expect(occurrencesOf(rdc, { from: '2026-01-01', to: '2026-12-31' })).toHaveLength(0);
    expect(occurrencesOf(forum, { from: '2023-01-01', to: '2024-12-30' })).toHaveLength(0);
  });
});

describe('queries', () => {
  it('upcoming leaves out achieved and dropped milestones but keeps the open ones', () => {
    const state = {
      progress: {
        rdc: { ...EMPTY_PROGRESS, status: 'achieved' as const },
        report: { ...EMPTY_PROGRESS, status: 'in-progress' as const },
      },
    };
    const ids = upcoming([rdc, report, forum], state, '2025-01-01', 365).map((i) => i.occurrence.key);
    expect(ids).toEqual(['report@2025-12-31']);
  });

  it('overdue lists past deadlines that are still open, oldest first, as of the given day', () => {
    const late = milestone('late', 'uiterlijk eind 2022');
    const later = milestone('later', 'Uiterlijk in 2023');
    const done = milestone('done', 'Uiterlijk in 2023');
    const state = {
      progress: {
        done: { ...EMPTY_PROGRESS, status: 'achieved' as const },
        late: { ...EMPTY_PROGRESS, status: 'planned' as const },
        later: { ...EMPTY_PROGRESS, status: 'in-progress' as const },
      },
    };
    const nothing = { progress: {} };
    expect(overdue([later, late, done, rdc], state, '2024-01-01').map((i) => i.milestone.id)).toEqual([
      'late',
      'later',
    ]);
    // Nothing recorded is its own state, never overdue.
    expect(overdue([later, late], nothing, '2023-12-31')).toEqual([]);
    expect(dueUnrecorded([later, late], nothing, '2023-12-31').map((i) => i.milestone.id)).toEqual(['late']);
  });

  it('groups by chapter in the Compass order, then by section in order of appearance', () => {
    const groups = groupByChapterSection([
      { ...rdc, chapter: 'invest' as const, section: 'B' },
      { ...forum, chapter: 'act' as const, section: 'A' },
      { ...report, chapter: 'invest' as const, section: 'A' },
    ]);
    expect(groups.map((g) => [g.chapter, g.sections.map((s) => s.section)])).toEqual([
      ['act', ['A']],
      ['invest', ['B', 'A']],
    ]);
  });
});
