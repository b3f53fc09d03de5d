/**
 * The review: for an "as of" date, every commitment that fell due by then, with the verdict on it,
 * and totals and rates per chapter, section, due year, actor and kind. One pure implementation:
 * the review view, its exports and the CLI all show what `buildReview` returns.
 *
 * What counts (documented for reviewers in the README):
 * - A `deadline` is due on its `due` date; a `start` commitment on its `start` date; a `recurring`
 *   one once per cycle (`cycleDates`), each cycle a separate item keyed `<id>@<YYYY-MM-DD>`.
 *   `undated` milestones and anything due after the as-of date are listed, not judged.
 * - The review reads `status` and `achievedOn` as recorded now. It does not reconstruct the past
 *   from the status history, which says when something was typed in, not when it happened. The one
 *   thing dated is achievement: achieved on a day after the as-of date counts as still open then.
 * - Deadline (and cycle) verdicts: achieved with achievedOn ≤ due → `on-time`; after due → `late`
 *   (delayDays = achievedOn − due); achieved without a date → `achieved` (no date to compare);
 *   `partial`, `missed`, `dropped` as recorded; planned or in progress → `overdue` (delayDays =
 *   asOf − due; 0 when due on the as-of date itself); no status recorded → `unknown`, also when
 *   past due: it is counted apart, never as achieved, missed or overdue.
 * - A start commitment ("vanaf 2023 …") is delivered once it is under way: in progress or achieved
 *   → `achieved` (its timing is not judged: "from 2023" is kept by anything begun since); planned →
 *   `overdue`; the other statuses as for deadlines.
 * - A recurring cycle was "held" when its verdict is `on-time`, `late` or `achieved`. Its record is,
 *   first, progress stored under the cycle's own key (`<id>@<date>`), judged like a deadline due on
 *   the cycle date. Without one, the milestone's own record counts for one cycle only: "achieved on
 *   D" marks the cycle whose period holds D (after the previous cycle date, up to and including its
 *   own) as held on time; any other status speaks for the latest cycle due by the as-of date. Every
 *   other cycle is `unknown`.
 */
import type { IsoDate } from './date-phrase';
import { CHAPTERS, isOwn, type AnyMilestone, type Chapter } from './milestone';
import { cycleDates } from './occurrences';
import { entriesByKey, entryAsOf, type EvidenceItem, type LogEntry, type RecordEntry } from './progress-log';
import { daysBetween, plusDays } from './calendar-date';
import { dueState } from './queries';
import { DEFAULT_REVIEW_SOURCE, type ReviewSource } from './review-source';
import type { Status } from './status';

