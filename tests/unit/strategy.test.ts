import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDatePhrase } from '../../electron/core/date-phrase';
import { extractCommitments } from '../../electron/core/extract';
import {
  candidatesToMilestones,
  parseStrategyFile,
  quoteSimilarity,
  slugify,
  STRATEGY_FORMAT,
  strategySlug,
} from '../../electron/core/strategy';

const text = readFileSync('tests/fixtures/extract/strategy.en.txt', 'utf8');
const build = (source: string, existing?: Parameters<typeof candidatesToMilestones>[1]['existing']) =>
  candidatesToMilestones(extractCommitments(source).candidates, {
    slug: 'harbour',
    defaultActor: 'Harbour City',
    ...(existing ? { existing } : {}),
  });

describe('saved strategies', () => {
  it('makes kebab-case slugs without accents, cut at a word', () => {
    expect(slugify('Witboek Défense 2024: één plan')).toBe('witboek-defense-2024-een-plan');
    expect(slugify('A very long strategy name that goes on and on forever', 20)).toBe('a-very-long-strategy');
    expect(slugify('***')).toBe('');
  });

  it('never gives a strategy the name of the Compass, of "all" or of a Compass id prefix', () => {
    expect(strategySlug('Compass')).toBe('compass-strategy');
    expect(strategySlug('All')).toBe('all-strategy');
    expect(strategySlug('Act')).toBe('act-strategy');
    expect(strategySlug('Act now')).toBe('act-now');
  });

  it('gives every milestone a unique id prefixed by the strategy, valid in the dataset schema', () => {
    const built = build(text);
    const ids = built.map((b) => b.milestone.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^harbour-[a-z0-9-]+$/);
    const parsed = parseStrategyFile({
      format: STRATEGY_FORMAT,
      version: 1,
      slug: 'harbour',
      name: 'Harbour City Resilience Plan',
      source: { name: 'strategy.en.txt', date: '2022-01-10' },
      language: 'en',
      milestones: built.map((b) => b.milestone),
    });
    expect(parsed.ok).toBe(true);
    for (const { milestone: m } of built) {
      const { kind, start, due, window, recurrence } = m;
      expect({ kind, start, due, window, recurrence }).toEqual(
        resolveDatePhrase(m.datePhrase, m.dateContext),
      );
      expect(m.actor.length).toBeGreaterThan(0);
    }
    expect(built.find((b) => b.milestone.datePhrase === 'annually')?.milestone.actor).toBe('Mayor');
    expect(built.find((b) => b.milestone.datePhrase === 'By 2025')?.milestone.actor).toBe('Harbour City');
  });

  it('refuses a strategy file whose ids do not carry its slug', () => {
    const [first] = build(text);
    const parsed = parseStrategyFile({
      format: STRATEGY_FORMAT,
      version: 1,
      slug: 'other',
      name: 'Other',
      source: { name: 'x.txt', date: null },
      language: 'en',
      milestones: [first!.milestone],
    });
    expect(parsed.ok).toBe(false);
  });

  it('keeps the ids (and edited titles) of a re-import of a corrected text, by quote', () => {
    const first = build(text).map((b) => b.milestone);
    first[0] = { ...first[0]!, title: { nl: 'Sirenes', en: 'Sirens everywhere' } };
    const corrected = text
      .replace('a warning siren in every district', 'a loud warning siren in every district')
      .replace('By March 2026 we will have moved the archive out of the flood zone.', '')
      .replace('The volunteers’ forum', 'The forum')
      .replace('Urgent measures\n', 'Urgent measures\n\nBy 2027 we will plant a new dune.\n');
    const again = build(corrected, first);
    const byPhrase = (phrase: string) => again.find((b) => b.milestone.datePhrase === phrase);
    // Edited sentence: same id, the user's title kept.
    expect(byPhrase('By 2025')?.milestone.id).toBe(first[0]?.id);
    expect(byPhrase('By 2025')?.milestone.title.en).toBe('Sirens everywhere');
    expect(byPhrase('By 2025')?.kept).toBe(true);
    // Untouched sentences keep theirs.
    for (const m of first.filter((f) => f.datePhrase !== 'By March 2026' && f.datePhrase !== 'By 2025')) {
      expect(
        again.find((b) => b.milestone.quote === m.quote && b.milestone.datePhrase === m.datePhrase)?.milestone
          .id,
      ).toBe(m.id);
    }
    // A new commitment gets a new id, never one of the saved strategy's.
    const fresh = byPhrase('By 2027');
    expect(fresh?.kept).toBe(false);
    expect(first.map((m) => m.id)).not.toContain(fresh?.milestone.id);
  });

  it('compares quotes by their words', () => {
    expect(quoteSimilarity('By 2025 we will act.', 'By 2025 we will act.')).toBe(1);
    expect(quoteSimilarity('By 2025 we will build dykes.', 'In 2030 they plant trees.')).toBeLessThan(0.3);
  });
});
