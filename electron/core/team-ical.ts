/**
 * The team's shared progress as CalDAV resources (RFC 4791 / RFC 5545), pure: no clock, no I/O.
 *
 * - **One VJOURNAL per log entry.** File `<entry id>.ics`, UID = the entry id. It is created once
 *   (PUT with If-None-Match: *) and never rewritten, so two colleagues never overwrite each other:
 *   the shared log is the union of the journals. The entry itself travels losslessly as JSON in
 *   `X-COMPASS-ENTRY;VALUE=TEXT` (validated with the log's own schema when read back); readable
 *   copies go into SUMMARY, DESCRIPTION, DTSTART (the entry's "on" date), DTSTAMP/CREATED (when it
 *   was recorded), RELATED-TO (the VTODO of its key) and X-COMPASS-KEY / -TYPE / -STATUS / -ON /
 *   -AUTHOR / -RETRACTS, for people and other tools.
 * - **One VTODO per milestone or cycle** (file `todo-<id>[-<cycle date>].ics`, UID
 *   `progress-<id>[-<cycle date>]@compass-timeline`): the state derived from the journals of that
 *   key with `currentEntry`, for ordinary task clients. STATUS / PERCENT-COMPLETE follow
 *   `TODO_STATUS`; COMPLETED is the "achieved on" date at 12:00 UTC (the same calendar day in every
 *   zone from UTC−12 to UTC+11); DUE is the due date or the cycle's date (DTSTART the start of a
 *   `start` commitment). X-COMPASS-COUNT (how many entries the state is derived from) and
 *   X-COMPASS-ENTRY-ID (the current entry) tell a syncing app whether the task is behind.
 *   Rewriting a task replaces only the properties listed in `TODO_OWNED`; everything else a user or
 *   another client added (categories, alarms, priorities, X- properties, time zones) is kept.
 * - **The deadline calendar**: the iCal feed of `ical.ts` (same UIDs, SEQUENCE and alarms), split
 *   into one resource per event by `splitFeed`.
 */
import ICAL from 'ical.js';
import { ADOPTION_DATE } from './date-phrase';
import type { AnyMilestone } from './milestone';
import { compareEntries, currentEntry, parseLogKey, type LogEntry, type LogKey } from './progress-log';
import { logEntrySchema } from './progress-log-schema';
import type { Status } from './status';
import { currentOwner } from './ownership';

/** An owner in words: "J. de Vries (Unit X)", "J. de Vries", "Unit X"; null when neither is set. */
const ownerText = (owner: { person: string | null; unit: string | null }): string | null =>
  owner.person && owner.unit ? `${owner.person} (${owner.unit})` : (owner.person ?? owner.unit);

const PRODID = '-//compass-timeline//Compass Timeline team progress//EN';
const UID_DOMAIN = 'compass-timeline';
const FALLBACK_STAMP = `${ADOPTION_DATE}T00:00:00Z`;

/** What a task client sees for each status of ours (RFC 5545 §3.8.1.11, §3.8.1.8). */
export const TODO_STATUS: Record<Status, { status: string; percent: number }> = {
  unknown: { status: 'NEEDS-ACTION', percent: 0 },
  planned: { status: 'NEEDS-ACTION', percent: 0 },
  'in-progress': { status: 'IN-PROCESS', percent: 50 },
  partial: { status: 'IN-PROCESS', percent: 50 },
  achieved: { status: 'COMPLETED', percent: 100 },
  // Missed means not done by the deadline: still open, so task clients show it as overdue.
  missed: { status: 'NEEDS-ACTION', percent: 0 },
  dropped: { status: 'CANCELLED', percent: 0 },
};

/** The VTODO properties the app writes; every other property of a task is left as found. */
export const TODO_OWNED = [
  'uid',
  'dtstamp',
  'last-modified',
  'summary',
  'description',
  'status',
  'percent-complete',
  'completed',
  'due',
  'dtstart',
  'sequence',
  'x-compass-key',
  'x-compass-count',
  'x-compass-entry-id',
  'x-compass-status',
  'x-compass-author',
  'contact',
  'x-compass-owner-person',
  'x-compass-owner-unit',
] as const;

