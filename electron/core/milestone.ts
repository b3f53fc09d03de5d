/**
 * A milestone of the dataset and one of the user's own: their types, and what every layer needs of
 * them. No zod is loaded here: the renderer's first chunk needs this module, and building zod
 * schemas at load cost it tens of milliseconds. The schemas the types come from are in
 * `milestone-schema.ts`; the chapters in `chapters.ts`, the kinds (`KINDS`) in `date-phrase.ts`.
 */
import type { z } from 'zod';
import type { milestoneSchema, ownMilestoneSchema } from './milestone-schema';

/** A milestone of the dataset (the Compass's, or a strategy's beside it). */
export type Milestone = z.infer<typeof milestoneSchema>;

/**
 * A milestone the user adds (e.g. a national implementation deadline): the dataset's fields
 * except the quote and its line, marked as the user's own. Ids start with "own-".
 */
export type OwnMilestone = z.infer<typeof ownMilestoneSchema>;

/** Anything the app shows and reminds about: a Compass milestone or one of the user's own. */
export type AnyMilestone = Milestone | OwnMilestone;
export const isOwn = <M extends object = AnyMilestone>(m: M): m is Extract<M, { own: true }> =>
  'own' in m && m.own === true;

/**
 * All milestones now: the dataset (the Compass or the chosen dataset, with the strategies beside
 * it) followed by the user's own, from the state. The one place the two are put together.
 */
export const allMilestones = (
  dataset: readonly Milestone[],
  state: { readonly ownMilestones: readonly OwnMilestone[] },
): AnyMilestone[] => [...dataset, ...state.ownMilestones];
