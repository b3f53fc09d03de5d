/**
 * The review: for an "as of" date, every commitment that fell due by then, with the verdict on it,
 * and totals and rates per chapter, section, due year, actor and kind. One pure implementation:
 * the review view, its exports and the CLI all show what `buildReview` returns.
 *
 * What counts (documented for reviewers in the README):
 * - A `deadline` is due on its `due` date; a `start` commitment on its `start` date; a `recurring`
 *   one once per cycle (`occurrencesUntil`), each cycle a separate item keyed `<id>@<YYYY-MM-DD>`.
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
import { isOwn, type AnyMilestone } from './milestone';
import { CHAPTERS, type Chapter } from './chapters';
import { occurrencesUntil } from './occurrences';
import {
  currentEntry,
  entriesByKey,
  entryAsOf,
  type EvidenceItem,
  type LogEntry,
  type RecordEntry,
} from './progress-log';
import { dayNumber, daysBetween, plusDays } from './calendar-date';
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

/** What one key's log says about something due: the entry that speaks (if any) and the verdict. */
interface Judgement {
  status: Status;
  entry: RecordEntry | null;
  verdict: Verdict;
  delayDays: number | null;
}

const UNKNOWN: Judgement = { status: 'unknown', entry: null, verdict: 'unknown', delayDays: null };

/** What one review asks of every item: the as-of date, the day after it, and its day number. */
interface AsOf {
  date: IsoDate;
  /** The day after `date`: `dueState` is asked about the end of the as-of date. */
  dayAfter: IsoDate;
  /** `date` in whole days since 1970-01-01 (UTC). */
  day: number;
}

/**
 * The verdict on one key's log for something due on `due`, as of `asOf` (due ≤ asOf): the entry
 * that speaks is the latest as of that date (`entryAsOf`). A log whose only records are achieved
 * or partial after `asOf` says it was still open then.
 */
function judge(entries: readonly LogEntry[], due: IsoDate, asOf: AsOf, kind: ReviewItemKind): Judgement {
  if (entries.length === 0) return UNKNOWN;
  const entry = entryAsOf(entries, asOf.date);
  const delay = asOf.day - dayNumber(due);
  if (!entry) {
    const later = currentEntry(entries);
    if (later && (later.status === 'achieved' || later.status === 'partial')) {
      return { status: 'in-progress', entry: null, verdict: 'overdue', delayDays: delay };
    }
    return UNKNOWN;
  }
  const { status } = entry;
  // The one meaning of overdue (queries.ts), asked about the end of the as-of date.
  if (dueState(status, due, asOf.dayAfter, kind) === 'overdue') {
    return { status, entry, verdict: 'overdue', delayDays: delay };
  }
  switch (status) {
    case 'unknown':
      return { status, entry, verdict: 'unknown', delayDays: null };
    case 'partial':
    case 'missed':
    case 'dropped':
      return { status, entry, verdict: status, delayDays: null };
    case 'planned':
    case 'in-progress':
      // Not overdue: a start commitment under way.
      return { status, entry, verdict: 'achieved', delayDays: null };
    case 'achieved':
      if (kind === 'start') return { status, entry, verdict: 'achieved', delayDays: null };
      return entry.on <= due
        ? { status, entry, verdict: 'on-time', delayDays: 0 }
        : { status, entry, verdict: 'late', delayDays: daysBetween(due, entry.on) };
  }
}

/** The evidence of an item without an entry (shared: nothing ever adds to it). */
const NO_EVIDENCE: EvidenceItem[] = [];

/** The fields every item of one milestone shares. */
type ItemBase = Pick<ReviewItem, 'id' | 'title' | 'chapter' | 'section' | 'actor' | 'own'>;

const itemBase = (m: AnyMilestone): ItemBase => ({
  id: m.id,
  title: { nl: m.title.nl, en: m.title.en },
  chapter: m.chapter,
  section: m.section,
  actor: m.actor,
  own: isOwn(m),
});

