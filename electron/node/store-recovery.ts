/**
 * Recovering what can be read from a damaged store: record by record, field by field. A record
 * that cannot be read is counted as lost (it stays in the backup file); nothing is invented.
 */
import { ownMilestoneSchema } from '../core/milestone';
import {
  EMPTY_PROGRESS,
  EMPTY_STATE,
  historyEntrySchema,
  progressSchema,
  settingsSchema,
  userStateSchema,
  type Progress,
  type Settings,
  type UserState,
} from '../core/user-state';

export interface Salvage {
  state: UserState;
  /** Progress records read back (complete or repaired field by field). */
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

function salvageProgress(raw: unknown): { value: Progress; repaired: boolean } | null {
  const whole = progressSchema.safeParse(raw);
  if (whole.success) return { value: whole.data, repaired: false };
  if (!isObject(raw)) return null;
  const { history: _history, ...shape } = progressSchema.shape;
  const { value, replaced } = salvageFields(shape, raw, EMPTY_PROGRESS);
  const entries = Array.isArray(raw.history) ? raw.history : [];
  const goodHistory = entries.flatMap((entry) => {
    const parsed = historyEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const result = progressSchema.safeParse({ ...value, history: goodHistory });
  if (!result.success) return null;
  return { value: result.data, repaired: replaced > 0 || goodHistory.length !== entries.length };
}

/** Reads back what it can from `raw` (the parsed store file, or anything else). */
export function salvageUserState(raw: unknown): Salvage {
  const out: Salvage = { state: structuredClone(EMPTY_STATE), progress: 0, own: 0, lost: 0 };
  if (!isObject(raw)) return out;

  if (isObject(raw.progress)) {
    for (const [id, record] of Object.entries(raw.progress)) {
      const salvaged = salvageProgress(record);
      if (salvaged) {
        out.state.progress[id] = salvaged.value;
        out.progress += 1;
      } else out.lost += 1;
    }
  } else if (raw.progress !== undefined) out.lost += 1;

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
    if (key in EMPTY_STATE || !(key in raw)) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined)
      (out.state as Record<string, unknown>)[key] = parsed.data;
    else if (!parsed.success) out.lost += 1;
  }

  out.state = userStateSchema.parse(out.state);
  return out;
}
