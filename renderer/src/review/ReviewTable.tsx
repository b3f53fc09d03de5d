/** The review's full table: every item due, sortable by any column, filterable; rows open the detail panel. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAPTERS } from '../../../electron/core/chapters';
import { REVIEW_ITEM_KINDS, VERDICTS, type ReviewItem } from '../../../electron/core/review';
import { formatDate } from '../format';
import { VERDICT_ICON } from './look';
import {
  filterItems,
  nextSort,
  NO_FILTER,
  SORT_KEYS,
  sortItems,
  type Sort,
  type SortKey,
  type TableFilter,
} from './table-model';

export function ReviewTable({
  items,
  language,
  onOpenMilestone,
}: {
  items: ReviewItem[];
  language: 'nl' | 'en';
  onOpenMilestone(id: string): void;
}) {
  const { t } = useTranslation('review');
  const id = useId();
  const [sort, setSort] = useState<Sort>({ key: 'due', direction: 'ascending' });
  const [filter, setFilter] = useState<TableFilter>(NO_FILTER);
  const rows = useMemo(
    () => sortItems(filterItems(items, filter, language), sort, language),
    [items, filter, sort, language],
  );
  const set = <K extends keyof TableFilter>(key: K, value: TableFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  return (
    <section aria-labelledby={`${id}-heading`} className="review-table-section">
      <h3 id={`${id}-heading`}>{t('tableHeading')}</h3>
      <fieldset className="review-filters no-print">
        <legend>{t('filters.legend')}</legend>
        <label>
          <span>{t('filters.search')}</span>
          <input
            type="search"
            value={filter.query}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(event) => set('query', event.target.value)}
          />
        </label>
        <label>
          <span>{t('filters.verdict')}</span>
          <select
            value={filter.verdict}
            onChange={(event) => set('verdict', event.target.value as TableFilter['verdict'])}
          >
            <option value="all">{t('filters.all')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`verdict.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters.chapter')}</span>
          <select
            value={filter.chapter}
            onChange={(event) => set('chapter', event.target.value as TableFilter['chapter'])}
          >
            <option value="all">{t('filters.all')}</option>
            {CHAPTERS.map((c) => (
              <option key={c} value={c}>
                {t(`chapter.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters.kind')}</span>
          <select
            value={filter.kind}
            onChange={(event) => set('kind', event.target.value as TableFilter['kind'])}
          >
            <option value="all">{t('filters.all')}</option>
            {REVIEW_ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!filtered} onClick={() => setFilter(NO_FILTER)}>
          {t('filters.clear')}
        </button>
      </fieldset>
      <p id={`${id}-count`} role="status" className="review-muted">
        {t('shown', { count: rows.length, total: items.length })}
      </p>
      <div className="review-table-scroll">
        <table className="review-table" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-count`}>
          <thead>
            <tr>
              {SORT_KEYS.map((key) => (
                <SortHeader
                  key={key}
                  column={key}
                  sort={sort}
                  onSort={(k) => setSort((s) => nextSort(s, k))}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => (
              // The whole row opens the detail panel on click; the title's button is the way in for
              // keyboard and screen-reader users (its click bubbles up to the row).
              <tr key={item.key} data-key={item.key} onClick={() => onOpenMilestone(item.id)}>
                <td>
                  <time dateTime={item.due}>{formatDate(item.due, language)}</time>
                </td>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    aria-label={t('openDetail', { title: item.title[language] })}
                  >
                    {item.title[language]}
                  </button>
                  {item.own ? <span className="review-own"> ({t('own')})</span> : null}
                </th>
                <td>{t(`chapter.${item.chapter}`)}</td>
                <td>{t(`kind.${item.kind}`)}</td>
                <td>{t(`status.${item.status}`)}</td>
                <td className={`review-verdict review-verdict-${item.verdict}`}>
                  <span aria-hidden="true">{VERDICT_ICON[item.verdict]}</span> {t(`verdict.${item.verdict}`)}
                </td>
                <td className="review-number">{item.delayDays ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>{t('noMatch')}</p> : null}
    </section>
  );
}

function SortHeader({ column, sort, onSort }: { column: SortKey; sort: Sort; onSort(key: SortKey): void }) {
  const { t } = useTranslation('review');
  const active = sort.key === column;
  const label = t(`columns.${column}`);
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button
        type="button"
        className="review-sort"
        title={t('sortBy', { column: label })}
        onClick={() => onSort(column)}
      >
        {label}
        <span aria-hidden="true" className="review-sort-icon">
          {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}
