/**
 * The store's first layout (0.1.0: one mutable `progress` record per milestone with a status
 * history) and its migration to the progress log. Nothing is lost: every status change in the
 * history becomes a record entry at its instant, and the current status, "achieved on" date,
 * evidence and note go into the last one.
 */
import { format } from 'date-fns';
import { z } from 'zod';
import { isoDateSchema } from './milestone-schema';
import type { EvidenceItem, RecordEntry } from './progress-log';
import { EARLIEST_ENTRY_DATE } from './limits';
import { logKeySchema, recordEntrySchema, statusSchema } from './progress-log-schema';
import type { Status } from './status';
import { STORE_SCHEMA_VERSION } from './user-state';

const instant = z.iso.datetime({ offset: true });

export const v1HistoryEntrySchema = z.strictObject({ at: instant, from: statusSchema, to: statusSchema });
export const v1EvidenceSchema = z.strictObject({
  text: z.string().max(10_000),
  url: z.url({ protocol: /^https?$/ }).nullable(),
});
export const v1ProgressSchema = z.strictObject({
  status: statusSchema,
  achievedOn: isoDateSchema.nullable(),
  evidence: v1EvidenceSchema.nullable(),
  note: z.string().max(10_000),
  muted: z.boolean(),
  history: z.array(v1HistoryEntrySchema),
});
export type V1Progress = z.infer<typeof v1ProgressSchema>;

export const EMPTY_V1_PROGRESS: V1Progress = {
  status: 'unknown',
  achievedOn: null,
  evidence: null,
  note: '',
  muted: false,
  history: [],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a parsed store file has the first layout (no `schemaVersion`, or version 1). */
export const isV1Layout = (raw: unknown): raw is Record<string, unknown> =>
  isObject(raw) && (raw.schemaVersion === undefined || raw.schemaVersion === 1);

export interface MigrationContext {
  /** The name the entries are recorded under (the migrating user's). */
  author: string;
  now: Date;
  newId: () => string;
  /** Reads back what it can of a record that does not match the first layout (field by field). */
  repair?: (raw: unknown) => V1Progress | null;
}

const localDate = (at: string): string => format(new Date(at), 'yyyy-MM-dd');
const clampDate = (date: string): string => (date < EARLIEST_ENTRY_DATE ? EARLIEST_ENTRY_DATE : date);

function evidenceItems(evidence: V1Progress['evidence']): EvidenceItem[] {
  if (!evidence) return [];
  const title = evidence.text.trim() || evidence.url || '';
  if (!title) return [];
  return [{ title: title.slice(0, 1_000), url: evidence.url, date: null, publisher: null }];
}

/** The record entries of one v1 progress record, oldest first. */
export function entriesFromV1(key: string, record: V1Progress, ctx: MigrationContext): RecordEntry[] {
  const entry = (status: Status, at: string, on: string, note = '', evidence: EvidenceItem[] = []) => ({
    type: 'record' as const,
    id: ctx.newId(),
    key,
    recordedAt: at,
    author: ctx.author,
    note,
    status,
    on: clampDate(on),
    evidence,
  });
  const history = [...record.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const out = history.map((h) => entry(h.to, h.at, localDate(h.at)));
  const last = out.at(-1);
  const carried = record.note !== '' || record.evidence !== null || record.achievedOn !== null;
  if (last && last.status === record.status) {
    // The current state is the last change's: it gets the dates, note and evidence recorded now.
    last.on = clampDate(record.achievedOn ?? last.on);
    last.note = record.note;
    last.evidence = evidenceItems(record.evidence);
  } else if (record.status !== 'unknown' || carried || last) {
    // A state the history does not end in (edited by hand, or a note without a status): kept as of now.
    const at = ctx.now.toISOString();
    const on = record.achievedOn ?? localDate(at);
    out.push(entry(record.status, at, on, record.note, evidenceItems(record.evidence)));
  }
  return out;
}

/**
 * The first layout converted to the current one. Only `progress` changes (into `log` and `muted`)
 * and settings gain `author` (null: the OS user); everything else is carried over as it is.
 * Records whose key cannot be a log key are kept under `legacyProgress` rather than dropped.
 */
export function migrateV1(raw: Record<string, unknown>, ctx: MigrationContext): Record<string, unknown> {
  const { progress, schemaVersion: _v, ...rest } = raw;
  const log: RecordEntry[] = [];
  const muted: string[] = [];
  const legacy: Record<string, unknown> = {};
  if (isObject(progress)) {
    for (const [key, value] of Object.entries(progress)) {
      const whole = v1ProgressSchema.safeParse(value);
      const record = whole.success ? whole.data : (ctx.repair?.(value) ?? null);
      if (!record || !logKeySchema.safeParse(key).success) {
        legacy[key] = value;
        continue;
      }
      const parsed = { data: record };
      const entries = entriesFromV1(key, parsed.data, ctx).map((e) =>
        // A date after the day it was typed (v1 did not check): recorded as of the migration instead.
        recordEntrySchema.safeParse(e).success ? e : { ...e, recordedAt: ctx.now.toISOString() },
      );
      if (!entries.every((e) => recordEntrySchema.safeParse(e).success)) {
        legacy[key] = value;
        continue;
      }
      log.push(...entries);
      if (parsed.data.muted && !key.includes('@')) muted.push(key);
    }
  }
  const settings = isObject(rest.settings) ? { author: null, ...rest.settings } : rest.settings;
  return {
    ...rest,
    ...(settings === undefined ? {} : { settings }),
    schemaVersion: STORE_SCHEMA_VERSION,
    log,
    muted,
    ...(Object.keys(legacy).length ? { legacyProgress: legacy } : {}),
  };
}
