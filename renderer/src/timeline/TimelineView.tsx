import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import { LIMITS } from '../../../electron/core/limits';
import { KINDS } from '../../../electron/core/date-phrase';
import { parseLogKey } from '../../../electron/core/progress-log';
import { STATUSES } from '../../../electron/core/status';
import { milestonesOwnedBy } from '../../../electron/core/ownership';
import { meOfSnapshot } from '../detail/owner';
import { useSectionName } from '../app/sections';
import { Agenda, type AgendaHandle } from './Agenda';
import { FilterBar } from './FilterBar';
import { StrategiesDialog } from '../import/StrategiesDialog';
import {
  applyFilters,
  applyStrategyView,
  filterChoices,
  loadViewState,
  saveViewState,
  VIEWS,
  type Filters,
  type ViewState,
} from './filters';
import { Gantt, type GanttHandle } from './Gantt';
import { DUE_SOON_ICON, KIND_ICON, OVERDUE_ICON, OWN_ICON, STATUS_ICON } from './look';
import { allGroupKeys } from './rows';

export interface TimelineViewProps {
  /** For the agenda's snooze; without it the agenda cannot snooze. */
  api?: CompassApi;
  onSnapshot?(snapshot: Snapshot): void;
  snapshot: Snapshot;
  /** The tab is showing: keyboard shortcuts apply only then. */
  active: boolean;
  selectedId: string | null;
  onOpen(id: string): void;
  onAddOwn(): void;
}

/**
 * Main's answer for the search text: it also reads the quotes, which the snapshot leaves out.
 * Undefined until the first answer for this text (the titles match meanwhile); an answer stays
 * until the next one for the same text replaces it, so a change elsewhere does not flicker.
 */