/** One review item, always built in the same shape (field order as `ReviewItem`'s JSON). */
function reviewItem(
  base: ItemBase,
  key: string,
  kind: ReviewItemKind,
  due: IsoDate,
  { status, entry, verdict, delayDays }: Judgement,
): ReviewItem {
  return {
    id: base.id,
    title: base.title,
    chapter: base.chapter,
    section: base.section,
    actor: base.actor,
    own: base.own,
    key,
    kind,
    due,
    status,
    achievedOn: entry && (entry.status === 'achieved' || entry.status === 'partial') ? entry.on : null,
    on: entry ? entry.on : null,
    note: entry ? entry.note : '',
    evidence: entry ? entry.evidence : NO_EVIDENCE,
    author: entry ? entry.author : null,
    recordedAt: entry ? entry.recordedAt : null,
    entryId: entry ? entry.id : null,
    verdict,
    delayDays,
  };
}

const NO_ENTRIES: readonly LogEntry[] = [];

/**
 * The log of one cycle of a recurring milestone: its own key's entries; for a cycle without any,
 * the entries under the milestone's own id whose date falls in the cycle's period (after the
 * previous cycle date, up to and including its own), so a record made before cycles had keys of
 * their own still counts once.
 */
function cycleLog(
  own: readonly LogEntry[],
  cycleEntries: readonly LogEntry[] | undefined,
  previous: IsoDate,
  date: IsoDate,
): readonly LogEntry[] {
  if (cycleEntries?.length) return cycleEntries;
  if (own.length === 0) return NO_ENTRIES;
  const inPeriod = own.filter((e) => e.type === 'record' && e.on > previous && e.on <= date);
  for (const e of own) if (e.type === 'retraction') inPeriod.push(e);
  return inPeriod;
}

const emptyTotals = (): VerdictTotals => ({
  'on-time': 0,
  late: 0,
  achieved: 0,
  partial: 0,
  missed: 0,
  dropped: 0,
  overdue: 0,
  unknown: 0,
});

