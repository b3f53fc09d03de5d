/**
 * A saved strategy: an imported document's milestones in the dataset's own schema, with a small
 * header (name, source document and its date, language). Ids are stable and start with the
 * strategy's slug, and a re-import keeps the id of every milestone whose quote it finds again, so
 * statuses and reminders survive a corrected text. Pure.
 */
import { z } from 'zod';
import type { Milestone } from './milestone';
import { CHAPTERS } from './chapters';
import { datasetSchema, datesAreConsistent, isoDateSchema, milestoneDatesSchema } from './milestone-schema';
import { LANGUAGES, type Candidate, type Language } from './extract/commitments';
import { LIMITS, tooLong } from './limits';

export const STRATEGY_FORMAT = 'compass-timeline/strategy' as const;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const strategyFileSchema = z
  .strictObject({
    format: z.literal(STRATEGY_FORMAT),
    version: z.literal(1),
    slug: z
      .string()
      .regex(slugPattern, 'a slug is kebab-case: lower-case letters, digits and dashes')
      .max(40),
    name: z.string().min(1).max(200),
    source: z.strictObject({ name: z.string().min(1), date: isoDateSchema.nullable() }),
    language: z.enum(LANGUAGES as [Language, ...Language[]]),
    milestones: datasetSchema,
  })
  .superRefine((file, ctx) => {
    file.milestones.forEach((m, index) => {
      if (!m.id.startsWith(`${file.slug}-`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', index, 'id'],
          message: `ids of strategy "${file.slug}" start with "${file.slug}-"`,
        });
      }
    });
  });

export type StrategyFile = z.infer<typeof strategyFileSchema>;
export type StrategyHeader = Omit<StrategyFile, 'milestones'>;

/** Lower-case ASCII kebab-case, at most `max` characters, cut at a word ("Witboek Defensie 2024" → "witboek-defensie-2024"). */
export function slugify(text: string, max = 40): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Slugs a strategy cannot take: the names `--strategy` gives the Compass and all, and the Compass's id prefixes. */
export const RESERVED_SLUGS = ['compass', 'all', ...CHAPTERS, 'own'] as const;

/** A strategy's slug from its name; a reserved one gets "-strategy" appended. */
export function strategySlug(name: string): string {
  const slug = slugify(name);
  return slug !== '' && (RESERVED_SLUGS as readonly string[]).includes(slug) ? `${slug}-strategy` : slug;
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length > 2),
  );

/** The share of words two quotes have in common, over the larger of the two (0 … 1). */
export function quoteSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const size = Math.max(wa.size, wb.size);
  if (size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared += 1;
  return shared / size;
}

/** Below this, a corrected quote is a different commitment. */
export const SAME_QUOTE = 0.7;

/**
 * For each candidate, the existing milestone it continues (same quote and phrase, else same quote,
 * else a quote at least SAME_QUOTE alike with the same phrase), each existing milestone used once.
 */
export function matchExisting(
  candidates: readonly Candidate[],
  existing: readonly Milestone[],
): (Milestone | null)[] {
  const result: (Milestone | null)[] = candidates.map(() => null);
  const used = new Set<Milestone>();
  const pass = (fits: (c: Candidate, m: Milestone) => boolean) => {
    candidates.forEach((c, i) => {
      if (result[i]) return;
      const m = existing.find((e) => !used.has(e) && fits(c, e));
      if (m) {
        result[i] = m;
        used.add(m);
      }
    });
  };
  pass((c, m) => c.quote === m.quote && c.datePhrase === m.datePhrase);
  pass((c, m) => c.quote === m.quote);
  pass((c, m) => c.datePhrase === m.datePhrase && quoteSimilarity(c.quote, m.quote) >= SAME_QUOTE);
  return result;
}

export interface BuildOptions {
  slug: string;
  /** Who acts when the sentence names no one ("we"): e.g. the strategy's name. */
  defaultActor: string;
  /** The saved strategy's milestones, when re-importing. */
  existing?: readonly Milestone[];
}

