import { resolveDatePhrase } from '../../electron/core/date-phrase';
import type { Milestone } from '../../electron/core/milestone';

/**
 * A milestone for tests whose dates come from the real phrase resolver, as in the dataset:
 * `milestone('rdc', 'Uiterlijk in 2025')`, or with the first cycle year of a recurring one.
 */
export const milestone = (
  id: string,
  phrase: string | null,
  extra: Partial<Milestone> = {},
  year?: number,
): Milestone => ({
  id,
  chapter: 'act',
  section: 'Handelen',
  title: { nl: `${id} nl`, en: `${id} en` },
  quote: 'q',
  line: 1,
  datePhrase: phrase,
  ...resolveDatePhrase(phrase, year ? { year } : {}),
  actor: 'EU',
  ...extra,
});
