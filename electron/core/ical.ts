/**
 * The iCal feed: milestones + the user's state → one VCALENDAR (RFC 5545), built with
 * ical-generator. Pure: no clock, no I/O; the same input gives a byte-identical feed.
 *
 * - One all-day event per dated moment: a deadline on its due date, a `start` commitment on its
 *   start date, every cycle of a recurring one up to the horizon (31 December 2030 by default).
 *   DTEND is the next day (exclusive). Undated milestones have no event.
 * - UID: `<id>@compass-timeline`, for a recurring cycle `<id>-<YYYY-MM-DD>@compass-timeline`.
 * - VALARM: one per lead time in settings.leadTimesDays, at settings.timeOfDay, moved to the Friday
 *   before when settings.shiftWeekends and the day is a Saturday or Sunday. Expressed as a duration
 *   relative to the all-day start (local midnight of the due date), e.g. 30 days before at 09:00 is
 *   `TRIGGER;RELATED=START:-P29DT15H`: it fires at 09:00 in whatever time zone the calendar is in.
 *   No alarms for achieved, dropped or muted milestones.
 * - DTSTAMP: the latest status change of the milestone (its progress history), or the adoption
 *   of the Compass (2022-03-21T00:00:00Z) when there is none.
 * - SEQUENCE: a hash of what an event is built from (the milestone in both languages, its date,
 *   status and achievedOn, and the alarms it gets) is compared with the hash stored for its UID in
 *   `state.feedSequences`: the same hash keeps the stored SEQUENCE, another publishes stored + 1.
 *   Whoever publishes stores `nextFeedSequences(...)` (publishIcal in electron/node/feed-server.ts
 *   does), so the next change goes one higher again. It is never below the number of status
 *   changes, so it grows with the status even where nothing is stored.
 */