export class TeamIcalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamIcalError';
  }
}

// ---- small helpers

const keySlug = (key: LogKey) => key.replace('@', '-');
export const journalFileName = (entryId: string) => `${encodeURIComponent(entryId)}.ics`;
export const todoFileName = (key: LogKey) => `todo-${keySlug(key)}.ics`;
export const todoUid = (key: LogKey) => `progress-${keySlug(key)}@${UID_DOMAIN}`;

const utc = (instant: string) => ICAL.Time.fromJSDate(new Date(instant), true);
const day = (date: string) => ICAL.Time.fromDateString(date);

function setText(component: ICAL.Component, name: string, value: string): void {
  component.removeAllProperties(name);
  const property = new ICAL.Property(name);
  // X- properties have no default type in ical.js: declare TEXT so commas, semicolons and line
  // breaks are escaped on the way out and unescaped on the way in.
  if (name.startsWith('x-')) property.resetType('text');
  property.setValue(value);
  component.addProperty(property);
}

function setValue(component: ICAL.Component, name: string, value: ICAL.Time | number | string): void {
  component.removeAllProperties(name);
  component.addPropertyWithValue(name, value);
}

function newCalendar(): ICAL.Component {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODID);
  return calendar;
}

function parseCalendar(text: string): ICAL.Component {
  try {
    const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
    if (component.name !== 'vcalendar') throw new Error(`a ${component.name.toUpperCase()}`);
    return component;
  } catch (error) {
    throw new TeamIcalError(`not an iCalendar file (${(error as Error).message})`);
  }
}

/** ical.js writes bare LF line ends; RFC 5545 wants CRLF. */
const crlf = (text: string) => `${text.replace(/\r?\n/g, '\r\n')}\r\n`;

// ---- one VJOURNAL per entry

function summaryOfEntry(entry: LogEntry): string {
  switch (entry.type) {
    case 'record':
      return `${entry.key}: ${entry.status} (${entry.on}) – ${entry.author}`;
    case 'retraction':
      return `${entry.key}: retracts ${entry.retracts} – ${entry.author}`;
    case 'owner':
      return `${entry.key}: owner ${ownerText(entry) ?? 'cleared'} – ${entry.author}`;
  }
}

/** The entry as a calendar resource holding one VJOURNAL. The same entry gives the same text. */
export function entryToJournal(entry: LogEntry): string {
  const calendar = newCalendar();
  const journal = new ICAL.Component('vjournal');
  setText(journal, 'uid', entry.id);
  setValue(journal, 'dtstamp', utc(entry.recordedAt));
  setValue(journal, 'created', utc(entry.recordedAt));
  if (entry.type === 'record') setValue(journal, 'dtstart', day(entry.on));
  setText(journal, 'summary', summaryOfEntry(entry));
  if (entry.note) setText(journal, 'description', entry.note);
  setText(journal, 'status', 'FINAL');
  setText(journal, 'related-to', todoUid(entry.key));
  setText(journal, 'x-compass-key', entry.key);
  setText(journal, 'x-compass-type', entry.type);
  setText(journal, 'x-compass-author', entry.author);
  if (entry.type === 'record') {
    setText(journal, 'x-compass-status', entry.status);
    setText(journal, 'x-compass-on', entry.on);
  } else if (entry.type === 'retraction') {
    setText(journal, 'x-compass-retracts', entry.retracts);
  } else {
    if (entry.person) setText(journal, 'x-compass-owner-person', entry.person);
    if (entry.unit) setText(journal, 'x-compass-owner-unit', entry.unit);
  }
  setText(journal, 'x-compass-entry', JSON.stringify(entry));
  calendar.addSubcomponent(journal);
  return crlf(calendar.toString());
}

/** What a resource of the progress collection is: one of our entries, one of our tasks, or other. */
export type ProgressResource =
  | { kind: 'journal'; entry: LogEntry }
  | { kind: 'todo'; key: LogKey; count: number; entryId: string | null }
  | { kind: 'other'; reason: string };

