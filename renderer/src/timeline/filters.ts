/**
 * The timeline's filters and view options, their defaults, matching, and keeping them between
 * launches (localStorage). Anything unreadable in storage falls back to the default.
 */
import { KINDS, type IsoDate, type MilestoneKind } from '../../../electron/core/date-phrase';
import { isOwn } from '../../../electron/core/milestone';
import { CHAPTERS, type Chapter } from '../../../electron/core/chapters';
import type { TimelineMilestone } from '../../../electron/core/timeline-milestone';
import { STATUSES, type Status } from '../../../electron/core/status';
import { OWNER_FILTERS, type OwnerFilter } from '../../../electron/core/ownership';
import type { ProgressMap } from '../../../electron/core/progress';
import { LIMITS } from '../../../electron/core/limits';
import { matchesSearch, searchWords } from '../../../electron/core/milestone-search';
import { AGENDA_GROUPS, type AgendaGroup } from './agenda';
import { dueYears, isOverdue, statusOf } from './facts';

export interface Filters {
  search: string;
  chapter: Chapter | 'all';
  status: Status | 'all';
  kind: MilestoneKind | 'all';
  year: number | 'all';
  actor: string | 'all';
  onlyOverdue: boolean;
  onlyOwn: boolean;
  /** One strategy's milestones: "compass" (with the user's own) or an imported strategy's slug. */
  strategy: string | 'all';
  /** By owner: all milestones, mine, or my unit's (see electron/core/ownership.ts). */
  owner: OwnerFilter;
}

export const DEFAULT_FILTERS: Filters = {
  search: '',
  chapter: 'all',
  status: 'all',
  kind: 'all',
  year: 'all',
  actor: 'all',
  onlyOverdue: false,
  onlyOwn: false,
  strategy: 'all',
  owner: 'all',
};

export const ZOOMS = ['year', 'quarter', 'month'] as const;
export type Zoom = (typeof ZOOMS)[number];
/** How far the axis runs: to the end of 2025, of the present year, or of 2030. */
export const RANGES = ['2025', 'present', '2030'] as const;
export type RangeChoice = (typeof RANGES)[number];

/** The timeline tab's two views: the Gantt chart and the agenda list. */
export const VIEWS = ['gantt', 'agenda'] as const;
export type TimelineMode = (typeof VIEWS)[number];

/** The title column's width in pixels: its default and limits. */
export const LABEL_WIDTH = { default: 420, min: 240, max: 900, step: 20 } as const;

export interface ViewState {
  filters: Filters;
  zoom: Zoom;
  /** The default runs to the end of the present year, so that today is on the first screen. */
  range: RangeChoice;
  /** Keys of collapsed groups (see rows.ts). */
  collapsed: string[];
  /** Width of the title column in pixels. */
  labelWidth: number;
  mode: TimelineMode;
  /** The agenda's horizon in days. */
  agendaDays: AgendaDays;
  /** Slugs of imported strategies hidden from the timeline ("compass" hides the Compass). */
  hiddenStrategies: string[];
  /** The agenda's collapsed groups. */
  agendaCollapsed: AgendaGroup[];
  /** Reminders dismissed from the agenda's "shown" list (their keys in `fired`), newest last. */
  agendaDismissed: string[];
}

/** How many dismissed reminders are remembered (the oldest are forgotten first). */
export const AGENDA_DISMISSED_MAX = 1000;

export const AGENDA_DAYS = [30, 90] as const;
export type AgendaDays = (typeof AGENDA_DAYS)[number];

export const clampLabelWidth = (width: number): number =>
  Math.round(Math.min(LABEL_WIDTH.max, Math.max(LABEL_WIDTH.min, width)));

/**
 * The title column's width before the user drags it: the default, or 30 % of a wider window (up
 * to 600 px), so that a 1920 px screen shows whole titles beside their badges.
 */
export const defaultLabelWidth = (windowWidth: number): number =>
  Number.isFinite(windowWidth)
    ? Math.round(Math.min(600, Math.max(LABEL_WIDTH.default, windowWidth * 0.3)))
    : LABEL_WIDTH.default;

export const DEFAULT_VIEW: ViewState = {
  filters: DEFAULT_FILTERS,
  zoom: 'year',
  range: 'present',
  collapsed: [],
  labelWidth: LABEL_WIDTH.default,
  mode: 'gantt',
  agendaDays: 30,
  hiddenStrategies: [],
  agendaCollapsed: [],
  agendaDismissed: [],
};

export const VIEW_STORAGE_KEY = 'compass-timeline.view.v1';

