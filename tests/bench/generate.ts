/**
 * Generates benchmark datasets in the schema of data/compass-milestones.json: N milestones of mixed
 * kinds (about 60 % deadlines, 15 % starts, 5 % recurring, 20 % undated), all five chapters, many
 * sections (one per ~40 milestones), dates spread over 2022–2030. Every entry's dates are what
 * resolveDatePhrase returns for its phrase, so the file is valid for parseDataset and for the
 * dataset tests' date check. Deterministic: the same N and seed give the same file.
 *
 *   npx tsx tests/bench/generate.ts 10000 out.json [seed]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveDatePhrase, type DateContext } from '../../electron/core/date-phrase';
import type { Milestone } from '../../electron/core/milestone';
import { CHAPTERS, type Chapter } from '../../electron/core/chapters';

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CHAPTER_HEADINGS: Record<Chapter, string> = {
  act: '2. HANDELEN',
  secure: '3. BEVEILIGEN',
  invest: '4. INVESTEREN',
  partners: '5. SAMENWERKEN MET PARTNERS',
  general: '6. CONCLUSIE',
};

const TOPICS = [
  ['snelle inzetcapaciteit', 'rapid deployment capacity'],
  ['militaire mobiliteit', 'military mobility'],
  ['cyberdefensie', 'cyber defence'],
  ['hybride dreigingen', 'hybrid threats'],
  ['ruimtevaartstrategie', 'space strategy'],
  ['maritieme veiligheid', 'maritime security'],
  ['civiele GVDB-missies', 'civilian CSDP missions'],
  ['defensie-innovatie', 'defence innovation'],
  ['gezamenlijke aanbesteding', 'joint procurement'],
  ['partnerschapsdialoog', 'partnership dialogue'],
  ['inlichtingenanalyse', 'intelligence analysis'],
  ['kritieke grondstoffen', 'critical raw materials'],
  ['oefenprogramma', 'exercise programme'],
  ['klimaat en defensie', 'climate and defence'],
  ['desinformatie', 'disinformation'],
  ['PESCO-projecten', 'PESCO projects'],
] as const;

const VERBS = [
  ['vaststellen van', 'adopt'],
  ['versterken van', 'strengthen'],
  ['uitvoeren van', 'carry out'],
  ['evalueren van', 'review'],
  ['opzetten van', 'set up'],
  ['uitbreiden van', 'expand'],
] as const;

const ACTORS = [
  'EU',
  'Member States',
  'High Representative',
  'Commission',
  'EEAS',
  'European Defence Agency',
  'SIAC',
  'Council',
] as const;

const YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030] as const;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A date phrase of the dataset's date table for the given kind, with the context it needs. */
function phraseFor(
  random: () => number,
  kind: Milestone['kind'],
): { phrase: string | null; context?: DateContext } {
  const year = pick(random, YEARS);
  switch (kind) {
    case 'deadline': {
      const form = pick(random, ['uiterlijk in', 'eind', 'medio', 'begin', 'tegen eind', 'in'] as const);
      const phrase = `${form} ${year}`;
      // Half of the deadlines start on the adoption date, the others on 1 January of an earlier year.
      if (random() < 0.5 || year === 2022) return { phrase };
      const startYear = 2022 + Math.floor(random() * (year - 2022));
      return { phrase, context: { start: `${startYear}-01-01` } };
    }
    case 'start': {
      const r = random();
      if (r < 0.05) return { phrase: 'onmiddellijk' };
      return { phrase: r < 0.3 ? `vanaf de tweede helft van ${year}` : `vanaf ${year}` };
    }
    case 'recurring': {
      const phrase = pick(random, ['jaarlijks', 'om de twee jaar', 'ten minste om de drie jaar'] as const);
      return { phrase, context: { year: pick(random, [2022, 2023, 2024, 2025] as const) } };
    }
    case 'undated':
      return { phrase: null };
  }
}

function kindFor(random: () => number): Milestone['kind'] {
  const r = random();
  if (r < 0.6) return 'deadline';
  if (r < 0.75) return 'start';
  if (r < 0.8) return 'recurring';
  return 'undated';
}

/** N milestones valid for parseDataset, in the dataset's order (by chapter, then section). */
export function generateMilestones(count: number, seed = 20_220_321): Milestone[] {
  const random = rng(seed + count);
  const sectionCount = Math.max(CHAPTERS.length * 2, Math.ceil(count / 40));
  const sections = Array.from({ length: sectionCount }, (_, i) => {
    const chapter = CHAPTERS[i % CHAPTERS.length] as Chapter;
    const [topicNl] = TOPICS[i % TOPICS.length] as readonly [string, string];
    return {
      chapter,
      name: `${CHAPTER_HEADINGS[chapter]} ${Math.floor(i / CHAPTERS.length) + 1}. ${topicNl}`,
    };
  });

  const items: Milestone[] = [];
  for (let i = 0; i < count; i += 1) {
    const section = sections[i % sectionCount] as (typeof sections)[number];
    const kind = kindFor(random);
    const { phrase, context } = phraseFor(random, kind);
    const resolved = resolveDatePhrase(phrase, context);
    const [topicNl, topicEn] = pick(random, TOPICS);
    const [verbNl, verbEn] = pick(random, VERBS);
    const quote =
      phrase === null
        ? `We zullen werken aan het ${verbNl} ${topicNl} (${i + 1}).`
        : `${phrase[0]?.toUpperCase()}${phrase.slice(1)} zullen we werken aan het ${verbNl} ${topicNl} (${i + 1}).`;
    const milestone: Milestone = {
      id: `bench-${section.chapter}-${i + 1}`,
      chapter: section.chapter,
      section: section.name,
      title: {
        nl: `${verbNl[0]?.toUpperCase()}${verbNl.slice(1)} ${topicNl} (${i + 1})`,
        en: `${verbEn[0]?.toUpperCase()}${verbEn.slice(1)} ${topicEn} (${i + 1})`,
      },
      quote,
      line: 100 + i,
      datePhrase: phrase,
      ...(context ? { dateContext: context } : {}),
      kind: resolved.kind,
      start: resolved.start,
      due: resolved.due,
      window: resolved.window,
      recurrence: resolved.recurrence,
      actor: pick(random, ACTORS),
    };
    items.push(milestone);
  }
  // Grouped as the real file is: by chapter, then section, keeping generation order within.
  const order = new Map(sections.map((s, index) => [s.name, index]));
  return items.sort(
    (a, b) =>
      CHAPTERS.indexOf(a.chapter) - CHAPTERS.indexOf(b.chapter) ||
      (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0) ||
      a.line - b.line,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [countArg, outArg, seedArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!Number.isInteger(count) || count <= 0 || !outArg) {
    console.error('usage: tsx tests/bench/generate.ts COUNT OUT.json [SEED]');
    process.exit(2);
  }
  const milestones = generateMilestones(count, seedArg ? Number(seedArg) : undefined);
  writeFileSync(outArg, `${JSON.stringify(milestones, null, 2)}\n`);
  console.log(`wrote ${milestones.length} milestones to ${outArg}`);
}
