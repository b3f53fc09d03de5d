/**
 * The review view: what fell due by an as-of date and the verdict on each, as summary cards,
 * stacked bars per chapter and per year, the longest-overdue list, the recurring commitments cycle
 * by cycle, and the full table. Every number comes from `api.getReview` (buildReview in core), the
 * same function behind the exports and the CLI.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OWNER_FILTERS, type OwnerFilter } from '../../../electron/core/ownership';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import {
  formatShare,
  VERDICTS,
  type Rag,
  type Review,
  type ReviewComparison,
  type ReviewItem,
} from '../../../electron/core/review';
import {
  DEFAULT_REVIEW_SOURCE,
  REVIEW_SOURCES,
  type ReviewSource,
} from '../../../electron/core/review-source';
import { evidenceText, type ReviewFormat } from '../../../electron/core/review-export';
import { errorMessage } from '../app/errors';
import { useSectionName } from '../app/sections';
import { formatDate, formatLongDate } from '../format';
import { AsOfInput } from './AsOfInput';
import { heldOf, VERDICT_ICON } from './look';
import { ReviewTable } from './ReviewTable';
import { StackedBars, VerdictLegend } from './StackedBars';
import './review.css';

export interface ReviewViewProps {
  api: CompassApi;
  snapshot: Snapshot;
  onOpenMilestone(id: string): void;
  /** The as-of date to open with (a deep link); else the end of 2025. */
  initialAsOf?: string;
}

/** The review's default date: the end of 2025, the year the Compass asks to take stock. */
export const DEFAULT_AS_OF = '2025-12-31';
/** The High Representative's progress reports on the Compass, and the end of 2025. */
export const AS_OF_PRESETS = [
  { key: 'report2023', date: '2023-03-20' },
  { key: 'report2024', date: '2024-03-18' },
  { key: 'end2025', date: '2025-12-31' },
] as const;
const FORMATS: readonly ReviewFormat[] = ['md', 'csv', 'json', 'docx', 'xlsx'];
/** Red/amber/green as a shape as well as a colour. */
const RAG_ICON: Record<Rag, string> = { red: '●', amber: '▲', green: '✓' };

type Language = 'nl' | 'en';

interface Loaded {
  asOf: string;
  source: ReviewSource;
  snapshot: Snapshot;
  attempt: number;
  review: Review | null;
  error: string | null;
  strategy: string;
  owner: OwnerFilter;
}

