import { EMPTY_PROGRESS } from '../../electron/core/progress';
import { describe, expect, it } from 'vitest';
import type { OwnMilestone } from '../../electron/core/milestone';
import type { TimelineMilestone } from '../../electron/core/timeline-milestone';
import { isDueSoon, isOverdue, keyDate } from '../../renderer/src/timeline/facts';
import {
  applyFilters,
  DEFAULT_FILTERS,
  DEFAULT_VIEW,
  filterChoices,
  loadViewState,
  parseViewState,
  saveViewState,
} from '../../renderer/src/timeline/filters';
import { buildRows, chapterKey, sectionKey, UNDATED_KEY } from '../../renderer/src/timeline/rows';
import { dayNumber } from '../../electron/core/calendar-date';
import { makeScale, rangeEnd, ticks } from '../../renderer/src/timeline/scale';
import { parseLeadTimes } from '../../renderer/src/settings/SettingsView';
import { draftToMilestone, EMPTY_DRAFT, newOwnId, validateDraft } from '../../renderer/src/own/draft';
import { COMPASS } from './fake-compass-api';

const byId = (id: string) => COMPASS.find((m) => m.id === id)!;
const ids = (list: readonly TimelineMilestone[]) => list.map((m) => m.id);
const own: OwnMilestone = {
  id: 'own-national-plan',
  own: true,
  chapter: 'invest',
  section: 'Nationaal',
  title: { nl: 'Nationaal plan vastgesteld', en: 'National plan adopted' },
  datePhrase: null,
  kind: 'deadline',
  start: null,
  due: '2024-03-01',
  window: null,
  recurrence: null,
  actor: 'Ministerie',
};

describe('search and filters', () => {
  const filter = (patch: Partial<typeof DEFAULT_FILTERS>, progress = {}, today = '2024-06-15') =>
    ids(applyFilters([...COMPASS, own], { ...DEFAULT_FILTERS, ...patch }, progress, today));

  it('finds a commitment by its Dutch title, its English title or words of its quote, ignoring case and accents', () => {
    expect(filter({ search: 'snel inzetbare' })).toContain('act-rapid-deployment-capacity');
    expect(filter({ search: 'rapid deployment capacity fully' })).toEqual(['act-rapid-deployment-capacity']);
    const quoteWords = byId('general-threat-analysis').quote.split(' ').slice(3, 6).join(' ');
    expect(filter({ search: quoteWords.toUpperCase() })).toContain('general-threat-analysis');
    expect(filter({ search: 'cooRDINEERDE maritieme' })).toContain('act-coordinated-maritime-presences');
    expect(filter({ search: 'no such words anywhere' })).toEqual([]);
  });

  it('filters by chapter, kind and actor', () => {
    const act = filter({ chapter: 'act' });
    expect(act.length).toBeGreaterThan(0);
    expect(act.every((id) => byId(id).chapter === 'act')).toBe(true);
    expect(filter({ kind: 'recurring' }).every((id) => byId(id).kind === 'recurring')).toBe(true);
    expect(filter({ actor: 'Ministerie' })).toEqual(['own-national-plan']);
  });

  it('filters by status, with no recorded status counting as unknown', () => {
    const progress = {
      'act-article-44-arrangements': {
        status: 'achieved' as const,
        achievedOn: '2023-05-01',
        evidence: null,
        note: '',
        muted: false,
        history: [],
      },
    };
    expect(filter({ status: 'achieved' }, progress)).toEqual(['act-article-44-arrangements']);
    expect(filter({ status: 'unknown' }, progress)).not.toContain('act-article-44-arrangements');
    expect(filter({ status: 'unknown' }, progress)).toContain('act-rapid-deployment-capacity');
  });

  it('filters by due year: a deadline by its due year, a recurring one by every cycle', () => {
    const in2025 = filter({ year: 2025 });
    expect(in2025).toContain('act-rapid-deployment-capacity');
    expect(in2025).toContain('general-threat-analysis'); // cycles 2022, 2025, 2028
    expect(filter({ year: 2024 })).not.toContain('general-threat-analysis');
    expect(filter({ year: 2024 })).toContain('own-national-plan');
  });

  it('"only overdue" keeps open deadlines whose date passed; "only my own" keeps the user’s own', () => {
    const planned = { 'act-article-44-arrangements': { ...EMPTY_PROGRESS, status: 'planned' as const } };
    const overdue = filter({ onlyOverdue: true }, planned, '2024-06-15');
    expect(overdue).toContain('act-article-44-arrangements'); // due 2023-12-31, still planned
    // Due with nothing recorded is not overdue (it is its own state).
    expect(filter({ onlyOverdue: true }, {}, '2024-06-15')).not.toContain('act-article-44-arrangements');
    expect(overdue).not.toContain('act-rapid-deployment-capacity'); // due 2025-12-31
    expect(overdue.every((id) => id === 'own-national-plan' || byId(id).kind === 'deadline')).toBe(true);
    expect(filter({ onlyOwn: true })).toEqual(['own-national-plan']);
  });

  it('offers the years and actors found in the data', () => {
    const { years, actors } = filterChoices(COMPASS, '2024-06-15');
    expect(years).toContain(2022);
    expect(years).toContain(2028);
    expect(actors).toContain('Member States');
    expect([...years].sort((a, b) => a - b)).toEqual(years);
  });
});

