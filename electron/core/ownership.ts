/**
 * Who owns what: an owner (a person, a unit, or both) per milestone, kept in the progress log as
 * owner entries. An assignment is never changed or removed: a new owner, or clearing the owner, is
 * a new entry. The current owner of a key is the latest owner entry in `compareEntries` order
 * (recording instant, then entry id), so two colleagues who assign at once never overwrite each
 * other, and after a sync every machine derives the same owner from the same entries. Assigning
 * (with its checks) is in `recording.ts`.
 */
import type { AnyMilestone } from './milestone';
import { compareEntries, parseLogKey, type LogEntry, type LogKey, type OwnerEntry } from './progress-log';

/** The owner of a key as derived from its owner entries. */
export interface Owner {
  person: string | null;
  unit: string | null;
  /** Who assigned it, and when (the current owner entry). */
  assignedBy: string;
  assignedAt: string;
  entryId: string;
}

/** Owners by log key (keys whose owner was cleared, or never set, are absent). */
export type OwnerMap = ReadonlyMap<LogKey, Owner>;

/** The owner entry that states the current owner among `entries` (any keys, any order); null: none. */
export function latestOwnerEntry(entries: readonly LogEntry[]): OwnerEntry | null {
  let best: OwnerEntry | null = null;
  for (const e of entries) if (e.type === 'owner' && (!best || compareEntries(e, best) > 0)) best = e;
  return best;
}

const ownerOfEntry = (entry: OwnerEntry | null): Owner | null =>
  entry && (entry.person !== null || entry.unit !== null)
    ? {
        person: entry.person,
        unit: entry.unit,
        assignedBy: entry.author,
        assignedAt: entry.recordedAt,
        entryId: entry.id,
      }
    : null;

/** The current owner of one key from its entries; null when none was set or the latest clears it. */
export const currentOwner = (entries: readonly LogEntry[]): Owner | null =>
  ownerOfEntry(latestOwnerEntry(entries));

const derived = new WeakMap<readonly LogEntry[], OwnerMap>();

/** The current owner of every key, in one pass over the log (memoised on the log array). */
export function deriveOwners(log: readonly LogEntry[]): OwnerMap {
  const cached = derived.get(log);
  if (cached) return cached;
  const latest = new Map<LogKey, OwnerEntry>();
  for (const e of log) {
    if (e.type !== 'owner') continue;
    const best = latest.get(e.key);
    if (!best || compareEntries(e, best) > 0) latest.set(e.key, e);
  }
  const owners = new Map<LogKey, Owner>();
  for (const [key, entry] of latest) {
    const owner = ownerOfEntry(entry);
    if (owner) owners.set(key, owner);
  }
  derived.set(log, owners);
  return owners;
}

/** The owner of a key: its own, else (for one cycle of a recurring milestone) the milestone's. */
export function ownerOf(owners: OwnerMap, key: LogKey): Owner | null {
  return owners.get(key) ?? owners.get(parseLogKey(key).milestoneId) ?? null;
}

/** Who "I" am and which unit is mine, for the filter. */
export interface Me {
  person: string | null;
  unit: string | null;
}

export const OWNER_FILTERS = ['all', 'mine', 'unit'] as const;
export type OwnerFilter = (typeof OWNER_FILTERS)[number];

/** Names compare without case and surrounding or repeated spaces ("J. de Vries" = "j.  de vries"). */
export const sameName = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && normalName(a) === normalName(b) && normalName(a) !== '';
const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** Whether an owner passes the filter: mine = I am its person; my unit = its unit is mine. */
export function ownerMatches(owner: Owner | null, filter: OwnerFilter, me: Me): boolean {
  if (filter === 'all') return true;
  if (!owner) return false;
  return filter === 'mine' ? sameName(owner.person, me.person) : sameName(owner.unit, me.unit);
}

/** The milestones whose owner passes the filter (all of them for 'all'). */
export function milestonesOwnedBy<M extends Pick<AnyMilestone, 'id'>>(
  milestones: readonly M[],
  owners: OwnerMap,
  filter: OwnerFilter,
  me: Me,
): M[] {
  if (filter === 'all') return [...milestones];
  return milestones.filter((m) => ownerMatches(owners.get(m.id) ?? null, filter, me));
}