const oneOf = <T>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** Reads a stored view state field by field; anything missing or wrong takes its default. */
export function parseViewState(raw: string | null, labelWidth: number = LABEL_WIDTH.default): ViewState {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    return { ...DEFAULT_VIEW, labelWidth };
  }
  const f = (data.filters && typeof data.filters === 'object' ? data.filters : {}) as Record<string, unknown>;
  const filters: Filters = {
    search: typeof f.search === 'string' ? f.search.slice(0, LIMITS.searchChars) : '',
    chapter: oneOf<Filters['chapter']>(['all', ...CHAPTERS], f.chapter, 'all'),
    status: oneOf<Filters['status']>(['all', ...STATUSES], f.status, 'all'),
    kind: oneOf<Filters['kind']>(['all', ...KINDS], f.kind, 'all'),
    year: Number.isInteger(f.year) ? (f.year as number) : 'all',
    actor: typeof f.actor === 'string' && f.actor ? f.actor : 'all',
    onlyOverdue: f.onlyOverdue === true,
    onlyOwn: f.onlyOwn === true,
    strategy: typeof f.strategy === 'string' && /^[a-z0-9-]{1,40}$/.test(f.strategy) ? f.strategy : 'all',
    owner: oneOf(OWNER_FILTERS, f.owner, 'all'),
  };
  return {
    filters,
    zoom: oneOf(ZOOMS, data.zoom, 'year'),
    range: oneOf(RANGES, data.range, DEFAULT_VIEW.range),
    collapsed: Array.isArray(data.collapsed)
      ? data.collapsed.filter((k): k is string => typeof k === 'string').slice(0, 1000)
      : [],
    labelWidth:
      typeof data.labelWidth === 'number' && Number.isFinite(data.labelWidth)
        ? clampLabelWidth(data.labelWidth)
        : labelWidth,
    mode: oneOf(VIEWS, data.mode, DEFAULT_VIEW.mode),
    agendaDays: oneOf(AGENDA_DAYS, data.agendaDays, DEFAULT_VIEW.agendaDays),
    hiddenStrategies: Array.isArray(data.hiddenStrategies)
      ? data.hiddenStrategies.filter((k): k is string => typeof k === 'string').slice(0, 200)
      : [],
    agendaCollapsed: AGENDA_GROUPS.filter(
      (g) => Array.isArray(data.agendaCollapsed) && data.agendaCollapsed.includes(g),
    ),
    agendaDismissed: Array.isArray(data.agendaDismissed)
      ? data.agendaDismissed
          .filter((k): k is string => typeof k === 'string' && k.length <= 300)
          .slice(-AGENDA_DISMISSED_MAX)
      : [],
  };
}

export function loadViewState(storage: Pick<Storage, 'getItem'> | null = safeStorage()): ViewState {
  try {
    const width = typeof window === 'undefined' ? Number.NaN : window.innerWidth;
    return parseViewState(storage?.getItem(VIEW_STORAGE_KEY) ?? null, defaultLabelWidth(width));
  } catch {
    return DEFAULT_VIEW;
  }
}

export function saveViewState(view: ViewState, storage: Pick<Storage, 'setItem'> | null = safeStorage()) {
  try {
    storage?.setItem(VIEW_STORAGE_KEY, JSON.stringify(view));
  } catch {
    // Storage full or disabled: the view simply isn't remembered.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const isFiltering = (filters: Filters): boolean =>
  (Object.keys(DEFAULT_FILTERS) as (keyof Filters)[]).some((key) => filters[key] !== DEFAULT_FILTERS[key]);

/**
 * The milestones that pass every filter, in their original order. The text search matches what
 * each milestone carries (the timeline's projection has titles, no quote); `searchHits`, main's
 * answer for this very search text (`searchMilestones`, which also reads the quotes), replaces it.
 */
export function applyFilters(
  milestones: readonly TimelineMilestone[],
  filters: Filters,
  progress: ProgressMap,
  today: IsoDate,
  searchHits?: ReadonlySet<string>,
): TimelineMilestone[] {
  const words = searchWords(filters.search);
  const yearsUntil = `${Math.max(2030, Number(today.slice(0, 4)))}-12-31`;
  return milestones.filter((m) => {
    if (filters.chapter !== 'all' && m.chapter !== filters.chapter) return false;
    if (filters.kind !== 'all' && m.kind !== filters.kind) return false;
    if (filters.actor !== 'all' && m.actor !== filters.actor) return false;
    if (filters.onlyOwn && !isOwn(m)) return false;
    if (filters.status !== 'all' || filters.onlyOverdue) {
      const status = statusOf(progress, m.id);
      if (filters.status !== 'all' && status !== filters.status) return false;
      if (filters.onlyOverdue && !isOverdue(m, status, today)) return false;
    }
    if (filters.year !== 'all' && !dueYears(m, yearsUntil).includes(filters.year)) return false;
    if (words.length && !(searchHits ? searchHits.has(m.id) : matchesSearch(m, words))) return false;
    return true;
  });
}

/** The choices the year and actor filters offer, from the data. */
export function filterChoices(milestones: readonly TimelineMilestone[], today: IsoDate) {
  const years = new Set<number>();
  const actors = new Set<string>();
  const until = `${Math.max(2030, Number(today.slice(0, 4)))}-12-31`;
  for (const m of milestones) {
    actors.add(m.actor);
    for (const year of dueYears(m, until)) years.add(year);
  }
  return {
    years: [...years].sort((a, b) => a - b),
    actors: [...actors].sort((a, b) => a.localeCompare(b)),
  };
}

/**
 * The milestones of the strategies shown (not hidden) and, with a strategy filter, of that one;
 * `strategyOf` names a milestone's imported strategy (undefined: the Compass or the user's own).
 */
export function applyStrategyView(
  milestones: readonly TimelineMilestone[],
  strategyOf: ReadonlyMap<string, string>,
  filter: Filters['strategy'],
  hidden: readonly string[],
): readonly TimelineMilestone[] {
  if (filter === 'all' && hidden.length === 0) return milestones;
  const hiddenSet = new Set(hidden);
  return milestones.filter((m) => {
    const slug = strategyOf.get(m.id) ?? 'compass';
    return !hiddenSet.has(slug) && (filter === 'all' || filter === slug);
  });
}
