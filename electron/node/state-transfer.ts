/**
 * Export and import of the user's state as one versioned JSON file (to move to another laptop, or
 * to keep a copy). An import is validated completely before anything changes; a bad file is
 * rejected with a message naming the first problem.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import pkg from '../../package.json';
import { userStateSchema, type UserState } from '../core/user-state';
import type { StateStore } from './store';

export const STATE_EXPORT_FORMAT = 'compass-timeline-state';
/** The export layout's version; bump it (and convert older ones on import) when the layout changes. */
export const STATE_EXPORT_VERSION = 1;

export const stateExportSchema = z.strictObject({
  format: z.literal(STATE_EXPORT_FORMAT),
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a file's content completely and returns the state it holds; throws StateImportError. */
export function parseStateExport(content: string): UserState {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
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
  const parsed = stateExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new StateImportError(`The file cannot be imported: ${issue.message}${where}. Nothing was changed.`);
  }
  const state = parsed.data.state;
  const seen = new Set<string>();
  state.ownMilestones.forEach((milestone, index) => {
    if (seen.has(milestone.id)) {
      throw new StateImportError(
        `The file cannot be imported: own milestone id "${milestone.id}" appears twice (at state.ownMilestones.${index}). Nothing was changed.`,
      );
    }
    seen.add(milestone.id);
  });
  return state;
}

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b;

/**
 * The state to store after importing `content` over `current`: the file's progress, own milestones
 * and settings; the reminder records of both (so reminders already shown here, or there, are not
 * shown again). Throws StateImportError (and changes nothing) for a bad file.
 */
export function importStateJson(content: string, current?: UserState): UserState {
  const imported = parseStateExport(content);
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
 * store (import it to go back), then writes the imported state.
 */
export function importStateIntoStore(
  store: StateStore,
  content: string,
  now: Date,
): { state: UserState; backupPath: string } {
  const current = store.read();
  const next = importStateJson(content, current);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backupPath = join(dirname(store.path), `config.before-import-${stamp}.json`);
  writeFileSync(backupPath, exportStateJson(current, now), { flag: 'wx' });
  return { state: store.update(() => next), backupPath };
}