/** The tally of a group whose verdicts were counted into `totals`. */
function tallyOf(totals: VerdictTotals): ReviewTally {
  let count = 0;
  for (const v of VERDICTS) count += totals[v];
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

/** Counts verdicts per group, groups in order of first appearance. */
class GroupCounts<K> {
  readonly groups = new Map<K, VerdictTotals>();
  add(key: K, verdict: Verdict): void {
    let totals = this.groups.get(key);
    if (!totals) this.groups.set(key, (totals = emptyTotals()));
    totals[verdict] += 1;
  }
  tallies(): Array<[K, ReviewTally]> {
    return [...this.groups].map(([key, totals]) => [key, tallyOf(totals)]);
  }
}

/** The same order as `localeCompare`, without looking up a collator on every call. */
const keyOrder = new Intl.Collator();

/**
 * The review as of a date, from the progress log (entries keyed by milestone id and, for each
 * cycle of a recurring one, `<id>@<date>`); a milestone without entries is unknown. The log is
 * grouped by key once (`entriesByKey`, shared with the derived progress of the same log); each
 * item then reads only its own key's entries.
 */
export function buildReview(
  milestones: readonly AnyMilestone[],
  log: readonly LogEntry[],
  asOfDate: IsoDate,
  /** The source `log` was picked from (`entriesForSource`); only recorded on the review. */
  source: ReviewSource = DEFAULT_REVIEW_SOURCE,
): Review {
  const byKey = entriesByKey(log);
  const asOf: AsOf = { date: asOfDate, dayAfter: plusDays(asOfDate, 1), day: dayNumber(asOfDate) };
  const items: ReviewItem[] = [];
  const notYetDue: string[] = [];
  const undated: string[] = [];
  // Sections in the order the Compass (the dataset) lists them.
  const sectionOrder = new Map<string, number>();
  for (const m of milestones) {
    const sectionKey = `${m.chapter}\u0000${m.section}`;
    if (!sectionOrder.has(sectionKey)) sectionOrder.set(sectionKey, sectionOrder.size);
    if (m.kind === 'undated') {
      undated.push(m.id);
      continue;
    }
    // Its dates (every cycle up to the as-of date): a deadline is due on its due date, a start
    // commitment on its start date.
    const occurrences = occurrencesUntil(m, asOfDate);
    if (m.kind === 'recurring') {
      const cycles = occurrences.map((o) => o.date);
      if (cycles.length === 0) {
        (m.recurrence ? notYetDue : undated).push(m.id);
        continue;
      }
      const base = itemBase(m);
      const own = byKey.get(m.id) ?? NO_ENTRIES;
      cycles.forEach((due, i) => {
        const key = `${m.id}@${due}`;
        const entries = cycleLog(own, byKey.get(key), i === 0 ? '0000-01-01' : cycles[i - 1]!, due);
        items.push(reviewItem(base, key, 'cycle', due, judge(entries, due, asOf, 'cycle')));
      });
      continue;
    }
    const due = occurrences[0]?.date;
    if (!due) undated.push(m.id);
    else if (due > asOfDate) notYetDue.push(m.id);
    else {
      const entries = byKey.get(m.id) ?? NO_ENTRIES;
      items.push(reviewItem(itemBase(m), m.id, m.kind, due, judge(entries, due, asOf, m.kind)));
    }
  }
  items.sort((a, b) => (a.due === b.due ? keyOrder.compare(a.key, b.key) : a.due < b.due ? -1 : 1));

  // Every tally in one pass over the sorted items (groups in order of first appearance).
  const all = emptyTotals();
  const chapters = new GroupCounts<Chapter>();
  const sections = new GroupCounts<string>();
  const years = new GroupCounts<number>();
  const actors = new GroupCounts<string>();
  const kinds = new GroupCounts<ReviewItemKind>();
  for (const item of items) {
    all[item.verdict] += 1;
    chapters.add(item.chapter, item.verdict);
    sections.add(`${item.chapter}\u0000${item.section}`, item.verdict);
    years.add(Number(item.due.slice(0, 4)), item.verdict);
    actors.add(item.actor, item.verdict);
    kinds.add(item.kind, item.verdict);
  }

  const byChapter = chapters
    .tallies()
    .map(([chapter, t]) => ({ chapter, ...t }))
    .sort((a, b) => CHAPTERS.indexOf(a.chapter) - CHAPTERS.indexOf(b.chapter));
  const bySection = sections
    .tallies()
    .map(([key, t]) => {
      const [chapter, section] = key.split('\u0000') as [Chapter, string];
      return { key, entry: { chapter, section, ...t } };
    })
    .sort(
      (a, b) =>
        CHAPTERS.indexOf(a.entry.chapter) - CHAPTERS.indexOf(b.entry.chapter) ||
        sectionOrder.get(a.key)! - sectionOrder.get(b.key)!,
    )
    .map(({ entry }) => entry);
  const byYear = years
    .tallies()
    .map(([year, t]) => ({ year, ...t }))
    .sort((a, b) => a.year - b.year);
  const byActor = actors
    .tallies()
    .map(([actor, t]) => ({ actor, ...t }))
    .sort((a, b) => b.count - a.count || a.actor.localeCompare(b.actor));
  const byKind = REVIEW_ITEM_KINDS.flatMap((kind) => {
    const totals = kinds.groups.get(kind);
    return totals ? [{ kind, ...tallyOf(totals) }] : [];
  });
  const longestOverdue = items
    .filter((i) => i.verdict === 'overdue')
    .sort((a, b) => (b.delayDays ?? 0) - (a.delayDays ?? 0) || keyOrder.compare(a.key, b.key))
    .slice(0, LONGEST_OVERDUE_LIMIT);

  return {
    asOf: asOfDate,
    source,
    ...tallyOf(all),
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
