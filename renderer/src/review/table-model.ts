/** Sorting and filtering the review's table: pure functions over the review's items. */
import { CHAPTERS, type Chapter } from '../../../electron/core/chapters';
import { VERDICTS, type ReviewItem, type ReviewItemKind, type Verdict } from '../../../electron/core/review';
import { STATUSES } from '../../../electron/core/status';

export const SORT_KEYS = ['due', 'title', 'chapter', 'kind', 'status', 'verdict', 'delay'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export interface TableFilter {
  query: string;
  verdict: Verdict | 'all';
  chapter: Chapter | 'all';
  kind: ReviewItemKind | 'all';
}

export const NO_FILTER: TableFilter = { query: '', verdict: 'all', chapter: 'all', kind: 'all' };

const KIND_ORDER: readonly ReviewItemKind[] = ['deadline', 'start', 'cycle'];

/** Lower-case, without accents: "Één" matches "een". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function filterItems(
  items: readonly ReviewItem[],
  filter: TableFilter,
  language: 'nl' | 'en',
): ReviewItem[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.verdict !== 'all' && item.verdict !== filter.verdict) return false;
    if (filter.chapter !== 'all' && item.chapter !== filter.chapter) return false;
    if (filter.kind !== 'all' && item.kind !== filter.kind) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${item.title[language]} ${item.key} ${item.actor} ${item.section}`);
    return words.every((word) => haystack.includes(word));
  });
}

function compare(a: ReviewItem, b: ReviewItem, key: SortKey, language: 'nl' | 'en'): number {
  switch (key) {
    case 'due':
      return a.due.localeCompare(b.due);
    case 'title':
      return a.title[language].localeCompare(b.title[language], language);
    case 'chapter':
      return CHAPTERS.indexOf(a.chapter) - CHAPTERS.indexOf(b.chapter);
    case 'kind':
      return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
    case 'status':
      return STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status);
    case 'verdict':
      return VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict);
    case 'delay':
      // Items without a delay sort after every number, in both directions.
      if (a.delayDays === null || b.delayDays === null)
        return a.delayDays === b.delayDays ? 0 : a.delayDays === null ? 1 : -1;
      return a.delayDays - b.delayDays;
  }
}

/** Sorted by the key, ties by due date and key; stable and never mutating its input. */
export function sortItems(items: readonly ReviewItem[], sort: Sort, language: 'nl' | 'en'): ReviewItem[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => {
    const primary = compare(a, b, sort.key, language);
    const nullsLast =
      sort.key === 'delay' && (a.delayDays === null) !== (b.delayDays === null) ? primary : primary * sign;
    return nullsLast || a.due.localeCompare(b.due) || a.key.localeCompare(b.key);
  });
}

/** Clicking a column: the same column flips direction; another starts ascending (delay: longest first). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'delay' ? 'descending' : 'ascending' };
}