/** Reads a resource of the progress collection; never throws (a foreign or broken one is "other"). */
export function readProgressResource(text: string): ProgressResource {
  let calendar: ICAL.Component;
  try {
    calendar = parseCalendar(text);
  } catch (error) {
    return { kind: 'other', reason: (error as Error).message };
  }
  const journal = calendar.getFirstSubcomponent('vjournal');
  if (journal) {
    const json = journal.getFirstPropertyValue('x-compass-entry');
    if (typeof json !== 'string') return { kind: 'other', reason: 'a journal without X-COMPASS-ENTRY' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return { kind: 'other', reason: 'X-COMPASS-ENTRY is not JSON' };
    }
    const result = logEntrySchema.safeParse(parsed);
    if (!result.success) {
      return {
        kind: 'other',
        reason: `X-COMPASS-ENTRY is not a log entry (${result.error.issues[0]?.message})`,
      };
    }
    if (String(journal.getFirstPropertyValue('uid')) !== result.data.id) {
      return { kind: 'other', reason: 'the journal’s UID differs from its entry id' };
    }
    return { kind: 'journal', entry: result.data };
  }
  const todo = calendar.getFirstSubcomponent('vtodo');
  const key = todo?.getFirstPropertyValue('x-compass-key');
  if (todo && typeof key === 'string') {
    const count = Number(todo.getFirstPropertyValue('x-compass-count') ?? 0);
    const entryId = todo.getFirstPropertyValue('x-compass-entry-id');
    return {
      kind: 'todo',
      key,
      count: Number.isFinite(count) ? count : 0,
      entryId: typeof entryId === 'string' && entryId ? entryId : null,
    };
  }
  return { kind: 'other', reason: 'neither an entry nor a task of Compass Timeline' };
}

// ---- one VTODO per milestone or cycle

export interface DerivedTodo {
  key: LogKey;
  status: Status;
  /** The current entry (null: nothing recorded or everything retracted). */
  entry: LogEntry | null;
  /** How many entries of the key it is derived from. */
  count: number;
}

/** The derived state of one key from all its entries (any order, duplicates by id merged). */
export function deriveTodo(key: LogKey, entries: readonly LogEntry[]): DerivedTodo {
  const unique = new Map<string, LogEntry>();
  for (const e of entries) if (e.key === key) unique.set(e.id, e);
  const current = currentEntry([...unique.values()]);
  return { key, status: current?.status ?? 'unknown', entry: current, count: unique.size };
}

/** The title of a key's task: the milestone's title, with the cycle's year for one cycle. */
function todoSummary(key: LogKey, milestone: AnyMilestone | undefined, lang: 'nl' | 'en'): string {
  const { milestoneId, cycle } = parseLogKey(key);
  const title = milestone?.title[lang] ?? milestoneId;
  return cycle ? `${title} (${cycle.slice(0, 4)})` : title;
}

function todoDescription(derived: DerivedTodo, entries: readonly LogEntry[]): string {
  const lines = [`Status: ${derived.status}`];
  const e = derived.entry;
  if (e?.type === 'record') {
    lines.push(`${e.status === 'achieved' ? 'Achieved on' : 'As of'}: ${e.on}`, `Recorded by: ${e.author}`);
    if (e.note) lines.push(`Note: ${e.note}`);
    for (const item of e.evidence) lines.push(`Evidence: ${item.title}${item.url ? ` <${item.url}>` : ''}`);
  }
  const owner = currentOwner(entries);
  if (owner) lines.push(`Owner: ${ownerText(owner)}`);
  lines.push(`Log entries: ${derived.count}`);
  const latest = [...entries].sort(compareEntries).at(-1);
  if (latest) lines.push(`Latest entry: ${latest.recordedAt} by ${latest.author}`);
  return lines.join('\n');
}

export interface TodoInput {
  key: LogKey;
  /** Every entry of the key known locally (others are ignored). */
  entries: readonly LogEntry[];
  /** The milestone of the key, for its title and dates (undefined: only the key is known). */
  milestone?: AnyMilestone;
  lang?: 'nl' | 'en';
}

/**
 * The task of one key as a calendar resource. With `existing` (the resource as the server has it)
 * only the properties in `TODO_OWNED` are replaced; everything else in it is kept.
 */
