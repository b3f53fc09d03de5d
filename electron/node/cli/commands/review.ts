import { buildReview } from '../../../core/review';
import { exportReview, type ReviewFormat } from '../../../core/review-export';
import type { Locale } from '../../../core/user-state';
import { CliError, requireDate, type Command } from '../context';

const FORMATS: readonly ReviewFormat[] = ['md', 'csv', 'json'];
const LANGS: readonly Locale[] = ['nl', 'en'];

/** The review's as-of date when none is given: the end of 2025, the year the Compass asks to review. */
export const DEFAULT_REVIEW_AS_OF = '2025-12-31';

export const review: Command = {
  summary:
    'the review: every commitment due by the as-of date (default 2025-12-31) with its verdict, totals and rates, as Markdown, CSV or JSON',
  usage: 'review [--as-of YYYY-MM-DD] [--format md|csv|json] [--lang nl|en] [--json]',
  options: { 'as-of': { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' } },
  positionals: [0, 0],
  run(ctx, values) {
    const asOf =
      values['as-of'] === undefined ? DEFAULT_REVIEW_AS_OF : requireDate(values['as-of'], '--as-of');
    const format = values.format ?? (values.json ? 'json' : 'md');
    if (!FORMATS.includes(format as ReviewFormat)) {
      throw new CliError(`--format expects md, csv or json, got ${JSON.stringify(format)}.`, 2);
    }
    if (values.json && format !== 'json') {
      throw new CliError(`--json and --format ${String(format)} contradict each other; give one of them.`, 2);
    }
    const state = ctx.state();
    const lang = values.lang ?? state.settings.locale ?? 'en';
    if (!LANGS.includes(lang as Locale)) {
      throw new CliError(`--lang expects nl or en, got ${JSON.stringify(lang)}.`, 2);
    }
    const content = exportReview(
      buildReview(ctx.milestones(), state.progress, asOf),
      format as ReviewFormat,
      lang as Locale,
    );
    // Each format ends in a line break already (CRLF for CSV); out() adds the final "\n".
    ctx.out(content.replace(/\n$/, ''));
  },
};
