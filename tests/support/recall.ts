import type { Candidate } from '../../electron/core/extract';
import type { Milestone } from '../../electron/core/milestone';

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length > 2),
  );

/** How much of `a`'s words `b` shares (0 … 1). */
export function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared += 1;
  return shared / wa.size;
}

/** A candidate that stands for the milestone: same line, overlapping quote, same kind, due and cycle. */
export function matchCandidate(
  m: Milestone,
  candidates: readonly Candidate[],
  used: Set<Candidate>,
): Candidate | null {
  const same = candidates.filter(
    (c) =>
      !used.has(c) &&
      c.line === m.line &&
      c.kind === m.kind &&
      c.due === m.due &&
      (c.recurrence?.everyYears ?? null) === (m.recurrence?.everyYears ?? null) &&
      (m.quote.includes(c.quote) || c.quote.includes(m.quote) || overlap(m.quote, c.quote) >= 0.6),
  );
  return same.sort((a, b) => overlap(m.quote, b.quote) - overlap(m.quote, a.quote))[0] ?? null;
}

export interface RecallReport {
  dated: number;
  matched: number;
  recall: number;
  missed: Milestone[];
  extra: Candidate[];
}

/** Matches the dataset's dated milestones to the extracted candidates. */
export function recallOf(milestones: readonly Milestone[], candidates: readonly Candidate[]): RecallReport {
  const dated = milestones.filter((m) => m.kind !== 'undated');
  const used = new Set<Candidate>();
  const missed: Milestone[] = [];
  for (const m of dated) {
    const c = matchCandidate(m, candidates, used);
    if (c) used.add(c);
    else missed.push(m);
  }
  return {
    dated: dated.length,
    matched: dated.length - missed.length,
    recall: (dated.length - missed.length) / dated.length,
    missed,
    extra: candidates.filter((c) => !used.has(c)),
  };
}
