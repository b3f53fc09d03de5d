/**
 * Everything the team sync keeps, in `team.json` in the data folder (locked and atomic, see
 * json-file.ts): the connection without the password, the outbox of entries not yet on the server,
 * what the app knows of each resource on the server (ETag, and which entry or task it is), the
 * collections' sync tokens, the last sync and the last error.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { logEntrySchema } from '../../core/progress-log-schema';
import { jsonFile, type JsonFile } from './json-file';

export const TEAM_FILE = 'team.json';

export const connectionSchema = z.strictObject({
  serverUrl: z.string(),
  user: z.string().min(1),
  progressUrl: z.string(),
  calendarUrl: z.string(),
  caFile: z.string().nullable(),
  allowInsecureHttp: z.boolean(),
  /** Where the CLI reads the password from, when it was given as a file (the path, never the password). */
  passwordFile: z.string().nullable(),
  /** The password sealed by the desktop app (Electron safeStorage); never the password itself. */
  sealedPassword: z.string().nullable(),
  connectedAt: z.string(),
});
export type TeamConnection = z.infer<typeof connectionSchema>;

const progressObjectSchema = z.strictObject({
  etag: z.string().nullable(),
  kind: z.enum(['journal', 'todo', 'other']),
  /** The entry id of a journal, the log key of a task. */
  id: z.string().nullable(),
  /** A task's X-COMPASS-COUNT and X-COMPASS-ENTRY-ID as the server has them. */
  count: z.number().optional(),
  entryId: z.string().nullable().optional(),
});
export type ProgressObject = z.infer<typeof progressObjectSchema>;

const calendarObjectSchema = z.strictObject({
  etag: z.string().nullable(),
  uid: z.string(),
  /** A hash of the text last published (so an unchanged event is not sent again). */
  hash: z.string(),
});
export type CalendarObject = z.infer<typeof calendarObjectSchema>;

export const teamStateSchema = z.strictObject({
  version: z.literal(1),
  connection: connectionSchema.nullable(),
  /** Entries recorded here and not yet confirmed on the server, oldest first. */
  outbox: z.array(logEntrySchema),
  progress: z.strictObject({
    syncToken: z.string().nullable(),
    /** By path on the server. */
    objects: z.record(z.string(), progressObjectSchema),
  }),
  calendar: z.strictObject({ objects: z.record(z.string(), calendarObjectSchema) }),
  lastSync: z
    .strictObject({
      at: z.string(),
      sent: z.number(),
      received: z.number(),
      tasks: z.number(),
      events: z.number(),
      method: z.enum(['sync-collection', 'etag']),
    })
    .nullable(),
  lastError: z.strictObject({ at: z.string(), message: z.string(), code: z.string() }).nullable(),
});
export type TeamState = z.infer<typeof teamStateSchema>;

export const EMPTY_TEAM_STATE: TeamState = {
  version: 1,
  connection: null,
  outbox: [],
  progress: { syncToken: null, objects: {} },
  calendar: { objects: {} },
  lastSync: null,
  lastError: null,
};

export const openTeamFile = (dataDir: string, onDamaged?: (message: string) => void): JsonFile<TeamState> =>
  jsonFile(join(dataDir, TEAM_FILE), teamStateSchema, () => structuredClone(EMPTY_TEAM_STATE), onDamaged);

/** Ids of the entries the server is known to hold. */
export const entriesOnServer = (state: TeamState): Set<string> =>
  new Set(Object.values(state.progress.objects).flatMap((o) => (o.kind === 'journal' && o.id ? [o.id] : [])));
