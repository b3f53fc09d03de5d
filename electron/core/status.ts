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