export function ReviewView({ api, snapshot, onOpenMilestone, initialAsOf }: ReviewViewProps) {
  const { t, i18n } = useTranslation('review');
  const language: Language = (i18n.resolvedLanguage ?? i18n.language ?? 'en').startsWith('nl') ? 'nl' : 'en';
  const [asOf, setAsOf] = useState(initialAsOf ?? DEFAULT_AS_OF);
  const [source, setSource] = useState<ReviewSource>(DEFAULT_REVIEW_SOURCE);
  /** The source as a call's option: left out for the default (our records). */
  const sourceOption = source === DEFAULT_REVIEW_SOURCE ? {} : { source };
  /** All milestones, mine, or my unit's: the review's numbers, comparison and exports follow it. */
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const ownerOption = owner === 'all' ? {} : { owner };
  const [attempt, setAttempt] = useState(0);
  /** One strategy's review ("compass" or an imported strategy's slug), or all of them. */
  const [strategy, setStrategy] = useState<string>('all');
  const strategies = snapshot.strategies ?? [];
  const chosenStrategy =
    strategy === 'compass' || strategies.some((s) => s.slug === strategy) ? strategy : 'all';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [exportMessage, setExportMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [compareTo, setCompareTo] = useState<string | null>(null);
  const [compared, setCompared] = useState<{ key: string; result: ReviewComparison } | null>(null);
  const compareKey = compareTo && compareTo < asOf ? `${compareTo}|${asOf}|${source}|${owner}` : null;

  useEffect(() => {
    if (!compareKey) return;
    let live = true;
    const [from, to, sourceOf, ownerOf] = compareKey.split('|') as [
      string,
      string,
      ReviewSource,
      OwnerFilter,
    ];
    api
      .compareReviews({
        from,
        to,
        ...(sourceOf === DEFAULT_REVIEW_SOURCE ? {} : { source: sourceOf }),
        ...(ownerOf === 'all' ? {} : { owner: ownerOf }),
      })
      .then(
        (result) => live && setCompared({ key: compareKey, result }),
        () => live && setCompared(null),
      );
    return () => {
      live = false;
    };
  }, [api, compareKey, snapshot]);
  const comparison = compared && compared.key === compareKey ? compared.result : null;

  useEffect(() => {
    let live = true;
    const strategyOption = chosenStrategy === 'all' ? {} : { strategy: chosenStrategy };
    const ownerChoice = owner === 'all' ? {} : { owner };
    api
      .getReview(
        source === DEFAULT_REVIEW_SOURCE
          ? { asOf, ...strategyOption, ...ownerChoice }
          : { asOf, source, ...strategyOption, ...ownerChoice },
      )
      .then(
        (review) => {
          if (live)
            setLoaded({
              asOf,
              source,
              snapshot,
              attempt,
              review,
              error: null,
              strategy: chosenStrategy,
              owner,
            });
        },
        (error: unknown) => {
          if (live)
            setLoaded({
              asOf,
              source,
              snapshot,
              attempt,
              review: null,
              error: errorMessage(error),
              strategy: chosenStrategy,
              owner,
            });
        },
      );
    return () => {
      live = false;
    };
  }, [api, asOf, source, snapshot, attempt, chosenStrategy, owner]);

  const current =
    loaded !== null &&
    loaded.asOf === asOf &&
    loaded.source === source &&
    loaded.strategy === chosenStrategy &&
    loaded.owner === owner &&
    loaded.snapshot === snapshot &&
    loaded.attempt === attempt;
  const review = loaded?.review ?? null;

  const exportAs = async (format: ReviewFormat) => {
    setExportMessage(null);
    try {
      const saved = await api.saveFile(
        await api.exportReview(
          compareTo && compareTo < asOf
            ? { asOf, format, compareTo, ...sourceOption, ...ownerOption }
            : { asOf, format, ...sourceOption, ...ownerOption },
        ),
      );
      setExportMessage(saved.saved ? { text: t('exported', { file: saved.fileName }), failed: false } : null);
    } catch (error) {
      setExportMessage({ text: t('exportFailed', { message: errorMessage(error) }), failed: true });
    }
  };

  return (
    <section className="review" aria-labelledby="review-heading" aria-busy={!current}>
      {/* The printed review (and the desktop PDF) opens with a cover a director can sign off. */}
      <div className="review-cover" aria-hidden="true">
        <p className="review-cover-title">{t('cover.title')}</p>
        <dl>
          <dt>{t('cover.asOf')}</dt>
          <dd>{formatLongDate(asOf, language)}</dd>
          <dt>{t('cover.preparedBy')}</dt>
          <dd>{snapshot.author}</dd>
          <dt>{t('cover.generatedOn')}</dt>
          <dd>{formatLongDate(snapshot.today, language)}</dd>
        </dl>
      </div>
      <header className="review-header">
        <h2 id="review-heading">{t('heading')}</h2>
        <p className="review-intro">{t('intro')}</p>
        <AsOfPicker asOf={asOf} today={snapshot.today} language={language} onChange={setAsOf} />
        {strategies.length > 0 && (
          <div className="field no-print">
            <label htmlFor="review-strategy">{t('strategies.reviewLabel', { ns: 'ui' })}</label>
            <select id="review-strategy" value={chosenStrategy} onChange={(e) => setStrategy(e.target.value)}>
              <option value="all">{t('strategies.all', { ns: 'ui' })}</option>
              <option value="compass">{t('strategies.compass', { ns: 'ui' })}</option>
              {strategies.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field no-print">
          <label htmlFor="review-owner">{t('owner.filter', { ns: 'ui' })}</label>
          <select
            id="review-owner"
            data-testid="review-owner"
            value={owner}
            onChange={(e) => setOwner(e.target.value as OwnerFilter)}
          >
            {OWNER_FILTERS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`owner.filterChoice.${choice}`, { ns: 'ui' })}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="review-source no-print">
          <legend>{t('publicRecord.sourceLegend')}</legend>
          {REVIEW_SOURCES.map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name="review-source"
                value={s}
                checked={source === s}
                onChange={() => setSource(s)}
              />
              {t(`publicRecord.source.${s}`)}
            </label>
          ))}
        </fieldset>
        {review && (
          <p className="review-used-source" data-testid="review-source">
            {t('publicRecord.usedSource', { source: t(`publicRecord.source.${review.source}`) })}
          </p>
        )}
        <fieldset className="review-compare no-print">
          <legend>{t('log.compareLegend')}</legend>
          <div className="review-presets">
            <button type="button" aria-pressed={compareTo === null} onClick={() => setCompareTo(null)}>
              {t('log.compareNone')}
            </button>
            {AS_OF_PRESETS.filter((p) => p.date < asOf).map((p) => (
              <button
                key={p.key}
                type="button"
                aria-pressed={compareTo === p.date}
                aria-label={t('log.compareWith', {
                  label: t(`presets.${p.key}`, { date: formatLongDate(p.date, language) }),
                })}
                onClick={() => setCompareTo(p.date)}
              >
                {t(`presets.${p.key}`, { date: formatLongDate(p.date, language) })}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="review-actions no-print" role="group" aria-label={t('exportHeading')}>
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              aria-label={t('exportAs', { format: t(`formats.${format}`) })}
              onClick={() => void exportAs(format)}
            >
              {t(`formats.${format}`)}
            </button>
          ))}
          <button type="button" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
        <p
          className={`review-export-message no-print${exportMessage?.failed ? ' review-error' : ''}`}
          role={exportMessage?.failed ? 'alert' : 'status'}
        >
          {exportMessage?.text ?? ''}
        </p>
      </header>

      <p className="visually-hidden" role="status">
        {current ? '' : t('loading')}
      </p>
      {loaded?.error && current ? (
        <div className="review-error" role="alert">
          <p>{t('loadFailed', { message: loaded.error })}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      {review ? (
        <ReviewBody
          review={review}
          comparison={comparison}
          language={language}
          onOpenMilestone={onOpenMilestone}
        />
      ) : null}
    </section>
  );
}

function AsOfPicker({
  asOf,
  today,
  language,
  onChange,
}: {
  asOf: string;
  today: string;
  language: Language;
  onChange(date: string): void;
}) {
  const { t } = useTranslation('review');
  const pick = (date: string) => onChange(date);
  const presets = [
    ...AS_OF_PRESETS.map((p) => ({
      key: p.key,
      date: p.date,
      label: t(`presets.${p.key}`, { date: formatLongDate(p.date, language) }),
    })),
    { key: 'today', date: today, label: t('presets.today', { date: formatLongDate(today, language) }) },
  ];
  return (
    <fieldset className="review-as-of no-print">
      <legend>{t('asOfLegend')}</legend>
      <div className="review-presets">
        {presets.map((p) => (
          <button key={p.key} type="button" aria-pressed={asOf === p.date} onClick={() => pick(p.date)}>
            {p.label}
          </button>
        ))}
      </div>
      <AsOfInput value={asOf} onCommit={pick} />
    </fieldset>
  );
}

function ReviewBody({
  review,
  comparison,
  language,
  onOpenMilestone,
}: {
  review: Review;
  comparison: ReviewComparison | null;
  language: Language;
  onOpenMilestone(id: string): void;
}) {
  const { t } = useTranslation('review');
  const date = formatLongDate(review.asOf, language);
  const delivered = review.totals['on-time'] + review.totals.late + review.totals.achieved;
  const cards = [
    { key: 'due', value: String(review.count), detail: t('cards.dueDetail', { date }) },
    {
      key: 'onTime',
      value: formatShare(review.onTimeShare),
      detail: t('shareOf', { share: review.totals['on-time'], count: review.count }),
    },
    {
      key: 'delivered',
      value: formatShare(review.deliveredShare),
      detail: `${t('shareOf', { share: delivered, count: review.count })} · ${t('cards.deliveredDetail')}`,
    },
    { key: 'overdue', value: String(review.totals.overdue), detail: null },
    {
      key: 'unknown',
      value: String(review.totals.unknown),
      detail: t('cards.recordedDetail', { share: formatShare(review.recordedShare) }),
    },
    {
      key: 'later',
      value: String(review.notYetDue.length),
      detail: t('cards.laterDetail', { count: review.undated.length }),
    },
  ];
  return (
    <>
      <p className="review-as-of-current">{t('asOfCurrent', { date })}</p>

      <section aria-labelledby="review-summary-heading">
        <h3 id="review-summary-heading">{t('summaryHeading')}</h3>
        <ul className="review-cards">
          {cards.map((card) => (
            <li key={card.key} className={`review-card review-card-${card.key}`} data-card={card.key}>
              <span className="review-card-value">{card.value}</span>{' '}
              <span className="review-card-label">{t(`cards.${card.key}`)}</span>
              {card.detail ? <span className="review-card-detail">{card.detail}</span> : null}
            </li>
          ))}
        </ul>
        <p className="review-rules">{t('rules')}</p>
      </section>

      <section aria-labelledby="review-verdicts-heading">
        <h3 id="review-verdicts-heading">{t('log.verdictCardsHeading')}</h3>
        <ul className="review-cards review-verdict-cards">
          {VERDICTS.map((v) => (
            <li key={v} className={`review-card review-verdict-${v}`} data-card={`verdict-${v}`}>
              <span className="review-card-value">{review.totals[v]}</span>{' '}
              <span className="review-card-label">
                <span aria-hidden="true">{VERDICT_ICON[v]}</span> {t(`verdict.${v}`)}
              </span>
              <span className="review-card-detail">
                {formatShare(review.count ? review.totals[v] / review.count : null)}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <RagTable review={review} />

      {comparison ? <ComparisonView comparison={comparison} language={language} /> : null}

      <section className="review-charts" aria-label={`${t('charts.byChapter')}, ${t('charts.byYear')}`}>
        <VerdictLegend />
        <StackedBars
          title={t('charts.byChapter')}
          groups={review.byChapter.map((g) => ({
            key: g.chapter,
            label: t(`chapter.${g.chapter}`),
            tally: g,
          }))}
        />
        <StackedBars
          title={t('charts.byYear')}
          groups={review.byYear.map((g) => ({ key: String(g.year), label: String(g.year), tally: g }))}
        />
      </section>

      <section aria-labelledby="review-overdue-heading">
        <h3 id="review-overdue-heading">{t('overdueHeading')}</h3>
        {review.longestOverdue.length === 0 ? (
          <p>{t('noneOverdue')}</p>
        ) : (
          <ol className="review-overdue">
            {review.longestOverdue.map((item) => (
              <li key={item.key}>
                <button type="button" className="link" onClick={() => onOpenMilestone(item.id)}>
                  {item.title[language]}
                </button>{' '}
                <span className="review-overdue-days">
                  {VERDICT_ICON.overdue} {t('daysOverdue', { count: item.delayDays ?? 0 })}
                </span>{' '}
                <span className="review-muted">
                  ({t('columns.due')}: {formatDate(item.due, language)})
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <RecurringList items={review.items} language={language} onOpenMilestone={onOpenMilestone} />

      <ReviewTable items={review.items} language={language} onOpenMilestone={onOpenMilestone} />

      <EntriesTable items={review.items} language={language} onOpenMilestone={onOpenMilestone} />
    </>
  );
}

function RagBadge({ rag }: { rag: Rag }) {
  const { t } = useTranslation('review');
  return (
    <span className={`review-rag review-rag-${rag}`}>
      <span aria-hidden="true">{RAG_ICON[rag]}</span> {t(`log.rag.${rag}`)}
    </span>
  );
}

/** Red/amber/green per chapter, and per section under it. */
function RagTable({ review }: { review: Review }) {
  const { t } = useTranslation('review');
  const sectionName = useSectionName();
  return (
    <section aria-labelledby="review-rag-heading">
      <h3 id="review-rag-heading">{t('log.ragHeading')}</h3>
      <p className="review-rules">{t('log.ragRule')}</p>
      <table className="review-rag-table">
        <thead>
          <tr>
            <th scope="col">{t('log.groupColumn')}</th>
            <th scope="col">{t('log.countColumn')}</th>
            <th scope="col">RAG</th>
          </tr>
        </thead>
        <tbody>
          {review.byChapter.flatMap((c) => [
            <tr key={c.chapter} className="review-rag-chapter" data-rag-chapter={c.chapter}>
              <th scope="row">{t(`chapter.${c.chapter}`)}</th>
              <td>{c.count}</td>
              <td>
                <RagBadge rag={c.rag} />
              </td>
            </tr>,
            ...review.bySection
              .filter((s) => s.chapter === c.chapter)
              .map((s) => (
                <tr key={`${c.chapter}-${s.section}`} className="review-rag-section">
                  <th scope="row">
                    <span className="visually-hidden">{t(`chapter.${c.chapter}`)}: </span>
                    {sectionName(s.section)}
                  </th>
                  <td>{s.count}</td>
                  <td>
                    <RagBadge rag={s.rag} />
                  </td>
                </tr>
              )),
          ])}
        </tbody>
      </table>
    </section>
  );
}

/** Two as-of dates side by side: totals then and now, what moved and what is still open. */
function ComparisonView({ comparison, language }: { comparison: ReviewComparison; language: Language }) {
  const { t } = useTranslation('review');
  const verdict = (v: ReviewComparison['moved'][number]['from']) =>
    v === null ? t('log.notYetDueThen') : t(`verdict.${v}`);
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <section aria-labelledby="review-comparison-heading" data-testid="review-comparison">
      <h3 id="review-comparison-heading">{t('log.comparisonHeading')}</h3>
      <p>
        {t('log.comparisonIntro', {
          from: formatLongDate(comparison.from, language),
          to: formatLongDate(comparison.to, language),
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('log.fromColumn')}</th>
            <th scope="col">{t('log.toColumn')}</th>
            <th scope="col">{t('log.changeColumn')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('log.dueRow')}</th>
            <td>{comparison.fromCount}</td>
            <td>{comparison.toCount}</td>
            <td>{signed(comparison.toCount - comparison.fromCount)}</td>
          </tr>
          {VERDICTS.map((v) => (
            <tr key={v}>
              <th scope="row">{t(`verdict.${v}`)}</th>
              <td>{comparison.fromTotals[v]}</td>
              <td>{comparison.toTotals[v]}</td>
              <td>{signed(comparison.delta[v])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('log.moved')}</h4>
      {comparison.moved.length === 0 ? (
        <p>{t('log.noneMoved')}</p>
      ) : (
        <ul className="review-moved">
          {comparison.moved.map((m) => (
            <li key={m.key}>
              {m.title[language]} ({formatDate(m.due, language)}): {verdict(m.from)} → {verdict(m.to)}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('log.stillOpen')}</h4>
      {comparison.stillOpen.length === 0 ? (
        <p>{t('log.noneStillOpen')}</p>
      ) : (
        <p>{comparison.stillOpen.length}</p>
      )}
    </section>
  );
}

/** Each item with a recorded entry: its latest entry as of the date, evidence and author. */
function EntriesTable({
  items,
  language,
  onOpenMilestone,
}: {
  items: ReviewItem[];
  language: Language;
  onOpenMilestone(id: string): void;
}) {
  const { t } = useTranslation('review');
  const recorded = items.filter((i) => i.entryId !== null);
  return (
    <section aria-labelledby="review-entries-heading">
      <h3 id="review-entries-heading">{t('log.entriesHeading')}</h3>
      {recorded.length === 0 ? (
        <p>{t('log.noEntries')}</p>
      ) : (
        <table className="review-entries" data-testid="review-entries">
          <thead>
            <tr>
              {(['title', 'status', 'on', 'author', 'evidence', 'note'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`log.entryColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recorded.map((i) => (
              <tr key={i.key}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpenMilestone(i.id)}>
                    {i.title[language]}
                  </button>
                  {i.kind === 'cycle' ? ` (${formatDate(i.due, language)})` : ''}
                </th>
                <td>{t(`status.${i.status}`)}</td>
                <td>{i.on ? formatDate(i.on, language) : ''}</td>
                <td>{i.author}</td>
                <td>{evidenceText(i.evidence)}</td>
                <td>{i.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecurringList({
  items,
  language,
  onOpenMilestone,
}: {
  items: ReviewItem[];
  language: Language;
  onOpenMilestone(id: string): void;
}) {
  const { t } = useTranslation('review');
  const byId = new Map<string, ReviewItem[]>();
  for (const item of items) {
    if (item.kind !== 'cycle') continue;
    byId.set(item.id, [...(byId.get(item.id) ?? []), item]);
  }
  if (byId.size === 0) return null;
  return (
    <section aria-labelledby="review-recurring-heading">
      <h3 id="review-recurring-heading">{t('recurringHeading')}</h3>
      <p>{t('recurringIntro')}</p>
      <ul className="review-recurring">
        {[...byId].map(([id, cycles]) => (
          <li key={id}>
            <button type="button" className="link" onClick={() => onOpenMilestone(id)}>
              {cycles[0]!.title[language]}
            </button>
            <ul className="review-cycles">
              {cycles.map((cycle) => (
                <li key={cycle.key} className={`review-cycle review-verdict-${cycle.verdict}`}>
                  <span aria-hidden="true">{VERDICT_ICON[cycle.verdict]}</span>{' '}
                  <span>{formatDate(cycle.due, language)}</span>: <strong>{t(heldOf(cycle.verdict))}</strong>{' '}
                  <span className="review-muted">({t(`verdict.${cycle.verdict}`)})</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