import ical, {
  ICalAlarmRelatesTo,
  ICalAlarmType,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import type { ICalCalendar, ICalEvent, ICalEventData } from 'ical-generator';
import { dayNumber, plusDays, weekendToFriday } from './calendar-date';
import { ADOPTION_DATE, type IsoDate } from './date-phrase';
import { isOwn, type AnyMilestone } from './milestone';
import { CHAPTERS, type Chapter } from './chapters';
import { occurrencesUntil } from './occurrences';
import type { Translate } from './shell-locale';
import { CLOSED_STATUSES, STATUSES, type Status } from './status';
import { deriveProgress, progressOfOccurrence, type ProgressMap, type Progress } from './progress';
import type { Locale, Settings, UserState } from './user-state';

export interface IcalOptions {
  /** Only these chapters; missing or empty means every chapter. */
  chapters?: readonly Chapter[];
  /** Include achieved milestones (default true). */
  includeAchieved?: boolean;
  /** Language of titles and labels (default 'nl'); the Compass quote stays Dutch. */
  lang?: Locale;
  /** Last date for the cycles of recurring milestones (default ICAL_HORIZON). */
  horizon?: IsoDate;
  /** Milestone id → the name of the imported strategy it belongs to: a second category on its events. */
  strategyNames?: ReadonlyMap<string, string>;
}

/** The options the app's feed settings give (an empty chapter list means every chapter). */
export const icalOptionsFromSettings = (feed: Settings['feed']): IcalOptions => ({
  chapters: feed.chapters.length ? feed.chapters : undefined,
  includeAchieved: feed.includeAchieved,
  lang: feed.lang,
});

export type FeedSequences = NonNullable<UserState['feedSequences']>;

export const ICAL_HORIZON: IsoDate = '2030-12-31';
export const ICAL_FILE_NAME = 'compass-timeline.ics';
export const ICAL_MIME_TYPE = 'text/calendar';
/** How often subscribers should refresh the feed (REFRESH-INTERVAL / X-PUBLISHED-TTL), in seconds. */
export const ICAL_REFRESH_SECONDS = 3600;
const UID_DOMAIN = 'compass-timeline';
/** Part of every event hash: raise it when the code that renders events changes. */
const RENDER_VERSION = 1;
const FALLBACK_STAMP = `${ADOPTION_DATE}T00:00:00.000Z`;
const DAY_SECONDS = 86_400;

/** The words of the feed in one language, from the `review` namespace (`feed.*`, `chapter.*`, `status.*`). */
export function feedLabels(t: Translate) {
  const feed = (key: string) => t(`feed.${key}`);
  // Asked once per recurring event: each plural once (an i18next call per event was a fifth of a 10,000-event feed).
  const everyYears = new Map<number, string>();
  return {
    calendarName: feed('calendarName'),
    calendarDescription: feed('calendarDescription'),
    start: feed('start'),
    due: feed('due'),
    startsOn: feed('startsOn'),
    cycle: feed('cycle'),
    every: (years: number): string => {
      let words = everyYears.get(years);
      if (words === undefined) everyYears.set(years, (words = t('feed.every', { count: years })));
      return words;
    },
    window: feed('window'),
    phrase: feed('phrase'),
    status: feed('status'),
    achievedOn: feed('achievedOn'),
    chapter: feed('chapter'),
    section: feed('section'),
    actor: feed('actor'),
    quote: feed('quote'),
    own: feed('own'),
    note: feed('note'),
    chapters: Object.fromEntries(CHAPTERS.map((c) => [c, t(`chapter.${c}`)])) as Record<Chapter, string>,
    statuses: Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<Status, string>,
  };
}

/** The feed's words in each language: `words(lang)` is `t` of the `review` namespace in `lang`. */
export type FeedWords = (lang: Locale) => Translate;

/** One event of the feed before rendering: which milestone, which moment. */
export interface FeedEvent {
  uid: string;
  milestone: AnyMilestone;
  date: IsoDate;
  type: 'deadline' | 'start' | 'cycle';
}

const uidOf = (id: string, cycle?: IsoDate) =>
  cycle ? `${id}-${cycle}@${UID_DOMAIN}` : `${id}@${UID_DOMAIN}`;

/** The dated moments of one milestone that get an event (undated ones get none). */
export const feedEventsOf = (milestone: AnyMilestone, horizon: IsoDate = ICAL_HORIZON): FeedEvent[] =>
  occurrencesUntil(milestone, horizon).map(({ date, type }) => ({
    uid: uidOf(milestone.id, type === 'cycle' ? date : undefined),
    milestone,
    date,
    type,
  }));

// ---- small date helpers (UTC arithmetic on calendar dates: independent of the machine's zone)

type AlarmSettings = Pick<Settings, 'leadTimesDays' | 'timeOfDay' | 'shiftWeekends'>;

/**
 * The alarms of an event on `date`, as seconds relative to its all-day start (negative is before):
 * one per lead time at the time of day, earliest first, duplicates (after the weekend shift) merged.
 */
export function alarmOffsets(date: IsoDate, settings: AlarmSettings): number[] {
  const [hours, minutes] = settings.timeOfDay.split(':').map(Number) as [number, number];
  const due = dayNumber(date);
  const offsets = new Set<number>();
  for (const lead of settings.leadTimesDays) {
    const day = settings.shiftWeekends ? weekendToFriday(due - lead) : due - lead;
    offsets.add((day - due) * DAY_SECONDS + hours * 3600 + minutes * 60);
  }
  return [...offsets].sort((a, b) => a - b);
}

// ---- hashing for SEQUENCE (cyrb53: a fast, well-spread 53-bit string hash; not cryptographic)

function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const renderKeys = new WeakMap<FeedWords, string>();

/**
 * A hash of the rendering's version and every label in both languages (with the status and chapter
 * names), so that a changed word publishes a higher SEQUENCE and unchanged words keep it.
 */
export function renderKey(words: FeedWords): string {
  let key = renderKeys.get(words);
  if (key === undefined) {
    key = cyrb53(
      JSON.stringify([RENDER_VERSION, { nl: feedLabels(words('nl')), en: feedLabels(words('en')) }]),
    );
    renderKeys.set(words, key);
  }
  return key;
}

/** The alarms an event gets: none for achieved, dropped or muted milestones. */
export const eventAlarms = (event: FeedEvent, progress: Progress, settings: AlarmSettings): number[] =>
  CLOSED_STATUSES.has(progress.status) || progress.muted ? [] : alarmOffsets(event.date, settings);

/**
 * A hash of everything the event is built from: the milestone in both languages (so `lang` does
 * not matter), the status and the alarms it gets (so a change of lead times only touches events
 * whose alarms move).
 */
export function eventHash(
  event: FeedEvent,
  progress: Progress,
  alarms: readonly number[],
  words: FeedWords,
): string {
  return cyrb53(
    JSON.stringify([
      renderKey(words),
      event.date,
      event.type,
      event.milestone,
      progress.status,
      progress.achievedOn,
      alarms,
    ]),
  );
}

/**
 * The SEQUENCE to publish: the stored one while the hash is unchanged, stored + 1 after a change,
 * and never less than the number of status changes (so it also grows when nothing is stored).
 */
export function eventSequence(
  stored: FeedSequences[string] | undefined,
  hash: string,
  progress: Progress,
): number {
  const fromStore = stored ? stored.sequence + (stored.hash === hash ? 0 : 1) : 0;
  return Math.max(fromStore, progress.changes);
}

/**
 * The `feedSequences` to store after publishing, for every dated milestone (whatever the options),
 * or null when the stored map already says it all (nothing to write). Records of events that are
 * gone are kept, so an event that comes back continues its SEQUENCE.
 */
export function nextFeedSequences(
  milestones: readonly AnyMilestone[],
  state: UserState,
  words: FeedWords,
  horizon: IsoDate = ICAL_HORIZON,
): FeedSequences | null {
  const stored = state.feedSequences ?? {};
  const next: FeedSequences = { ...stored };
  let changed = false;
  const source = { progress: deriveProgress(state) };
  for (const milestone of milestones) {
    for (const event of feedEventsOf(milestone, horizon)) {
      const progress = eventProgress(source, event);
      const hash = eventHash(event, progress, eventAlarms(event, progress, state.settings), words);
      const sequence = eventSequence(stored[event.uid], hash, progress);
      const before = stored[event.uid];
      if (!before || before.hash !== hash || before.sequence !== sequence) {
        next[event.uid] = { hash, sequence };
        changed = true;
      }
    }
  }
  return changed ? next : null;
}

// ---- rendering

/**
 * ical-generator's own `foldLines` (lines of at most 75 octets, RFC 5545 §3.1), rewritten for
 * speed: the library's version allocates a TextEncoder per character, which takes seconds for a
 * feed of 10,000 events. Same output byte for byte (the unit tests compare the two).
 */
export function foldLinesFast(input: string): string {
  const parts: string[] = [];
  let start = 0; // start of the text not yet copied to parts
  let count = 0; // octets on the current output line
  for (let i = 0; i < input.length; i += 1) {
    const at = i;
    const code = input.charCodeAt(i);
    if (code === 13 && input.charCodeAt(i + 1) === 10) {
      i += 1;
      count = 0;
      continue;
    }
    let size: number;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // Like the library, a high surrogate is measured together with the next unit, whatever it is.
      i += 1;
      const next = i < input.length ? input.charCodeAt(i) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) size = 4;
      else if (next === -1) size = 3;
      else if (next === 13 && input.charCodeAt(i + 1) === 10) {
        // The library splits lines first, so the pair never swallows a line break.
        i -= 1;
        size = 3;
      } else size = 3 + (next < 0x80 ? 1 : next < 0x800 ? 2 : 3);
    } else size = 3;
    count += size;
    if (count > 74) {
      parts.push(input.slice(start, at), '\r\n ');
      start = at;
      count = size;
    }
  }
  parts.push(input.slice(start));
  return parts.join('');
}

