/** A milestone's status, and the groups of statuses the rules speak of (the schema: `progress-log-schema.ts`). */
export const STATUSES = [
  'unknown',
  'planned',
  'in-progress',
  'achieved',
  'partial',
  'missed',
  'dropped',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses after which a milestone needs no more reminders. */
export const CLOSED_STATUSES: ReadonlySet<Status> = new Set(['achieved', 'dropped']);

/** Statuses that say when something happened: recording one needs the date it happened. */
export const DATED_STATUSES: ReadonlySet<Status> = new Set(['achieved', 'partial', 'missed']);

/** Statuses that still expect work once the date has passed (recorded, but not done). */
export const WORKING_STATUSES: ReadonlySet<Status> = new Set(['planned', 'in-progress']);