function useSearchHits(
  api: CompassApi | undefined,
  query: string,
  milestones: Snapshot['milestones'],
): ReadonlySet<string> | undefined {
  const [answer, setAnswer] = useState<{ query: string; ids: ReadonlySet<string> } | null>(null);
  useEffect(() => {
    if (!api || !query.trim()) return;
    let live = true;
    api.searchMilestones({ query: query.slice(0, LIMITS.searchChars) }).then(
      ({ ids }) => live && setAnswer({ query, ids: new Set(ids) }),
      // Not answered: the titles still match (applyFilters' own search).
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, query, milestones]);
  return answer?.query === query ? answer.ids : undefined;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The timeline tab: filters, legend and the Gantt; the view state is kept between launches. */
export function TimelineView(props: TimelineViewProps) {
  const { snapshot, active, selectedId, onOpen, onAddOwn } = props;
  const [strategiesOpen, setStrategiesOpen] = useState(false);
  const strategies = useMemo(() => snapshot.strategies ?? [], [snapshot.strategies]);
  const strategyOf = useMemo(
    () => new Map((snapshot.strategies ?? []).flatMap((s) => s.milestoneIds.map((id) => [id, s.slug]))),
    [snapshot.strategies],
  );
  const { t } = useTranslation('ui');
  const sectionName = useSectionName();
  const [view, setView] = useState<ViewState>(() => loadViewState());
  const collapsed = useMemo(() => new Set(view.collapsed), [view.collapsed]);
  const shown = useMemo(() => {
    // A strategy removed since it was chosen filters nothing.
    const chosen = view.filters.strategy;
    const known = chosen === 'all' || chosen === 'compass' || [...strategyOf.values()].includes(chosen);
    const inView = applyStrategyView(
      snapshot.milestones,
      strategyOf,
      known ? chosen : 'all',
      view.hiddenStrategies,
    );
    return milestonesOwnedBy(
      inView,
      new Map(Object.entries(snapshot.owners)),
      view.filters.owner,
      meOfSnapshot(snapshot),
    );
  }, [snapshot, strategyOf, view.filters.strategy, view.filters.owner, view.hiddenStrategies]);
  const choices = useMemo(() => filterChoices(shown, snapshot.today), [shown, snapshot.today]);
  const searchHits = useSearchHits(props.api, view.filters.search, snapshot.milestones);
  const gantt = useRef<GanttHandle>(null);
  const agenda = useRef<AgendaHandle>(null);
  const agendaMilestones = useMemo(
    () =>
      view.mode === 'agenda'
        ? applyFilters(shown, view.filters, snapshot.progress, snapshot.today, searchHits)
        : [],
    [view.mode, shown, view.filters, snapshot.progress, snapshot.today, searchHits],
  );
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => saveViewState(view), [view]);

  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  const onToggleGroup = useCallback(
    (key: string) =>
      setView((v) => ({
        ...v,
        collapsed: v.collapsed.includes(key) ? v.collapsed.filter((k) => k !== key) : [...v.collapsed, key],
      })),
    [],
  );
  const milestones = shown;
  const publicRecordIds = useMemo(
    () => new Set((snapshot.publicRecord?.keys ?? []).map((key) => parseLogKey(key).milestoneId)),
    [snapshot.publicRecord],
  );
  const onSetAllCollapsed = useCallback(
    (all: boolean) => update({ collapsed: all ? allGroupKeys(milestones, strategies) : [] }),
    [update, milestones, strategies],
  );

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (view.mode !== 'gantt' && event.key !== '/') return;
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (event.key === '+' || event.key === '=') {
        event.preventDefault();
        gantt.current?.zoomBy(1);
      } else if (event.key === '-' || event.key === '_') {
        event.preventDefault();
        gantt.current?.zoomBy(-1);
      } else if (event.key === 't' || event.key === 'T') {
        event.preventDefault();
        gantt.current?.goToToday();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, view.mode]);

  const toFirstResult = () =>
    view.mode === 'agenda' ? agenda.current?.focusFirst() : gantt.current?.focusFirstResult();

  return (
    <div className="timeline-view">
      <div className="timeline-top">
        <FilterBar
          filters={view.filters}
          years={choices.years}
          actors={choices.actors}
          strategies={strategies}
          searchRef={search}
          onChange={(filters: Filters) => update({ filters })}
          onSearchSubmit={toFirstResult}
        />
        <div className="timeline-actions">
          <div className="button-group view-switch" role="group" aria-label={t('views.label')}>
            {VIEWS.map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={view.mode === mode}
                onClick={() => update({ mode })}
              >
                {t(`views.${mode}`)}
              </button>
            ))}
          </div>
          {props.api && snapshot.strategies && (
            <button type="button" onClick={() => setStrategiesOpen(true)}>
              {t('strategies.open')}
            </button>
          )}
          <button type="button" className="primary" onClick={onAddOwn}>
            <span aria-hidden="true">{OWN_ICON}</span> {t('own.add')}
          </button>
          <details className="legend">
            <summary>{t('legend.title')}</summary>
            <div className="legend-body">
              <ul aria-label={t('legend.statuses')}>
                {STATUSES.map((status) => (
                  <li key={status}>
                    <span className={`status-icon status-${status}`} aria-hidden="true">
                      {STATUS_ICON[status]}
                    </span>{' '}
                    {t(`status.${status}`)}
                  </li>
                ))}
              </ul>
              <ul aria-label={t('legend.kinds')}>
                {KINDS.map((kind) => (
                  <li key={kind}>
                    <span className={`legend-kind kind-${kind}`} aria-hidden="true">
                      {KIND_ICON[kind]}
                    </span>{' '}
                    {t(`legend.kind.${kind}`)}
                  </li>
                ))}
                <li>
                  <span className="badge badge-overdue" aria-hidden="true">
                    {OVERDUE_ICON}
                  </span>{' '}
                  {t('legend.overdue')}
                </li>
                <li>
                  <span className="badge badge-soon" aria-hidden="true">
                    {DUE_SOON_ICON}
                  </span>{' '}
                  {t('legend.dueSoon')}
                </li>
                <li>
                  <span className="badge badge-own" aria-hidden="true">
                    {OWN_ICON}
                  </span>{' '}
                  {t('legend.own')}
                </li>
              </ul>
              <p>{t('legend.keys')}</p>
            </div>
          </details>
        </div>
      </div>
      {view.mode === 'agenda' ? (
        <Agenda
          ref={agenda}
          api={props.api!}
          snapshot={snapshot}
          milestones={agendaMilestones}
          days={view.agendaDays}
          onDaysChange={(agendaDays) => update({ agendaDays })}
          collapsed={view.agendaCollapsed}
          onCollapsedChange={(agendaCollapsed) => update({ agendaCollapsed })}
          dismissed={view.agendaDismissed}
          onDismissedChange={(agendaDismissed) => update({ agendaDismissed })}
          onOpen={onOpen}
          onSnapshot={(s) => props.onSnapshot?.(s)}
        />
      ) : (
        <Gantt
          ref={gantt}
          milestones={shown}
          strategies={strategies}
          progress={snapshot.progress}
          today={snapshot.today}
          publicRecordIds={publicRecordIds}
          filters={view.filters}
          searchHits={searchHits}
          zoom={view.zoom}
          range={view.range}
          collapsed={collapsed}
          selectedId={selectedId}
          labelWidth={view.labelWidth}
          onLabelWidthChange={(labelWidth) => update({ labelWidth })}
          sectionName={sectionName}
          onZoomChange={(zoom) => update({ zoom })}
          onRangeChange={(range) => update({ range })}
          onToggleGroup={onToggleGroup}
          onSetAllCollapsed={onSetAllCollapsed}
          onOpen={onOpen}
        />
      )}
      {strategiesOpen && props.api && (
        <StrategiesDialog
          api={props.api}
          snapshot={snapshot}
          hidden={view.hiddenStrategies}
          onHiddenChange={(hiddenStrategies) => update({ hiddenStrategies })}
          onSnapshot={(s) => props.onSnapshot?.(s)}
          onClose={() => setStrategiesOpen(false)}
        />
      )}
    </div>
  );
}