type Labels = ReturnType<typeof feedLabels>;

function summaryOf(event: FeedEvent, status: Status, labels: Labels, lang: Locale): string {
  const title = event.milestone.title[lang];
  const text =
    event.type === 'start'
      ? `${labels.start}: ${title}`
      : event.type === 'cycle'
        ? `${title} (${event.date.slice(0, 4)})`
        : title;
  return status === 'achieved' ? `✓ ${text}` : text;
}

function descriptionOf(event: FeedEvent, progress: Progress, labels: Labels): string {
  const m = event.milestone;
  const lines: string[] = [];
  if (event.type === 'deadline') lines.push(`${labels.due}: ${event.date}`);
  else if (event.type === 'start') lines.push(`${labels.startsOn}: ${event.date}`);
  else lines.push(`${labels.cycle}: ${event.date} (${labels.every(m.recurrence?.everyYears ?? 1)})`);
  if (m.window) lines.push(`${labels.window}: ${m.window.from} – ${m.window.to}`);
  if (m.datePhrase) lines.push(`${labels.phrase}: “${m.datePhrase}”`);
  const achieved =
    progress.status === 'achieved' && progress.achievedOn
      ? ` (${labels.achievedOn} ${progress.achievedOn})`
      : '';
  lines.push(`${labels.status}: ${labels.statuses[progress.status]}${achieved}`);
  lines.push(`${labels.chapter}: ${labels.chapters[m.chapter]}`);
  lines.push(`${labels.section}: ${m.section}`);
  lines.push(`${labels.actor}: ${m.actor}`);
  if (isOwn(m)) {
    lines.push(labels.own);
    if (m.note) lines.push(`${labels.note}: ${m.note}`);
  } else {
    lines.push('', `${labels.quote} ${m.line}):`, `“${m.quote}”`);
  }
  return lines.join('\n');
}

