/**
 * Recovering what can be read from a damaged store: record by record, field by field. A record
 * that cannot be read is counted as lost (it stays in the backup file); nothing is invented.
 */
import { randomUUID } from 'node:crypto';
import { ownMilestoneSchema } from '../core/milestone-schema';
import { logEntrySchema } from '../core/progress-log-schema';
import {
  EMPTY_V1_PROGRESS,
  isV1Layout,
  migrateV1,
  v1HistoryEntrySchema,
  v1ProgressSchema,
  type MigrationContext,
  type V1Progress,
} from '../core/store-v1';
import {
  EMPTY_STATE,
  settingsSchema,
  userStateSchema,
  type Settings,
  type UserState,
} from '../core/user-state';
import { osAuthor } from './author';

export interface Salvage {
  state: UserState;
  /** Progress log entries (or, from a first-layout file, progress records) read back. */
  progress: number;
  /** Own milestones read back. */
  own: number;
  /** Records (progress, own milestones, settings fields, reminder records) that could not be read. */
  lost: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each field that passes its schema, else the fallback's; counts the fields that fell back. */
function salvageFields<T extends Record<string, unknown>>(
  shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>,
  raw: Record<string, unknown>,
  fallback: T,
): { value: T; replaced: number } {
  let replaced = 0;
  const value: Record<string, unknown> = { ...fallback };
  for (const [key, schema] of Object.entries(shape)) {
    if (!(key in raw)) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) value[key] = parsed.data;
    else replaced += 1;
  }
  return { value: value as T, replaced };
}

/** A first-layout progress record, field by field. */
export function salvageV1Progress(raw: unknown): V1Progress | null {
  const whole = v1ProgressSchema.safeParse(raw);
  if (whole.success) return whole.data;
  if (!isObject(raw)) return null;
  const { history: _history, ...shape } = v1ProgressSchema.shape;
  const { value } = salvageFields(shape, raw, EMPTY_V1_PROGRESS);
  const entries = Array.isArray(raw.history) ? raw.history : [];
  const goodHistory = entries.flatMap((entry) => {
    const parsed = v1HistoryEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const result = v1ProgressSchema.safeParse({ ...value, history: goodHistory });
  return result.success ? result.data : null;
}

/**
 * Reads back what it can from `raw` (the parsed store file, or anything else). A file of the first
 * layout is read record by record and converted to log entries (recorded under `migration.author`).
 */
export function salvageUserState(
  raw: unknown,
  migration: MigrationContext = { author: osAuthor(), now: new Date(), newId: randomUUID },
): Salvage {
  const out: Salvage = { state: structuredClone(EMPTY_STATE), progress: 0, own: 0, lost: 0 };
  if (!isObject(raw)) return out;

  if (isV1Layout(raw) && raw.progress !== undefined) {
    const records: Record<string, V1Progress> = {};
    if (isObject(raw.progress)) {
      for (const [id, record] of Object.entries(raw.progress)) {
        const salvaged = salvageV1Progress(record);
        if (salvaged) {
          records[id] = salvaged;
          out.progress += 1;
        } else out.lost += 1;
      }
    } else out.lost += 1;
    const migrated = migrateV1({ progress: records }, migration);
    out.state.log = migrated.log as UserState['log'];
    out.state.muted = migrated.muted as string[];
    if (migrated.legacyProgress)
      out.state.legacyProgress = migrated.legacyProgress as Record<string, unknown>;
  } else {
    if (Array.isArray(raw.log)) {
      for (const entry of raw.log) {
        const parsed = logEntrySchema.safeParse(entry);
        if (parsed.success) {
          out.state.log.push(parsed.data);
          out.progress += 1;
        } else out.lost += 1;
      }
    } else if (raw.log !== undefined) out.lost += 1;
    if (Array.isArray(raw.muted)) {
      out.state.muted = raw.muted.filter((id): id is string => typeof id === 'string' && id.length <= 200);
    }
  }

  if (Array.isArray(raw.ownMilestones)) {
    const seen = new Set<string>();
    for (const item of raw.ownMilestones) {
      const parsed = ownMilestoneSchema.safeParse(item);
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id);
        out.state.ownMilestones.push(parsed.data);
        out.own += 1;
      } else out.lost += 1;
    }
  } else if (raw.ownMilestones !== undefined) out.lost += 1;

  if (isObject(raw.settings)) {
    const { value, replaced } = salvageFields<Settings>(
      settingsSchema.shape,
      raw.settings,
      EMPTY_STATE.settings,
    );
    out.state.settings = value;
    out.lost += replaced;
  } else if (raw.settings !== undefined) out.lost += 1;

  for (const key of ['fired', 'snoozed'] as const) {
    const record = raw[key];
    if (!isObject(record)) continue;
    for (const [name, value] of Object.entries(record)) {
      const ok = userStateSchema.shape[key].safeParse({ [name]: value }).success;
      if (ok) out.state[key][name] = value as string;
      else out.lost += 1;
    }
  }

  const lastRunAt = userStateSchema.shape.lastRunAt.safeParse(raw.lastRunAt);
  if (lastRunAt.success) out.state.lastRunAt = lastRunAt.data;

  // Optional fields added later (e.g. the iCal feed's sequences): kept when they read back whole.
  for (const [key, schema] of Object.entries(userStateSchema.shape)) {
    if (key in EMPTY_STATE || key in out.state || !(key in raw)) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined)
      (out.state as Record<string, unknown>)[key] = parsed.data;
    else if (!parsed.success) out.lost += 1;
  }

  out.state = userStateSchema.parse(out.state);
  return out;
}
