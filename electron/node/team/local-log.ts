/**
 * THE SEAM between the team sync and the local progress log.
 *
 * The sync only needs `LocalLog`: read every local entry, and merge entries that came from the
 * server. `fileLocalLog` is a stand-in kept deliberately tiny — `team-log.json` in the data folder —
 * for the CLI and the tests until the store's own `log` (config.json) is wired in; replace
 * `openLocalLog` with an adapter over the store's log and nothing else in `team/` changes.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { logEntrySchema, type LogEntry } from '../../core/progress-log';
import { jsonFile } from './json-file';

export interface LocalLog {
  /** Every entry of the local log (own and merged ones). */
  entries(): LogEntry[];
  /** Merges entries from the server: union by id, an id already present is left as it is. */
  addRemote(entries: readonly LogEntry[]): void;
}

/** The stand-in's own write, for recording an entry from the CLI and the tests. */
export interface WritableLocalLog extends LocalLog {
  add(entry: LogEntry): void;
}

export const LOCAL_LOG_FILE = 'team-log.json';

const fileSchema = z.strictObject({ entries: z.array(logEntrySchema) });

export function fileLocalLog(dataDir: string): WritableLocalLog {
  const file = jsonFile(join(dataDir, LOCAL_LOG_FILE), fileSchema, () => ({ entries: [] }));
  const merge = (incoming: readonly LogEntry[]) =>
    file.update((value) => {
      const known = new Set(value.entries.map((e) => e.id));
      const added = incoming.filter((e) => !known.has(e.id) && known.add(e.id));
      return added.length ? { entries: [...value.entries, ...added] } : value;
    });
  return {
    entries: () => file.read().entries,
    addRemote: (entries) => {
      if (entries.length) merge(entries);
    },
    add: (entry) => merge([logEntrySchema.parse(entry)]),
  };
}

/** The local log the CLI syncs. Swap this for the store's log when it exists. */
export const openLocalLog = (dataDir: string): WritableLocalLog => fileLocalLog(dataDir);
