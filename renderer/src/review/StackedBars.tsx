/**
 * A horizontal stacked-bar chart of verdicts per group, drawn in SVG. Colours come from CSS
 * variables (both themes); the text alternative is a sentence per group for screen readers and
 * the same numbers as a table anyone can open.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICTS, type ReviewTally } from '../../../electron/core/review';

export interface BarGroup {
  key: string;
  label: string;
  tally: ReviewTally;
}

const WIDTH = 720;
const LABEL_WIDTH = 230;
const COUNT_WIDTH = 50;
const BAR_HEIGHT = 22;
const ROW_HEIGHT = 34;

export function StackedBars({ title, groups }: { title: string; groups: BarGroup[] }) {
  const { t } = useTranslation('review');
  const id = useId();
  const captionId = `${id}-caption`;
  const descId = `${id}-desc`;
  const max = Math.max(1, ...groups.map((g) => g.tally.count));
  const barArea = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const height = Math.max(ROW_HEIGHT, groups.length * ROW_HEIGHT);

  const summary = (g: BarGroup) =>
    t('charts.groupSummary', {
      label: g.label,
      count: g.tally.count,
      parts: VERDICTS.filter((v) => g.tally.totals[v] > 0)
        .map((v) => t('charts.part', { count: g.tally.totals[v], verdict: t(`verdict.${v}`) }))
        .join(', '),
    });

  return (
    <figure className="review-chart">
      <figcaption id={captionId} className="review-chart-title">
        {title}
      </figcaption>
      {groups.length === 0 ? (
        <p>{t('charts.nothing')}</p>
      ) : (
        <>
          <svg
            className="review-chart-svg"
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-labelledby={captionId}
            aria-describedby={descId}
          >
            {groups.map((g, row) => {
              const y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
              let x = LABEL_WIDTH;
              return (
                <g key={g.key} data-group={g.key}>
                  <text
                    className="review-chart-label"
                    x={LABEL_WIDTH - 8}
                    y={y + BAR_HEIGHT / 2}
                    textAnchor="end"
                    dominantBaseline="central"
                  >
                    {g.label.length > 30 ? `${g.label.slice(0, 29)}…` : g.label}
                  </text>
                  {VERDICTS.map((v) => {
                    const n = g.tally.totals[v];
                    if (n === 0) return null;
                    const w = (n / max) * barArea;
                    const rect = (
                      <rect
                        key={v}
                        className={`review-seg review-seg-${v}`}
                        data-verdict={v}
                        data-count={n}
                        x={x}
                        y={y}
                        width={w}
                        height={BAR_HEIGHT}
                      >
                        <title>{`${g.label}: ${t('charts.part', { count: n, verdict: t(`verdict.${v}`) })}`}</title>
                      </rect>
                    );
                    x += w;
                    return rect;
                  })}
                  <text
                    className="review-chart-count"
                    x={x + 6}
                    y={y + BAR_HEIGHT / 2}
                    dominantBaseline="central"
                  >
                    {g.tally.count}
                  </text>
                </g>
              );
            })}
          </svg>
          <div id={descId} className="visually-hidden">
            {groups.map((g) => (
              <p key={g.key}>{summary(g)}</p>
            ))}
          </div>
          <details className="review-chart-data">
            <summary>{t('charts.showTable')}</summary>
            {/* Focusable, so keyboard users can scroll a table wider than the window. */}
            <div className="review-table-scroll" tabIndex={0} role="region" aria-label={title}>
              <table>
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('charts.group')}</th>
                    {VERDICTS.map((v) => (
                      <th scope="col" key={v}>
                        {t(`verdict.${v}`)}
                      </th>
                    ))}
                    <th scope="col">{t('charts.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => (
                    <tr key={g.key}>
                      <th scope="row">{g.label}</th>
                      {VERDICTS.map((v) => (
                        <td key={v}>{g.tally.totals[v]}</td>
                      ))}
                      <td>{g.tally.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}

/** The colour key for every chart: a swatch (decorative) and the verdict's name. */
export function VerdictLegend() {
  const { t } = useTranslation('review');
  return (
    <ul className="review-legend" aria-label={t('charts.legend')}>
      {VERDICTS.map((v) => (
        <li key={v}>
          <svg className="review-swatch" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <rect className={`review-seg review-seg-${v}`} x="0.5" y="0.5" width="13" height="13" />
          </svg>
          {t(`verdict.${v}`)}
        </li>
      ))}
    </ul>
  );
}
