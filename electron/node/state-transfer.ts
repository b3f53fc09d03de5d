/**
 * Export and import of the user's state as one versioned JSON file (to move to another laptop, or
 * to keep a copy). An import is validated completely before anything changes; a bad file is
 * rejected with a message naming the first problem.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import pkg from '../../package.json';
import { randomUUID } from 'node:crypto';
import { isV1Layout, migrateV1 } from '../core/store-v1';
import { checkEntryDate, entryDateMessage } from '../core/progress-log';
import { futureInstant, keepKnownProgress } from '../core/import-check';
import { LIMITS, tooLarge } from '../core/limits';
import { stripBom } from '../core/text-file';
import { userStateSchema, type UserState } from '../core/user-state';
import { osAuthor } from './author';
import type { StateStore } from './store';

export const STATE_EXPORT_FORMAT = 'compass-timeline-state';
/** The export layout's version; bump it (and convert older ones on import) when the layout changes. */
export const STATE_EXPORT_VERSION = 2;

export const stateExportSchema = z.strictObject({
  format: z.literal(STATE_EXPORT_FORMAT),
  /** 2: the progress log; files of version 1 (progress records) are converted on import. */
  version: z.literal(STATE_EXPORT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  /** The app version that wrote the file, for support questions. */
  appVersion: z.string(),
  state: userStateSchema,
});
export type StateExport = z.infer<typeof stateExportSchema>;

/** Why a file cannot be imported; the message says what is wrong and where. */
export class StateImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateImportError';
  }
}

/** The whole state as a pretty-printed JSON document. */
export function exportStateJson(state: UserState, now: Date): string {
  const document: StateExport = {
    format: STATE_EXPORT_FORMAT,
    version: STATE_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    appVersion: pkg.version,
    state: userStateSchema.parse(state),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localToday = (now = new Date()) =>
  `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What an import checks beyond the file's own consistency. */
export interface ImportOptions {
  /** Instants in the file may not lie after this (plus a day for clocks); default: not checked. */
  now?: Date;
  /**
   * The ids of the Compass dataset: progress for any other id (that is not one of the file's own
   * milestones) is left out and reported; default: everything is kept.
   */
  datasetIds?: ReadonlySet<string>;
}

/** The result of reading an import: the state and the progress keys it did not recognise. */
export interface ParsedImport {
  state: UserState;
  /** Progress keys for milestones that do not exist here: not imported. */
  unknownIds: string[];
}

/** UTF-8 bytes of a text, without copying it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Checks a file's content completely and returns the state it holds; throws StateImportError. */
export function parseStateExport(content: string, options: ImportOptions = {}): UserState {
  return readStateExport(content, options).state;
}

/** parseStateExport, with the progress keys it left out. */
export function readStateExport(content: string, options: ImportOptions = {}): ParsedImport {
  if (content.length > LIMITS.importFileBytes || utf8Length(content) > LIMITS.importFileBytes) {
    throw new StateImportError(
      `The file is ${tooLarge(LIMITS.importFileBytes)}; an export of real data is far smaller. Nothing was changed.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(stripBom(content));
  } catch (error) {
    throw new StateImportError(
      `The file is not valid JSON (${(error as Error).message}). Pick a file made with "Export my data" (Settings), "Export data…" (the menu) or the CLI's export-state.`,
    );
  }
  if (!isObject(json) || json.format !== STATE_EXPORT_FORMAT) {
    throw new StateImportError(
      `The file is not a Compass Timeline data export (it has no "format": "${STATE_EXPORT_FORMAT}"). Pick a file made with "Export my data" (Settings), "Export data…" (the menu) or the CLI's export-state.`,
    );
  }
  if (typeof json.version === 'number' && json.version > STATE_EXPORT_VERSION) {
    throw new StateImportError(
      `The file was made by a newer Compass Timeline (export version ${json.version}; this one reads version ${STATE_EXPORT_VERSION}). Update the app, then import again.`,
    );
  }
  // A version 1 file (progress records with a history) is converted to the log, as the store does.
  if (json.version === 1 && isObject(json.state) && isV1Layout(json.state)) {
    json = {
      ...json,
      version: STATE_EXPORT_VERSION,
      state: migrateV1(json.state, { author: osAuthor(), now: new Date(), newId: randomUUID }),
    };
  }
  const parsed = stateExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new StateImportError(`The file cannot be imported: ${issue.message}${where}. Nothing was changed.`);
  }
  const state = parsed.data.state;
  // The one date check: nothing recorded can be dated after today.
  const today = localToday();
  state.log.forEach((entry, index) => {
    if (entry.type !== 'record') return;
    const problem = checkEntryDate(entry.on, today);
    if (problem) {
      throw new StateImportError(
        `The file cannot be imported: the date ${entryDateMessage(problem, entry.on, today)} (at state.log.${index}.on). Nothing was changed.`,
      );
    }
  });
  const seen = new Set<string>();
  state.ownMilestones.forEach((milestone, index) => {
    if (seen.has(milestone.id)) {
      throw new StateImportError(
        `The file cannot be imported: own milestone id "${milestone.id}" appears twice (at state.ownMilestones.${index}). Nothing was changed.`,
      );
    }
    seen.add(milestone.id);
  });
  if (options.now) {
    const future = futureInstant(state, options.now);
    if (future) {
      throw new StateImportError(
        `The file cannot be imported: it holds a time in the future (${future.slice(0, 200)}); a clock was wrong or the file was edited. Nothing was changed.`,
      );
    }
  }
  if (!options.datasetIds) return { state, unknownIds: [] };
  const known = keepKnownProgress(state, options.datasetIds);
  return { state: known.state, unknownIds: known.unknown };
}

