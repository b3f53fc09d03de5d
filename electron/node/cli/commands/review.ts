import { writeFileSync } from 'node:fs';
import type { AnyMilestone } from '../../../core/milestone';
import { REVIEW_FORMATS, type ReviewFormat } from '../../../core/review-export';
import { DEFAULT_REVIEW_SOURCE, isReviewSource, REVIEW_SOURCES } from '../../../core/review-source';
import type { Locale } from '../../../core/user-state';
import { authorOf } from '../../author';
import { publicRecordFor } from '../../public-record-source';
import { bundledSectionNames } from '../../milestones-source';
import { renderReview } from '../../review-files';
import { CliError, requireDate, type Command } from '../context';

const LANGS: readonly Locale[] = ['nl', 'en'];

/** The review's as-of date when none is given: the end of 2025, the year the Compass asks to review. */
export const DEFAULT_REVIEW_AS_OF = '2025-12-31';

/** The public record's entries for the data folder (a team's imported record, else the bundled one). */
function publicLayer(dataDir: string, milestones: AnyMilestone[], err: (text: string) => void) {
  const { record, problem } = publicRecordFor(dataDir, milestones);
  if (problem) err(problem);
  return record?.entries ?? [];
}

export const review: Command = {
  summary:
    'the review: every commitment due by the as-of date (default 2025-12-31), from our records, the public record or both (--source), with its verdict, latest entry, evidence and author, totals, rates and RAG, as Markdown, CSV, JSON, DOCX or XLSX',
  usage:
    'review [--as-of YYYY-MM-DD] [--compare-to YYYY-MM-DD] [--format md|csv|json|docx|xlsx] [--out FILE] [--lang nl|en] [--source ours|public|ours-then-public] [--json]',
  options: {
    'as-of': { type: 'string' },
    'compare-to': { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    source: { type: 'string' },
  },
  positionals: [0, 0],
  async run(ctx, values) {
    const asOf =
      values['as-of'] === undefined ? DEFAULT_REVIEW_AS_OF : requireDate(values['as-of'], '--as-of');
    const compareTo =
      values['compare-to'] === undefined ? null : requireDate(values['compare-to'], '--compare-to');
    const format = values.format ?? (values.json ? 'json' : 'md');
    if (!REVIEW_FORMATS.includes(format as ReviewFormat)) {
      throw new CliError(`--format expects ${REVIEW_FORMATS.join(', ')}, got ${JSON.stringify(format)}.`, 2);
    }
    if (values.json && format !== 'json') {
      throw new CliError(`--json and --format ${String(format)} contradict each other; give one of them.`, 2);
    }
    const source = values.source ?? DEFAULT_REVIEW_SOURCE;
    if (!isReviewSource(source)) {
      throw new CliError(
        `--source expects ${REVIEW_SOURCES.join(', ')} (our records, the public record, or ours then the public record where we have nothing), got ${JSON.stringify(source)}.`,
        2,
      );
    }
    const out = typeof values.out === 'string' ? values.out : undefined;
    if ((format === 'docx' || format === 'xlsx') && !out) {
      throw new CliError(
        `--format ${format} writes a binary file: give --out FILE (e.g. --out review.${format}).`,
        2,
      );
    }
    const state = ctx.state();
    const lang = values.lang ?? state.settings.locale ?? 'en';
    if (!LANGS.includes(lang as Locale)) {
      throw new CliError(`--lang expects nl or en, got ${JSON.stringify(lang)}.`, 2);
    }
    const milestones = ctx.milestones();
    const content = await renderReview({
      milestones,
      log: state.log,
      publicEntries: source === 'ours' ? [] : publicLayer(ctx.dataDir(), milestones, ctx.err),
      source,
      asOf,
      compareTo,
      format: format as ReviewFormat,
      locale: lang as Locale,
      preparedBy: authorOf(state.settings),
      generatedAt: new Date(),
      sectionNames: bundledSectionNames(),
    });
    if (out) {
      try {
        writeFileSync(out, content);
      } catch (error) {
        throw new CliError(`Cannot write ${out}: ${(error as Error).message}.`);
      }
      ctx.err(`Wrote the review as of ${asOf} (from ${source}) to ${out}.`);
      return;
    }
    // Each format ends in a line break already (CRLF for CSV); out() adds the final "\n".
    ctx.out((content as string).replace(/\n$/, ''));
  },
};
