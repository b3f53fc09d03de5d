/**
 * The timeline's projection of a milestone: what the first paint, the filters and the agenda need
 * (id, titles, grouping, kind, dates, actor, own), without the source text a detail panel shows
 * (the quote and its line, the date phrase and its context, the dataset's note). Pure.
 */
import type { AnyMilestone, Milestone, OwnMilestone } from './milestone';

/** The fields a detail panel fetches when it opens; the snapshot leaves them out. */
export const SOURCE_FIELDS = ['quote', 'line', 'datePhrase', 'dateContext', 'note'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** A Compass (or imported) milestone or one of the user's own, without its source text. */
export type TimelineMilestone = Omit<Milestone, SourceField> | Omit<OwnMilestone, SourceField>;

const projections = new WeakMap<AnyMilestone, TimelineMilestone>();

/** The milestone without its source text; the same object for the same (immutable) milestone. */
export function timelineMilestone(m: AnyMilestone): TimelineMilestone {
  let projected = projections.get(m);
  if (!projected) {
    const copy: Record<string, unknown> = { ...m };
    for (const field of SOURCE_FIELDS) delete copy[field];
    projected = copy as TimelineMilestone;
    projections.set(m, projected);
  }
  return projected;
}