/** "Not imported: progress for 2 unknown milestone ids ("", "x")." for the user, or null. */
export function unknownIdsMessage(unknownIds: readonly string[]): string | null {
  if (unknownIds.length === 0) return null;
  const shown = unknownIds
    .slice(0, 5)
    .map((id) => JSON.stringify(id.slice(0, 60)))
    .join(', ');
  const more = unknownIds.length > 5 ? ` and ${unknownIds.length - 5} more` : '';
  return `Not imported: progress for ${unknownIds.length} milestone id(s) that do not exist here (${shown}${more}).`;
}

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b;

/**
 * The state to store after importing `content` over `current`: the file's progress, own milestones
 * and settings; the reminder records of both (so reminders already shown here, or there, are not
 * shown again). Throws StateImportError (and changes nothing) for a bad file.
 */
export function importStateJson(
  content: string,
  current?: UserState,
  options: ImportOptions = {},
): UserState {
  return mergeImport(parseStateExport(content, options), current);
}

function mergeImport(imported: UserState, current?: UserState): UserState {
  if (!current) return imported;
  return userStateSchema.parse({
    ...imported,
    fired: { ...imported.fired, ...current.fired },
    snoozed: { ...imported.snoozed, ...current.snoozed },
    lastRunAt: later(imported.lastRunAt, current.lastRunAt),
  });
}

/**
 * Imports `content` into the store: checks the whole file first (a bad file throws
 * StateImportError and changes nothing), keeps the current state as an export file next to the
 * store (import it to go back), then writes the imported state. Instants after `now` are refused;
 * with `datasetIds`, progress for unknown milestones is left out and listed in `unknownIds`.
 */
export function importStateIntoStore(
  store: StateStore,
  content: string,
  now: Date,
  datasetIds?: ReadonlySet<string>,
): { state: UserState; backupPath: string; unknownIds: string[] } {
  const current = store.read();
  readStateExport(content, { now, datasetIds }); // checks the whole file first: a bad one throws here
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backupPath = join(dirname(store.path), `config.before-import-${stamp}.json`);
  writeFileSync(backupPath, exportStateJson(current, now), { flag: 'wx' });
  // Merged with the state as it is under the store's lock, so a change made meanwhile is not lost.
  let unknownIds: string[] = [];
  const state = store.update((latest) => {
    const parsed = readStateExport(content, { now, datasetIds });
    unknownIds = parsed.unknownIds;
    return mergeImport(parsed.state, latest);
  });
  return { state, backupPath, unknownIds };
}
