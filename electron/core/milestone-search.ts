/**
 * The timeline's text search: every word of the query must occur in a milestone's Dutch or English
 * title or its quote, ignoring case and accents. Pure; the haystack is cached per (immutable)
 * milestone object.
 */
import type { AnyMilestone } from './milestone';
import type { TimelineMilestone } from './timeline-milestone';

/** Lower case without accents, so "voor" finds "vóór". */
export const normaliseSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The query's words, normalised; none for a blank query. */
export const searchWords = (query: string): string[] => normaliseSearch(query).split(/\s+/).filter(Boolean);

const haystacks = new WeakMap<object, string>();

/** What a search looks in: both titles, and the quote where the milestone carries one. */
function haystackOf(m: AnyMilestone | TimelineMilestone): string {
  let text = haystacks.get(m);
  if (text === undefined) {
    text = normaliseSearch(`${m.title.nl}\n${m.title.en}\n${'quote' in m ? m.quote : ''}`);
    haystacks.set(m, text);
  }
  return text;
}

/** Whether every word (from `searchWords`) occurs in the milestone's titles or quote. */
export const matchesSearch = (m: AnyMilestone | TimelineMilestone, words: readonly string[]): boolean => {
  if (words.length === 0) return true;
  const haystack = haystackOf(m);
  return words.every((word) => haystack.includes(word));
};

/** The ids of the milestones a query finds, in their order. */
export const searchMilestoneIds = (milestones: readonly AnyMilestone[], query: string): string[] => {
  const words = searchWords(query);
  return milestones.filter((m) => matchesSearch(m, words)).map((m) => m.id);
};