const latestChange = (progress: Progress): string => progress.lastChangeAt ?? FALLBACK_STAMP;

/** The progress an event shows: its cycle's own for a recurring cycle, else the milestone's. */
const eventProgress = (source: { progress: ProgressMap }, event: FeedEvent): Progress =>
  progressOfOccurrence(
    source,
    event.milestone.id,
    event.type === 'cycle' ? `${event.milestone.id}@${event.date}` : event.milestone.id,
  );

interface PendingEvent {
  data: ICalEventData;
  alarmOffsets: number[];
}

function pendingEvents(
  milestones: readonly AnyMilestone[],
  state: UserState,
  options: IcalOptions,
  words: FeedWords,
): PendingEvent[] {
  const lang: Locale = options.lang ?? 'nl';
  const labels = feedLabels(words(lang));
  const includeAchieved = options.includeAchieved ?? true;
  const chapters = new Set<Chapter>(options.chapters?.length ? options.chapters : CHAPTERS);
  const horizon = options.horizon ?? ICAL_HORIZON;
  const stored = state.feedSequences ?? {};
  const settings = state.settings;

  const pending: PendingEvent[] = [];
  const seen = new Set<string>();
  const source = { progress: deriveProgress(state) };
  for (const milestone of milestones) {
    if (!chapters.has(milestone.chapter)) continue;
    const category = labels.chapters[milestone.chapter];
    const strategy = options.strategyNames?.get(milestone.id);
    for (const event of feedEventsOf(milestone, horizon)) {
      if (seen.has(event.uid)) continue; // the same id twice is one event
      const progress = eventProgress(source, event);
      if (!includeAchieved && progress.status === 'achieved') continue;
      seen.add(event.uid);
      const stamp = latestChange(progress);
      const alarms = eventAlarms(event, progress, settings);
      const record = stored[event.uid];
      pending.push({
        data: {
          id: event.uid,
          // Hashing is only needed to compare with a stored record.
          sequence: eventSequence(record, record ? eventHash(event, progress, alarms, words) : '', progress),
          stamp,
          start: event.date,
          end: plusDays(event.date, 1),
          allDay: true,
          summary: summaryOf(event, progress.status, labels, lang),
          description: descriptionOf(event, progress, labels),
          categories: strategy ? [{ name: category }, { name: strategy }] : [{ name: category }],
          status: progress.status === 'dropped' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
          transparency: ICalEventTransparency.TRANSPARENT,
        },
        alarmOffsets: alarms,
      });
    }
  }
  // Soonest first, ties by UID: the order does not depend on the order of the input.
  pending.sort((a, b) => {
    const da = a.data.start as string;
    const db = b.data.start as string;
    if (da !== db) return da < db ? -1 : 1;
    return (a.data.id as string) < (b.data.id as string) ? -1 : 1;
  });

  return pending;
}

function emptyCalendar(lang: Locale, labels: Labels): ICalCalendar {
  return ical({
    prodId: { company: 'compass-timeline', product: 'Compass Timeline', language: lang.toUpperCase() },
    name: labels.calendarName,
    description: labels.calendarDescription,
    ttl: ICAL_REFRESH_SECONDS,
  });
}

function addEvents(calendar: ICalCalendar, pending: readonly PendingEvent[]): ICalEvent[] {
  return pending.map(({ data, alarmOffsets: offsets }) => {
    const event = calendar.createEvent(data);
    for (const offset of offsets) {
      // The alarm's DESCRIPTION defaults to the event's SUMMARY. RELATED=START must be explicit:
      // ical-generator writes an alarm after the start as RELATED=END otherwise, which for an
      // all-day event would be the next day.
      event
        .createAlarm({ type: ICalAlarmType.display, trigger: -offset })
        .relatesTo(ICalAlarmRelatesTo.start);
    }
    return event;
  });
}

const END = 'END:VCALENDAR';

/** Builds the feed, with its words from `words`. Same input → the same text, byte for byte. */
export function buildIcal(
  milestones: AnyMilestone[],
  state: UserState,
  words: FeedWords,
  options: IcalOptions = {},
): string {
  const lang = options.lang ?? 'nl';
  const calendar = emptyCalendar(lang, feedLabels(words(lang)));
  // The calendar's own lines, folded by the library, then the events folded by the fast folder:
  // the same text as calendar.toString() with the events in it.
  const head = calendar.toString();
  const events = addEvents(calendar, pendingEvents(milestones, state, options, words));
  const parts = [head.slice(0, -END.length)];
  for (const event of events) parts.push(foldLinesFast(event.toString()));
  parts.push(END);
  return parts.join('');
}
