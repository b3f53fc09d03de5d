import { useId, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS } from '../../../electron/core/date-phrase';
import { CHAPTERS } from '../../../electron/core/chapters';
import { STATUSES } from '../../../electron/core/status';
import { OWNER_FILTERS } from '../../../electron/core/ownership';
import { Field } from '../app/Field';
import { Icon } from '../app/Icon';
import { DEFAULT_FILTERS, isFiltering, type Filters } from './filters';

export interface FilterBarProps {
  filters: Filters;
  years: number[];
  actors: string[];
  /** Imported strategies: with any, a strategy filter (the Compass or one of them). */
  strategies?: readonly { slug: string; name: string }[];
  onChange(filters: Filters): void;
  /** Enter in the search field: go to the first result. */
  onSearchSubmit?(): void;
  searchRef?: Ref<HTMLInputElement>;
}

/** How many filters other than the search differ from their default. */
const activeFilters = (filters: Filters) =>
  (Object.keys(DEFAULT_FILTERS) as (keyof Filters)[]).filter(
    (key) => key !== 'search' && filters[key] !== DEFAULT_FILTERS[key],
  ).length;

/**
 * Search and filters above the timeline; every change applies at once. The search stays in view;
 * the other filters fold behind one "Filters" button (one Tab stop), so the bar takes one line.
 */
export function FilterBar(props: FilterBarProps) {
  const { filters, years, actors, onChange, onSearchSubmit, searchRef, strategies = [] } = props;
  const { t } = useTranslation('ui');
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  const active = activeFilters(filters);

  return (
    <form
      className="filter-bar"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearchSubmit?.();
      }}
    >
      <Field label={t('filters.search')} className="field field-search">
        {(control) => (
          <input
            {...control}
            ref={searchRef}
            type="search"
            value={filters.search}
            placeholder={t('filters.searchPlaceholder')}
            aria-keyshortcuts="/"
            onChange={(e) => set('search', e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              onSearchSubmit?.();
            }}
          />
        )}
      </Field>
      <button
        ref={toggle}
        type="button"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name={open ? 'caret-down' : 'caret-right'} /> {t('filterPanel.more')}
        {active > 0 && <span className="filters-count">{t('filterPanel.active', { count: active })}</span>}
      </button>
      <button type="button" disabled={!isFiltering(filters)} onClick={() => onChange(DEFAULT_FILTERS)}>
        {t('filters.reset')}
      </button>
      <div
        id={panelId}
        className="filters-panel"
        hidden={!open}
        role="group"
        aria-label={t('filterPanel.more')}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }}
      >
        <Field label={t('owner.filter')}>
          {(control) => (
            <select
              {...control}
              value={filters.owner}
              data-testid="owner-filter"
              onChange={(e) => set('owner', e.target.value as Filters['owner'])}
            >
              {OWNER_FILTERS.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`owner.filterChoice.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {strategies.length > 0 && (
          <Field label={t('strategies.filter')}>
            {(control) => (
              <select {...control} value={filters.strategy} onChange={(e) => set('strategy', e.target.value)}>
                <option value="all">{t('filters.all')}</option>
                <option value="compass">{t('strategies.compass')}</option>
                {strategies.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('filters.chapter')}>
          {(control) => (
            <select
              {...control}
              value={filters.chapter}
              onChange={(e) => set('chapter', e.target.value as Filters['chapter'])}
            >
              <option value="all">{t('filters.all')}</option>
              {CHAPTERS.map((chapter) => (
                <option key={chapter} value={chapter}>
                  {t(`chapter.${chapter}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filters.status')}>
          {(control) => (
            <select
              {...control}
              value={filters.status}
              onChange={(e) => set('status', e.target.value as Filters['status'])}
            >
              <option value="all">{t('filters.all')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filters.kind')}>
          {(control) => (
            <select
              {...control}
              value={filters.kind}
              onChange={(e) => set('kind', e.target.value as Filters['kind'])}
            >
              <option value="all">{t('filters.all')}</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filters.year')}>
          {(control) => (
            <select
              {...control}
              value={String(filters.year)}
              onChange={(e) => set('year', e.target.value === 'all' ? 'all' : Number(e.target.value))}
            >
              <option value="all">{t('filters.all')}</option>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filters.actor')}>
          {(control) => (
            <select {...control} value={filters.actor} onChange={(e) => set('actor', e.target.value)}>
              <option value="all">{t('filters.all')}</option>
              {actors.map((actor) => (
                <option key={actor} value={actor}>
                  {actor}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.onlyOverdue}
            onChange={(e) => set('onlyOverdue', e.target.checked)}
          />
          {t('filters.onlyOverdue')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.onlyOwn}
            onChange={(e) => set('onlyOwn', e.target.checked)}
          />
          {t('filters.onlyOwn')}
        </label>
      </div>
    </form>
  );
}