describe('overdue and due soon', () => {
  const deadline = byId('act-article-44-arrangements'); // due 2023-12-31
  it('a deadline is overdue the day after its due date while open, never once achieved or dropped', () => {
    expect(isOverdue(deadline, 'unknown', '2023-12-31')).toBe(false);
    expect(isOverdue(deadline, 'in-progress', '2024-01-01')).toBe(true);
    expect(isOverdue(deadline, 'achieved', '2024-01-01')).toBe(false);
    expect(isOverdue(deadline, 'dropped', '2024-01-01')).toBe(false);
  });
  it('due soon means open and due within 30 days', () => {
    expect(isDueSoon(deadline, 'planned', '2023-12-01')).toBe(true);
    expect(isDueSoon(deadline, 'planned', '2023-11-30')).toBe(false);
    expect(isDueSoon(deadline, 'achieved', '2023-12-01')).toBe(false);
  });
  it('a recurring commitment shows its next cycle', () => {
    expect(keyDate(byId('general-threat-analysis'), '2023-01-01')).toBe('2025-12-31');
    expect(keyDate(byId('general-threat-analysis'), '2022-12-31')).toBe('2022-12-31');
  });
});

describe('rows', () => {
  it('groups by chapter in the Compass order, then by section, with undated ones in a lane at the end', () => {
    const rows = buildRows(COMPASS, new Set());
    const chapters = rows
      .filter((r) => r.type === 'chapter')
      .map((r) => (r.type === 'chapter' ? r.chapter : ''));
    expect(chapters).toEqual(['act', 'secure', 'invest', 'partners', 'general']);
    const last = rows.findIndex((r) => r.type === 'undated');
    expect(last).toBeGreaterThan(0);
    const after = rows.slice(last + 1);
    expect(after.every((r) => r.type === 'milestone' && r.milestone.kind === 'undated')).toBe(true);
    expect(after).toHaveLength(COMPASS.filter((m) => m.kind === 'undated').length);
    const milestoneRows = rows.filter((r) => r.type === 'milestone');
    expect(milestoneRows).toHaveLength(COMPASS.length);
  });

  it('leaves out the rows of collapsed groups but keeps the group headers', () => {
    const collapsed = new Set([chapterKey('act'), sectionKey('invest', 'Defensie-uitgaven'), UNDATED_KEY]);
    const rows = buildRows(COMPASS, collapsed);
    const visibleIds = rows.flatMap((r) => (r.type === 'milestone' ? [r.milestone.id] : []));
    expect(visibleIds.some((id) => byId(id).chapter === 'act')).toBe(false);
    expect(visibleIds.some((id) => byId(id).section === 'Defensie-uitgaven')).toBe(false);
    expect(visibleIds.some((id) => byId(id).kind === 'undated')).toBe(false);
    expect(rows.find((r) => r.key === chapterKey('act'))).toMatchObject({ expanded: false });
  });
});