export function todoResource(input: TodoInput, existing?: string): string {
  const { key, milestone } = input;
  const entries = input.entries.filter((e) => e.key === key);
  const derived = deriveTodo(key, entries);
  let calendar: ICAL.Component;
  let todo: ICAL.Component | null = null;
  if (existing) {
    calendar = parseCalendar(existing);
    todo = calendar.getFirstSubcomponent('vtodo');
  } else {
    calendar = newCalendar();
  }
  if (!todo) {
    todo = new ICAL.Component('vtodo');
    calendar.addSubcomponent(todo);
  }
  for (const name of TODO_OWNED) todo.removeAllProperties(name);

  const latest = [...entries].sort(compareEntries).at(-1);
  const stamp = utc(latest?.recordedAt ?? FALLBACK_STAMP);
  const look = TODO_STATUS[derived.status];
  setText(todo, 'uid', todoUid(key));
  setValue(todo, 'dtstamp', stamp);
  setValue(todo, 'last-modified', stamp);
  setValue(todo, 'sequence', derived.count);
  setText(todo, 'summary', todoSummary(key, milestone, input.lang ?? 'nl'));
  setText(todo, 'description', todoDescription(derived, entries));
  setText(todo, 'status', look.status);
  setValue(todo, 'percent-complete', look.percent);
  if (derived.entry?.type === 'record' && derived.status === 'achieved') {
    setValue(todo, 'completed', utc(`${derived.entry.on}T12:00:00Z`));
  }
  const { cycle } = parseLogKey(key);
  const due = cycle ?? (milestone?.kind === 'deadline' ? milestone.due : null);
  if (milestone?.kind === 'start' && milestone.start) setValue(todo, 'dtstart', day(milestone.start));
  if (due) setValue(todo, 'due', day(due));
  setText(todo, 'x-compass-key', key);
  setValue(todo, 'x-compass-count', String(derived.count));
  setText(todo, 'x-compass-entry-id', derived.entry?.id ?? '');
  setText(todo, 'x-compass-status', derived.status);
  if (derived.entry) setText(todo, 'x-compass-author', derived.entry.author);
  // The owner as a standard CONTACT (RFC 5545 §3.8.4.2, text) task clients show, and as X- copies.
  const owner = currentOwner(entries);
  const contact = owner && ownerText(owner);
  if (contact) setText(todo, 'contact', contact);
  if (owner?.person) setText(todo, 'x-compass-owner-person', owner.person);
  if (owner?.unit) setText(todo, 'x-compass-owner-unit', owner.unit);
  return crlf(calendar.toString());
}

// ---- the deadline calendar: the feed, one resource per event

export interface EventResource {
  uid: string;
  fileName: string;
  text: string;
}

/**
 * Splits a feed built by `buildIcal` into one calendar resource per event (CalDAV stores one UID
 * per resource), each with the feed's VERSION, PRODID and calendar properties. The events are
 * copied as they are: same UID, SEQUENCE, DTSTAMP and alarms as the iCal export.
 */
export function splitFeed(feed: string): EventResource[] {
  const calendar = parseCalendar(feed);
  const head = calendar.getAllProperties();
  return calendar.getAllSubcomponents('vevent').map((event) => {
    const uid = String(event.getFirstPropertyValue('uid'));
    const single = new ICAL.Component(['vcalendar', [], []]);
    for (const property of head) single.addProperty(ICAL.Property.fromString(property.toICALString()));
    single.addSubcomponent(event);
    const name = uid.endsWith(`@${UID_DOMAIN}`) ? uid.slice(0, -UID_DOMAIN.length - 1) : uid;
    return { uid, fileName: `${encodeURIComponent(name)}.ics`, text: crlf(single.toString()) };
  });
}

/** The UID and SEQUENCE of a calendar resource holding one event (null when it holds none). */
export function eventIdentity(text: string): { uid: string; sequence: number } | null {
  try {
    const event = parseCalendar(text).getFirstSubcomponent('vevent');
    if (!event) return null;
    return {
      uid: String(event.getFirstPropertyValue('uid')),
      sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
    };
  } catch {
    return null;
  }
}
