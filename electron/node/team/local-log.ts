/**
 * The team sync's view of the local progress log: the store's own `log` (config.json), read and
 * merged under the store's cross-process lock. The sync only reads every local entry and merges
 * entries that came from the server (union by id: an entry is immutable, so an id already present
 * is left as it is).
 */
import type { LogEntry } from '../../core/progress-log';
import type { StateStore } from '../store';

export interface LocalLog {
  /** Every entry of the local log (own and merged ones). */
  entries(): LogEntry[];
  /** Merges entries from the server: union by id, an id already present is left as it is. */
  addRemote(entries: readonly LogEntry[]): void;
}

export function storeLocalLog(store: StateStore): LocalLog {
  return {
    entries: () => store.read().log,
    addRemote: (incoming) => {
      if (incoming.length === 0) return;
      store.update((state) => {
        const known = new Set(state.log.map((e) => e.id));
        const added = incoming.filter((e) => !known.has(e.id) && known.add(e.id));
        return added.length ? { ...state, log: [...state.log, ...added] } : state;
      });
    },
  };
}