describe('time axis', () => {
  it('runs from 2022 to the end of 2025 by default, to the present year or to 2030 when widened', () => {
    expect(rangeEnd('2025', '2024-06-15')).toBe('2025-12-31');
    expect(rangeEnd('present', '2027-03-01')).toBe('2027-12-31');
    expect(rangeEnd('present', '2024-03-01')).toBe('2025-12-31');
    expect(rangeEnd('2030', '2024-03-01')).toBe('2030-12-31');
  });
  it('places dates in proportion and zooms by changing the pixels per day', () => {
    const year = makeScale('year', '2025-12-31');
    const month = makeScale('month', '2025-12-31');
    expect(year.x('2022-01-01')).toBe(0);
    expect(month.x('2023-01-01') / year.x('2023-01-01')).toBeCloseTo(10);
    expect(month.width).toBeGreaterThan(year.width);
    expect(dayNumber('2022-01-02') - dayNumber('2022-01-01')).toBe(1);
  });
  it('ticks: years always, plus quarters or months', () => {
    const scale = makeScale('quarter', '2025-12-31');
    expect(ticks(makeScale('year', '2025-12-31'), 'year').map((t) => t.date)).toEqual([
      '2022-01-01',
      '2023-01-01',
      '2024-01-01',
      '2025-01-01',
    ]);
    expect(ticks(scale, 'quarter').filter((t) => t.unit === 'quarter')).toHaveLength(16);
    expect(ticks(makeScale('month', '2030-12-31'), 'month').filter((t) => t.unit === 'month')).toHaveLength(
      108,
    );
  });
});

describe('kept between launches', () => {
  it('stores and restores the view state', () => {
    const view = {
      ...DEFAULT_VIEW,
      zoom: 'month' as const,
      filters: { ...DEFAULT_FILTERS, chapter: 'invest' as const },
    };
    saveViewState(view);
    expect(loadViewState()).toEqual(view);
  });
  it('falls back to the defaults, field by field, for anything unreadable', () => {
    expect(parseViewState('{not json')).toEqual(DEFAULT_VIEW);
    expect(
      parseViewState(JSON.stringify({ zoom: 'decade', filters: { chapter: 'nope', search: 'x' } })),
    ).toEqual({
      ...DEFAULT_VIEW,
      filters: { ...DEFAULT_FILTERS, search: 'x' },
    });
  });
});

describe('settings and own milestones input', () => {
  it('reads lead times as whole days, largest first, and refuses anything else', () => {
    expect(parseLeadTimes('7, 30 ,0,1')).toEqual([30, 7, 1, 0]);
    expect(parseLeadTimes('')).toEqual([]);
    expect(parseLeadTimes('7, -1')).toBeNull();
    expect(parseLeadTimes('7, 1.5')).toBeNull();
    expect(parseLeadTimes('400')).toBeNull();
    expect(parseLeadTimes('1 2 3 4 5 6 7 8 9 10 11')).toBeNull();
  });
  it('names what is missing in an own milestone and builds a valid one from a complete draft', () => {
    expect(validateDraft(EMPTY_DRAFT)).toMatchObject({
      titleNl: 'own.error.required',
      titleEn: 'own.error.required',
      due: 'own.error.dateRequired',
    });
    const draft = {
      ...EMPTY_DRAFT,
      titleNl: 'Plan',
      titleEn: 'Plan',
      section: 'Nationaal',
      actor: 'Ministerie',
      due: '2024-01-01',
      start: '2024-02-01',
    };
    expect(validateDraft(draft)).toEqual({ due: 'own.error.dueBeforeStart' });
    const m = draftToMilestone({ ...draft, start: '' }, newOwnId('Plan vóór 2024!', 'k9'));
    expect(m).toMatchObject({
      id: 'own-plan-voor-2024-k9',
      own: true,
      kind: 'deadline',
      due: '2024-01-01',
      start: null,
    });
    expect(
      validateDraft({ ...draft, kind: 'recurring', everyYears: '0', first: '2024-13-01' }),
    ).toMatchObject({
      everyYears: 'own.error.everyYears',
      first: 'own.error.date',
    });
  });
});