export interface BuiltMilestone {
  milestone: Milestone;
  /** The id came from the saved strategy (matched by quote). */
  kept: boolean;
  page?: number;
}

/** The candidates as dataset milestones with stable, slug-prefixed ids. */
export function candidatesToMilestones(
  candidates: readonly Candidate[],
  options: BuildOptions,
): BuiltMilestone[] {
  const existing = options.existing ?? [];
  const matches = matchExisting(candidates, existing);
  // Ids of the saved strategy are never handed to a different commitment.
  const taken = new Set(existing.map((m) => m.id));
  const fresh = (title: string) => {
    const base = `${options.slug}-${slugify(title, 32) || 'milestone'}`;
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  return candidates.map((c, i) => {
    const match = matches[i];
    const where = c.page === undefined ? null : `Page ${c.page}, line ${c.line}.`;
    const note = [where, c.note].filter(Boolean).join(' ');
    const milestone: Milestone = {
      id: match ? match.id : fresh(c.title),
      chapter: 'general',
      section: c.section ?? options.defaultActor,
      title: { nl: c.title, en: c.title },
      quote: c.quote,
      line: c.line,
      datePhrase: c.datePhrase,
      ...(c.dateContext ? { dateContext: c.dateContext } : {}),
      kind: c.kind,
      start: c.start,
      due: c.due,
      window: c.window,
      recurrence: c.recurrence,
      actor: c.actor ?? options.defaultActor,
      ...(note ? { note } : {}),
    };
    // A title the user corrected in the saved file stays.
    if (match) milestone.title = match.title;
    return { milestone, kept: match !== null, ...(c.page === undefined ? {} : { page: c.page }) };
  });
}

/** Validates parsed JSON as a strategy file; the error names the first problems. */
export function parseStrategyFile(
  json: unknown,
): { ok: true; file: StrategyFile } | { ok: false; issues: z.core.$ZodIssue[] } {
  const result = strategyFileSchema.safeParse(json);
  return result.success ? { ok: true, file: result.data } : { ok: false, issues: result.error.issues };
}

/**
 * A candidate as it crosses the API (the import dialog sends back the ones the user accepted, with
 * the title, kind, dates and actor as edited): its dates pass the same checks as a milestone's.
 */
export const candidateSchema = z
  .strictObject({
    quote: z.string().min(1).max(LIMITS.quoteChars, tooLong(LIMITS.quoteChars)),
    line: z.int().positive(),
    page: z.int().positive().optional(),
    section: z.string().min(1).max(LIMITS.titleChars, tooLong(LIMITS.titleChars)).nullable(),
    datePhrase: z.string().min(1).max(LIMITS.titleChars, tooLong(LIMITS.titleChars)),
    dateContext: z
      .strictObject({
        year: z.int().min(2000).max(2100).optional(),
        start: isoDateSchema.optional(),
        begins: z.literal(true).optional(),
      })
      .optional(),
    // The kind and dates as the dialog left them: the milestone's own fields and checks.
    ...milestoneDatesSchema.shape,
    actor: z.string().min(1).max(LIMITS.titleChars, tooLong(LIMITS.titleChars)).nullable(),
    title: z
      .string()
      .trim()
      .min(1, 'a title cannot be empty')
      .max(LIMITS.titleChars, tooLong(LIMITS.titleChars)),
    note: z.string().min(1).max(LIMITS.quoteChars, tooLong(LIMITS.quoteChars)).optional(),
  })
  .superRefine(datesAreConsistent);

/** A candidate as the dialog shows it: the extractor's proposal plus the id it would be saved under. */
export type PreviewCandidate = Candidate & {
  id: string;
  /** The id (and title) come from the saved strategy: a re-import. */
  kept: boolean;
};

export interface StrategyPreview {
  name: string;
  slug: string;
  language: Language;
  /** Whether `language` was detected (true) or given (false). */
  detected: boolean;
  source: { name: string; date: string | null };
  /** A strategy of this slug is saved already: accepting updates it. */
  exists: boolean;
  candidates: PreviewCandidate[];
}
