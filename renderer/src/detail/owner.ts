/** The owner filter's "me" as the UI reads it from a snapshot. */
import type { Snapshot } from '../../../electron/contract/api';
import type { Me } from '../../../electron/core/ownership';

/** The snapshot's `me`, else (an older host) the author name and no unit. */
export const meOfSnapshot = (snapshot: Pick<Snapshot, 'me' | 'author'>): Me =>
  snapshot.me ?? { person: snapshot.author, unit: null };
