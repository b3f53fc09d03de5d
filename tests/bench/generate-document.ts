/**
 * A long strategy document for the extraction benchmark: `pages` pages of about 3,000 characters
 * each (a printed A4 page of running text), with section headings, paragraphs, bullet lists, dated
 * commitments in every phrase form, undated sentences and dates of the past. Deterministic.
 */

const PHRASES = [
  'By 2025',
  'By mid-2026',
  'By the end of 2027',
  'In 2028',
  'From 2026',
  'As of 2027',
  'Starting in 2026',
  'In the first half of 2027',
  'By Q3 2028',
  'By March 2029',
];
const TOPICS = [
  'the regional logistics hubs',
  'the joint training centre',
  'the cyber reserve',
  'the maritime surveillance network',
  'the civilian crisis teams',
  'the procurement rules',
  'the satellite ground stations',
  'the medical evacuation capacity',
];
const VERBS = ['expand', 'review', 'connect', 'modernise', 'evaluate', 'double', 'certify', 'open'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** One page: a heading, four paragraphs and a bullet list. */
function page(n: number): string {
  const lines: string[] = [`${n}. Priority area ${n}`, ''];
  for (let p = 0; p < 4; p += 1) {
    const k = n * 7 + p * 3;
    lines.push(
      [
        `${pick(PHRASES, k)} we will ${pick(VERBS, k)} ${pick(TOPICS, k)} together with our partners.`,
        `In ${2010 + (k % 10)} the previous plan set up ${pick(TOPICS, k + 1)}, which since then has grown steadily.`,
        `The Member States will ${pick(VERBS, k + 2)} ${pick(TOPICS, k + 2)} every two years, and the results will be published.`,
        `This work builds on the lessons of earlier missions and on the advice of the expert group, who met several times.`,
        `We will also ${pick(VERBS, k + 3)} ${pick(TOPICS, k + 3)} ${pick(PHRASES, k + 3).toLowerCase()}, so that the network stays resilient.`,
        `Such efforts take time and money, and they depend on the support of national parliaments and of the public.`,
      ].join(' '),
      '',
    );
  }
  lines.push('To that end, we will:');
  for (let b = 0; b < 4; b += 1) {
    const k = n * 5 + b;
    lines.push(`- ${pick(PHRASES, k).toLowerCase()}, ${pick(VERBS, k)} ${pick(TOPICS, k)} in every region;`);
  }
  lines.push('- keep the plan under review annually.', '');
  return lines.join('\n');
}

export function generateDocumentPages(pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => page(i + 1));
}