/** The verdicts, in the order charts stack them: delivered first, then not, then unknown. */
export const VERDICTS = [
  'on-time',
  'late',
  'achieved',
  'partial',
  'missed',
  'dropped',
  'overdue',
  'unknown',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that mean the commitment was delivered (achieved, held, or under way for a start). */
export const DELIVERED_VERDICTS: ReadonlySet<Verdict> = new Set(['on-time', 'late', 'achieved']);

export type ReviewItemKind = 'deadline' | 'start' | 'cycle';
export const REVIEW_ITEM_KINDS: readonly ReviewItemKind[] = ['deadline', 'start', 'cycle'];

/** One commitment that fell due by the as-of date: a deadline, a start, or one recurring cycle. */
export interface ReviewItem {
  /** The milestone's id. */
  id: string;
  /** Unique per item: the id, plus "@YYYY-MM-DD" for a recurring cycle. */
  key: string;
  kind: ReviewItemKind;
  title: { nl: string; en: string };
  chapter: Chapter;
  section: string;
  actor: string;
  /** A milestone the user added, not one of the Compass. */
  own: boolean;
  /** The date it fell due: the deadline, the start date, or the cycle date. */
  due: IsoDate;
  /** The status the verdict is based on ("unknown" for a cycle no record speaks for). */
  status: Status;
  achievedOn: IsoDate | null;
  /** The date of the entry the verdict rests on ("achieved on" / "as of"); null without one. */
  on: IsoDate | null;
  /** That entry's note, evidence, author and recording instant (the latest entry as of the date). */
  note: string;
  evidence: EvidenceItem[];
  author: string | null;
  recordedAt: string | null;
  entryId: string | null;
  verdict: Verdict;
  /** Days late (`late`), days overdue on the as-of date (`overdue`), 0 for `on-time`, otherwise null. */
  delayDays: number | null;
}

export type VerdictTotals = Record<Verdict, number>;

/** Counts and rates for one group of items (or all of them). */
export interface ReviewTally {
  /** How many items fell due. */
  count: number;
  totals: VerdictTotals;
  /** Share of `count` achieved on time (0…1), null when nothing fell due. */
  onTimeShare: number | null;
  /** Share of `count` delivered: on time, late, or achieved without a date to compare. */
  deliveredShare: number | null;
  /** Share of `count` with a status recorded (not `unknown`). */
  recordedShare: number | null;
  /** Red / amber / green (see `ragOf`). */
  rag: Rag;
}

/**
 * The red/amber/green of a group: red when a quarter or more of what fell due is missed or
 * overdue; green when nothing is missed or overdue and three quarters or more is delivered;
 * amber otherwise (including much that is due with nothing recorded). Nothing due: green.
 */
export type Rag = 'red' | 'amber' | 'green';
export const RAGS: readonly Rag[] = ['red', 'amber', 'green'];
export function ragOf(count: number, totals: VerdictTotals): Rag {
  if (count === 0) return 'green';
  const bad = totals.missed + totals.overdue;
  if (bad / count >= 0.25) return 'red';
  const delivered = totals['on-time'] + totals.late + totals.achieved;
  return bad === 0 && delivered / count >= 0.75 ? 'green' : 'amber';
}

export interface ChapterTally extends ReviewTally {
  chapter: Chapter;
}
export interface SectionTally extends ReviewTally {
  chapter: Chapter;
  section: string;
}
export interface YearTally extends ReviewTally {
  year: number;
}
export interface ActorTally extends ReviewTally {
  actor: string;
}
export interface KindTally extends ReviewTally {
  kind: ReviewItemKind;
}

/** The whole review. Plain JSON: it crosses IPC as is and is the JSON export's shape. */
export interface Review extends ReviewTally {
  asOf: IsoDate;
  /** Which log it was computed from (see `entriesForSource`): ours, the public record, or both. */
  source: ReviewSource;
  byChapter: ChapterTally[];
  bySection: SectionTally[];
  byYear: YearTally[];
  byActor: ActorTally[];
  byKind: KindTally[];
  /** Open and overdue items, longest overdue first (at most LONGEST_OVERDUE_LIMIT). */
  longestOverdue: ReviewItem[];
  /** Every item due by the as-of date, soonest first (ties by key). */
  items: ReviewItem[];
  /** Ids of dated milestones with nothing due yet on the as-of date. */
  notYetDue: string[];
  /** Ids of milestones without any date. */
  undated: string[];
}

export const LONGEST_OVERDUE_LIMIT = 10;

type Judgement = Pick<
  ReviewItem,
  | 'status'
  | 'achievedOn'
  | 'on'
  | 'note'
  | 'evidence'
  | 'author'
  | 'recordedAt'
  | 'entryId'
  | 'verdict'
  | 'delayDays'
>;

const NOTHING = { on: null, note: '', evidence: [], author: null, recordedAt: null, entryId: null };
const UNKNOWN: Judgement = {
  status: 'unknown',
  achievedOn: null,
  verdict: 'unknown',
  delayDays: null,
  ...NOTHING,
};

/**
 * The verdict on one key's log for something due on `due`, as of `asOf` (due ≤ asOf): the entry
 * that speaks is the latest as of that date (`entryAsOf`). A log whose only records are achieved
 * or partial after `asOf` says it was still open then.
 */
function judge(entries: readonly LogEntry[], due: IsoDate, asOf: IsoDate, kind: ReviewItemKind): Judgement {
  const entry: RecordEntry | null = entryAsOf(entries, asOf);
  const delay = daysBetween(due, asOf);
  if (!entry) {
    const later = entryAsOf(entries, '9999-12-31');
    if (later && (later.status === 'achieved' || later.status === 'partial')) {
      return { ...UNKNOWN, status: 'in-progress', verdict: 'overdue', delayDays: delay };
    }
    return UNKNOWN;
  }
  const { status } = entry;
  const base = {
    status,
    achievedOn: status === 'achieved' || status === 'partial' ? entry.on : null,
    on: entry.on,
    note: entry.note,
    evidence: entry.evidence,
    author: entry.author,
    recordedAt: entry.recordedAt,
    entryId: entry.id,
  };
  // The one meaning of overdue (queries.ts), asked about the end of the as-of date.
  const state = dueState(status, due, plusDays(asOf, 1), kind === 'cycle' ? 'cycle' : kind);
  if (state === 'overdue') return { ...base, verdict: 'overdue', delayDays: delay };
  switch (status) {
    case 'unknown':
      return { ...base, verdict: 'unknown', delayDays: null };
    case 'partial':
    case 'missed':
    case 'dropped':
      return { ...base, verdict: status, delayDays: null };
    case 'planned':
    case 'in-progress':
      // Not overdue: a start commitment under way.
      return { ...base, verdict: 'achieved', delayDays: null };
    case 'achieved':
      if (kind === 'start') return { ...base, verdict: 'achieved', delayDays: null };
      return entry.on <= due
        ? { ...base, verdict: 'on-time', delayDays: 0 }
        : { ...base, verdict: 'late', delayDays: daysBetween(due, entry.on) };
  }
}

/**
 * The log of each cycle of a recurring milestone: its own key's entries; for a cycle without any,
 * the entries under the milestone's own id whose date falls in the cycle's period (after the
 * previous cycle date, up to and including its own), so a record made before cycles had keys of
 * their own still counts once.
 */
function cycleLogs(
  id: string,
  cycles: readonly IsoDate[],
  byKey: ReadonlyMap<string, LogEntry[]>,
): LogEntry[][] {
  const own = byKey.get(id) ?? [];
  const retractions = own.filter((e) => e.type === 'retraction');
  return cycles.map((date, i) => {
    const entries = byKey.get(`${id}@${date}`);
    if (entries?.length) return entries;
    const previous = i === 0 ? '0000-01-01' : cycles[i - 1]!;
    return [...own.filter((e) => e.type === 'record' && e.on > previous && e.on <= date), ...retractions];
  });
}

function tally(items: readonly ReviewItem[]): ReviewTally {
  const totals = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictTotals;
  for (const item of items) totals[item.verdict] += 1;
  const count = items.length;
  const share = (n: number) => (count === 0 ? null : n / count);
  return {
    count,
    totals,
    onTimeShare: share(totals['on-time']),
    deliveredShare: share(totals['on-time'] + totals.late + totals.achieved),
    recordedShare: share(count - totals.unknown),
    rag: ragOf(count, totals),
  };
}

/** Groups in order of first appearance, each with its tally. */
function groupBy<K>(items: readonly ReviewItem[], keyOf: (item: ReviewItem) => K): Array<[K, ReviewTally]> {
  const groups = new Map<K, ReviewItem[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups].map(([key, list]) => [key, tally(list)]);
}

/** The same order as `localeCompare`, without looking up a collator on every call. */
const keyOrder = new Intl.Collator();

/**
 * The review as of a date, from the progress log (entries keyed by milestone id and, for each
 * cycle of a recurring one, `<id>@<date>`); a milestone without entries is unknown.
 */
export function buildReview(
  milestones: readonly AnyMilestone[],
  log: readonly LogEntry[],
  asOf: IsoDate,
  /** The source `log` was picked from (`entriesForSource`); only recorded on the review. */
  source: ReviewSource = DEFAULT_REVIEW_SOURCE,
): Review {
  const byKey = entriesByKey(log);
  const items: ReviewItem[] = [];
  const notYetDue: string[] = [];
  const undated: string[] = [];
  for (const m of milestones) {
    const common = {
      id: m.id,
      title: { nl: m.title.nl, en: m.title.en },
      chapter: m.chapter,
      section: m.section,
      actor: m.actor,
      own: isOwn(m),
    };
    const record = byKey.get(m.id) ?? [];
    const single = (kind: ReviewItemKind, due: IsoDate | null) => {
      if (!due) undated.push(m.id);
      else if (due > asOf) notYetDue.push(m.id);
      else items.push({ ...common, key: m.id, kind, due, ...judge(record, due, asOf, kind) });
    };
    switch (m.kind) {
      case 'deadline':
        single('deadline', m.due);
        break;
      case 'start':
        single('start', m.start);
        break;
      case 'recurring': {
        const cycles = cycleDates(m, asOf);
        if (cycles.length === 0) {
          if (m.recurrence) notYetDue.push(m.id);
          else undated.push(m.id);
        }
        cycleLogs(m.id, cycles, byKey).forEach((entries, i) => {
          const due = cycles[i]!;
          const judgement = entries.length ? judge(entries, due, asOf, 'cycle') : UNKNOWN;
          items.push({ ...common, key: `${m.id}@${due}`, kind: 'cycle', due, ...judgement });
        });
        break;
      }
      case 'undated':
        undated.push(m.id);
        break;
    }
  }
  // Sections in the order the Compass (the dataset) lists them.
  const sectionOrder = new Map<string, number>();
  for (const m of milestones) {
    const key = `${m.chapter}\u0000${m.section}`;
    if (!sectionOrder.has(key)) sectionOrder.set(key, sectionOrder.size);
  }
  items.sort((a, b) => (a.due === b.due ? keyOrder.compare(a.key, b.key) : a.due < b.due ? -1 : 1));

  const byChapter = groupBy(items, (i) => i.chapter)
    .map(([chapter, t]) => ({ chapter, ...t }))
    .sort((a, b) => CHAPTERS.indexOf(a.chapter) - CHAPTERS.indexOf(b.chapter));
  const bySection = groupBy(items, (i) => `${i.chapter}\u0000${i.section}`)
    .map(([key, t]) => {
      const [chapter, section] = key.split('\u0000') as [Chapter, string];
      return { chapter, section, ...t };
    })
    .sort(
      (a, b) =>
        CHAPTERS.indexOf(a.chapter) - CHAPTERS.indexOf(b.chapter) ||
        sectionOrder.get(`${a.chapter}\u0000${a.section}`)! -
          sectionOrder.get(`${b.chapter}\u0000${b.section}`)!,
    );
  const byYear = groupBy(items, (i) => Number(i.due.slice(0, 4)))
    .map(([year, t]) => ({ year, ...t }))
    .sort((a, b) => a.year - b.year);
  const byActor = groupBy(items, (i) => i.actor)
    .map(([actor, t]) => ({ actor, ...t }))
    .sort((a, b) => b.count - a.count || a.actor.localeCompare(b.actor));
  const byKind = REVIEW_ITEM_KINDS.map((kind) => ({
    kind,
    ...tally(items.filter((i) => i.kind === kind)),
  })).filter((t) => t.count > 0);
  const longestOverdue = items
    .filter((i) => i.verdict === 'overdue')
    .sort((a, b) => (b.delayDays ?? 0) - (a.delayDays ?? 0) || keyOrder.compare(a.key, b.key))
    .slice(0, LONGEST_OVERDUE_LIMIT);

  return {
    asOf,
    source,
    ...tally(items),
    byChapter,
    bySection,
    byYear,
    byActor,
    byKind,
    longestOverdue,
    items,
    notYetDue,
    undated,
  };
}

/** A share as a whole percentage ("33%"), or "—" when there is nothing to share. */
export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 100)}%`;

/** One item whose verdict differs between two reviews (or that fell due in between). */
export interface ReviewMove {
  key: string;
  id: string;
  title: { nl: string; en: string };
  chapter: Chapter;
  due: IsoDate;
  /** The verdict in the earlier review; null when it was not yet due then. */
  from: Verdict | null;
  to: Verdict;
}

/** Two reviews side by side: what moved between the as-of dates and what is still open. */
export interface ReviewComparison {
  from: IsoDate;
  to: IsoDate;
  /** Totals of the earlier and the later review, and the difference per verdict. */
  fromTotals: VerdictTotals;
  toTotals: VerdictTotals;
  delta: VerdictTotals;
  fromCount: number;
  toCount: number;
  /** Items whose verdict changed, and items that fell due in between. */
  moved: ReviewMove[];
  /** Keys open (overdue or nothing recorded) on both dates. */
  stillOpen: ReviewMove[];
}

const OPEN_VERDICTS: ReadonlySet<Verdict> = new Set(['overdue', 'unknown']);

/** Compares two reviews of the same milestones (either order; the earlier as-of date comes first). */
export function compareReviews(a: Review, b: Review): ReviewComparison {
  const [earlier, later] = a.asOf <= b.asOf ? [a, b] : [b, a];
  const before = new Map(earlier.items.map((i) => [i.key, i]));
  const moved: ReviewMove[] = [];
  const stillOpen: ReviewMove[] = [];
  for (const item of later.items) {
    const old = before.get(item.key);
    const move: ReviewMove = {
      key: item.key,
      id: item.id,
      title: item.title,
      chapter: item.chapter,
      due: item.due,
      from: old?.verdict ?? null,
      to: item.verdict,
    };
    if (!old || old.verdict !== item.verdict) moved.push(move);
    else if (OPEN_VERDICTS.has(item.verdict)) stillOpen.push(move);
  }
  const delta = Object.fromEntries(
    VERDICTS.map((v) => [v, later.totals[v] - earlier.totals[v]]),
  ) as VerdictTotals;
  return {
    from: earlier.asOf,
    to: later.asOf,
    fromTotals: earlier.totals,
    toTotals: later.totals,
    delta,
    fromCount: earlier.count,
    toCount: later.count,
    moved,
    stillOpen,
  };
}
