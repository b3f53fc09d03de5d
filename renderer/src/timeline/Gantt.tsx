/**
 * The Gantt view: a tree grid of chapter, section and milestone rows beside a time axis.
 * Rows are virtualised by hand (fixed row height; only the rows in view plus a few either side,
 * and the focused row, are in the DOM), so 10,000 milestones stay as quick as 100.
 */
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { TFunction } from 'i18next';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../electron/core/date-phrase';
import { isOwn } from '../../../electron/core/milestone';
import type { TimelineMilestone } from '../../../electron/core/timeline-milestone';
import { occurrencesOf } from '../../../electron/core/occurrences';
import type { Status } from '../../../electron/core/status';
import type { ProgressMap } from '../../../electron/core/progress';
import { Icon } from '../app/Icon';
import { useRovingToolbar } from '../app/roving';
import { formatDate, formatLongDate, formatMonth } from '../format';
import { achievedDelay, isDueSoon, isDueUnrecorded, isOverdue, keyDate, statusOf } from './facts';
import {
  applyFilters,
  clampLabelWidth,
  LABEL_WIDTH,
  ZOOMS,
  type Filters,
  type RangeChoice,
  type Zoom,
} from './filters';
import { DUE_SOON_ICON, OVERDUE_ICON, OWN_ICON, STATUS_ICON } from './look';
import { buildRows, type Row, type StrategyGroup } from './rows';
import { makeScale, presentYear, rangeEnd, shownRange, ticks, type Scale } from './scale';

export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 48;
/** Room after the axis's last day, so a diamond on 31 December of the last year shows whole. */
const END_PAD = 12;
const OVERSCAN = 6;
/** Used until the scroll container has been measured (and in environments without layout). */
const FALLBACK_VIEWPORT = 800;

export interface GanttHandle {
  zoomBy(step: 1 | -1): void;
  goToToday(): void;
  focusActiveRow(): void;
  /** Moves focus to the first milestone row (after a search). */
  focusFirstResult(): void;
}

export interface GanttProps {
  milestones: readonly TimelineMilestone[];
  progress: ProgressMap;
  today: IsoDate;
  filters: Filters;
  /** Main's answer for `filters.search` (it reads the quotes too); without it the titles are searched. */
  searchHits?: ReadonlySet<string>;
  zoom: Zoom;
  range: RangeChoice;
  collapsed: ReadonlySet<string>;
  selectedId: string | null;
  /** Width of the title column in pixels (kept between launches by the caller). */
  labelWidth?: number;
  onLabelWidthChange?(width: number): void;
  /** A section heading's name in the UI's language. */
  sectionName?(section: string): string;
  /** Imported strategies: with any, rows are grouped by strategy first (the Compass, then each). */
  strategies?: readonly StrategyGroup[];
  /** Ids of the milestones the public record has an entry for (a marker on their rows). */
  publicRecordIds?: ReadonlySet<string>;
  onZoomChange(zoom: Zoom): void;
  onRangeChange(range: RangeChoice): void;
  onToggleGroup(key: string): void;
  onSetAllCollapsed(collapsed: boolean): void;
  onOpen(id: string): void;
  ref?: Ref<GanttHandle>;
}

export function Gantt(props: GanttProps) {
  const { milestones, progress, today, filters, zoom, range, collapsed, selectedId, ref } = props;
  const labelWidth = props.labelWidth ?? LABEL_WIDTH.default;
  // For the benchmark: one mark at the start of each render of a (new) dataset.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the dataset is the point
  useMemo(() => performance.mark('gantt-render-start'), [milestones]);
  const { t, i18n } = useTranslation('ui');
  const language = i18n.language;
  const gridId = useId();

  const { searchHits } = props;
  const visible = useMemo(
    () => applyFilters(milestones, filters, progress, today, searchHits),
    [milestones, filters, progress, today, searchHits],
  );
  const { strategies } = props;
  const compassName = t('strategies.compass');
  const rows = useMemo(
    () => buildRows(visible, collapsed, strategies, compassName),
    [visible, collapsed, strategies, compassName],
  );
  const end = rangeEnd(range, today);
  const empty = rows.length === 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  /** The scroll container's inner width (0 until measured). */
  const [viewportWidth, setViewportWidth] = useState(0);
  const chartWidth = Math.max(0, viewportWidth - labelWidth - END_PAD);
  const scale = useMemo(() => makeScale(zoom, end, chartWidth), [zoom, end, chartWidth]);
  const axisTicks = useMemo(() => ticks(scale, zoom), [scale, zoom]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  /** The row to focus once a render has made it the active one (a render in between must not focus another). */
  const focusPending = useRef<string | null>(null);
  const pendingCenterDay = useRef<number | null>(null);
  const pendingToday = useRef(false);

  // Measured before the first paint (a layout effect re-renders before the browser paints), so the
  // timeline is painted once at its real width instead of a frame later when the observer reports.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
      if (el.clientWidth > 0) setViewportWidth(el.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
    // The container is replaced when the list goes from empty to filled.
  }, [empty]);

  const foundActive = activeKey === null ? -1 : rows.findIndex((row) => row.key === activeKey);
  const activeIndex = foundActive >= 0 ? foundActive : 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const indices: number[] = [];
  if (rows.length && (activeIndex < first || activeIndex >= last)) indices.push(activeIndex);
  for (let i = first; i < last; i += 1) indices.push(i);

  const viewWidth = () => (scrollRef.current?.clientWidth ?? 0) - labelWidth;

  const changeZoom = useCallback(
    (next: Zoom) => {
      if (next === zoom) return;
      performance.mark('gantt-zoom-start');
      const el = scrollRef.current;
      if (el) pendingCenterDay.current = (el.scrollLeft + Math.max(0, viewWidth()) / 2) / scale.pxPerDay;
      props.onZoomChange(next);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [zoom, scale, props.onZoomChange, labelWidth],
  );

  const scrollToDate = useCallback(
    (date: IsoDate, s: Scale) => {
      const el = scrollRef.current;
      if (el) el.scrollLeft = Math.max(0, s.x(date) - Math.max(0, viewWidth()) / 2);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [labelWidth],
  );

  const goToToday = useCallback(() => {
    if (today > scale.to) {
      pendingToday.current = true;
      props.onRangeChange('present');
    } else scrollToDate(today, scale);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [today, scale, scrollToDate, props.onRangeChange]);

  // After a zoom, keep the date that was in the middle in the middle; after "today" widened the range, go there.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (pendingCenterDay.current !== null) {
      el.scrollLeft = Math.max(0, pendingCenterDay.current * scale.pxPerDay - Math.max(0, viewWidth()) / 2);
      pendingCenterDay.current = null;
    }
    if (pendingToday.current) {
      pendingToday.current = false;
      scrollToDate(today, scale);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- viewWidth reads the measured container
  }, [scale, today, scrollToDate]);

  const focusRow = useCallback(() => {
    const el = scrollRef.current;
    const row = el?.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
    row?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (focusPending.current !== null && focusPending.current === activeKey) {
      focusPending.current = null;
      focusRow();
    }
  });

  const moveTo = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    const i = rows.indexOf(target);
    const el = scrollRef.current;
    if (el) {
      const bodyHeight = Math.max(ROW_HEIGHT, (el.clientHeight || viewport) - HEADER_HEIGHT);
      if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT;
      else if ((i + 1) * ROW_HEIGHT > el.scrollTop + bodyHeight)
        el.scrollTop = (i + 1) * ROW_HEIGHT - bodyHeight;
      setScrollTop(el.scrollTop);
    }
    focusPending.current = target.key;
    setActiveKey(target.key);
  };

  useImperativeHandle(
    ref,
    () => ({
      zoomBy: (step) => {
        const next = ZOOMS[ZOOMS.indexOf(zoom) + step];
        if (next) changeZoom(next);
      },
      goToToday,
      focusActiveRow: focusRow,
      focusFirstResult: () => {
        const index = rows.findIndex((r) => r.type === 'milestone');
        if (index >= 0) moveTo(index);
        else focusRow();
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- moveTo reads the current rows
    [zoom, changeZoom, goToToday, focusRow, rows],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // The row that has focus is the one acted on, however it got focus.
    const targetKey =
      event.target instanceof HTMLElement
        ? event.target.closest<HTMLElement>('[data-row-key]')?.dataset.rowKey
        : undefined;
    const targetIndex = targetKey === undefined ? -1 : rows.findIndex((r) => r.key === targetKey);
    const currentIndex = targetIndex >= 0 ? targetIndex : activeIndex;
    const row = rows[currentIndex];
    if (!row) return;
    const page = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown':
        handled();
        return moveTo(currentIndex + 1);
      case 'ArrowUp':
        handled();
        return moveTo(currentIndex - 1);
      case 'PageDown':
        handled();
        return moveTo(currentIndex + page);
      case 'PageUp':
        handled();
        return moveTo(currentIndex - page);
      case 'Home':
        handled();
        return moveTo(0);
      case 'End':
        handled();
        return moveTo(rows.length - 1);
      case 'ArrowRight':
        handled();
        if (row.type !== 'milestone' && !row.expanded) return props.onToggleGroup(row.key);
        return moveTo(currentIndex + 1);
      case 'ArrowLeft': {
        handled();
        if (row.type !== 'milestone' && row.expanded) return props.onToggleGroup(row.key);
        const parent =
          row.type === 'milestone' || row.type === 'section' || row.type === 'chapter' ? row.parent : null;
        if (parent) return moveTo(rows.findIndex((r) => r.key === parent));
        return;
      }
      case 'Enter':
      case ' ':
        handled();
        if (row.type === 'milestone') {
          if (event.key === 'Enter') props.onOpen(row.milestone.id);
        } else props.onToggleGroup(row.key);
        return;
    }
  };

  // Stable, so that scrolling re-renders only the rows that come into view (GanttRow is memoised).
  const { onOpen, onToggleGroup } = props;
  const onRowClick = useCallback(
    (row: Row) => {
      setActiveKey(row.key);
      if (row.type === 'milestone') onOpen(row.milestone.id);
      else onToggleGroup(row.key);
    },
    [onOpen, onToggleGroup],
  );
  const onRowFocus = useCallback((key: string) => setActiveKey(key), []);

  // The title column's separator: drag it, or use the arrow keys on it.
  const { onLabelWidthChange } = props;
  const setLabelWidth = (width: number) => onLabelWidthChange?.(clampLabelWidth(width));
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const onResizeKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? LABEL_WIDTH.step * 4 : LABEL_WIDTH.step;
    const next =
      event.key === 'ArrowLeft'
        ? labelWidth - step
        : event.key === 'ArrowRight'
          ? labelWidth + step
          : event.key === 'Home'
            ? LABEL_WIDTH.min
            : event.key === 'End'
              ? LABEL_WIDTH.max
              : null;
    if (next === null) return;
    event.preventDefault();
    setLabelWidth(next);
  };

  const toolbar = useRef<HTMLDivElement>(null);
  useRovingToolbar(toolbar);

  const todayX = today >= scale.from && today <= scale.to ? scale.x(today) : null;
  const bodyHeight = rows.length * ROW_HEIGHT;
  const totalWidth = labelWidth + scale.width + END_PAD;
  const rangeYear = presentYear(today);
  const zoomIndex = ZOOMS.indexOf(zoom);
  const sectionName = props.sectionName ?? ((section: string) => section);

  return (
    <section className="gantt" data-testid="gantt" aria-labelledby="gantt-heading">
      <h2 id="gantt-heading" className="visually-hidden">
        {t('gantt.heading')}
      </h2>
      <div className="gantt-toolbar" role="toolbar" aria-label={t('gantt.toolbar')} ref={toolbar}>
        <div className="button-group" role="group" aria-label={t('zoom.label')}>
          <button
            type="button"
            disabled={zoomIndex <= 0}
            onClick={() => changeZoom(ZOOMS[zoomIndex - 1] ?? zoom)}
          >
            <Icon name="minus" /> {t('zoom.out')}
          </button>
          {ZOOMS.map((z) => (
            <button key={z} type="button" aria-pressed={z === zoom} onClick={() => changeZoom(z)}>
              {t(`zoom.${z}`)}
            </button>
          ))}
          <button
            type="button"
            disabled={zoomIndex >= ZOOMS.length - 1}
            onClick={() => changeZoom(ZOOMS[zoomIndex + 1] ?? zoom)}
          >
            <Icon name="plus" /> {t('zoom.in')}
          </button>
        </div>
        <span className="inline-field">
          <label htmlFor={`${gridId}-range`}>{t('range.label')}</label>
          <select
            id={`${gridId}-range`}
            value={shownRange(range, today)}
            onChange={(e) => props.onRangeChange(e.target.value as RangeChoice)}
            data-testid="gantt-range"
          >
            <option value="2025">{t('range.2025')}</option>
            {rangeYear > 2025 && rangeYear !== 2030 && (
              <option value="present">{t('range.present', { year: rangeYear })}</option>
            )}
            <option value="2030">{t('range.2030')}</option>
          </select>
        </span>
        <button type="button" onClick={goToToday}>
          {t('gantt.today')}
        </button>
        <button type="button" onClick={() => props.onSetAllCollapsed(false)}>
          {t('gantt.expandAll')}
        </button>
        <button type="button" onClick={() => props.onSetAllCollapsed(true)}>
          {t('gantt.collapseAll')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {t('gantt.count', { count: visible.length })}
      </p>
      {rows.length === 0 ? (
        <p className="gantt-empty">{t('gantt.empty')}</p>
      ) : (
        <div
          className="gantt-scroll"
          data-testid="gantt-scroll"
          ref={scrollRef}
          onScroll={(e) => {
            // Render the rows that came into view within the scroll event's own frame: React would
            // otherwise treat scroll as continuous input and paint them one frame later.
            const top = e.currentTarget.scrollTop;
            flushSync(() => setScrollTop(top));
          }}
        >
          <div className="gantt-resizer-anchor">
            <div
              role="separator"
              className="gantt-resizer"
              data-testid="title-resizer"
              tabIndex={0}
              aria-orientation="vertical"
              aria-label={t('titles.resize')}
              aria-valuenow={labelWidth}
              aria-valuemin={LABEL_WIDTH.min}
              aria-valuemax={LABEL_WIDTH.max}
              aria-valuetext={t('titles.resizeValue', { px: labelWidth })}
              style={{ left: labelWidth - 6 }}
              onKeyDown={onResizeKey}
              onPointerDown={(event) => {
                event.preventDefault();
                event.currentTarget.setPointerCapture?.(event.pointerId);
                drag.current = { startX: event.clientX, startWidth: labelWidth };
              }}
              onPointerMove={(event) => {
                if (drag.current)
                  setLabelWidth(drag.current.startWidth + event.clientX - drag.current.startX);
              }}
              onPointerUp={() => (drag.current = null)}
              onPointerCancel={() => (drag.current = null)}
            />
          </div>
          <div
            className="gantt-canvas"
            style={
              {
                width: totalWidth,
                height: HEADER_HEIGHT + bodyHeight,
                '--gantt-left': `${labelWidth}px`,
              } as CSSProperties
            }
          >
            <div
              className="gantt-lines"
              aria-hidden="true"
              style={{ left: labelWidth, width: scale.width, height: HEADER_HEIGHT + bodyHeight }}
            >
              {axisTicks.map((tick) => (
                <span
                  key={`${tick.unit}${tick.date}`}
                  className={`line line-${tick.unit}`}
                  style={{ left: tick.x }}
                />
              ))}
              {todayX !== null && <span className="line line-today" style={{ left: todayX }} />}
            </div>
            <div
              role="treegrid"
              className="gantt-grid"
              aria-label={t('gantt.heading')}
              aria-rowcount={rows.length + 1}
              aria-colcount={2}
              onKeyDown={onKeyDown}
            >
              <div role="rowgroup" className="gantt-head">
                <div role="row" aria-rowindex={1} className="gantt-head-row" style={{ width: totalWidth }}>
                  <div role="columnheader" className="gantt-corner">
                    {t('gantt.columnMilestone')}
                  </div>
                  <div role="columnheader" className="gantt-axis" style={{ width: scale.width }}>
                    <span className="visually-hidden">{t('gantt.columnAxis')}</span>
                    {axisTicks.map((tick) => (
                      <span
                        key={`${tick.unit}${tick.date}`}
                        aria-hidden="true"
                        className={`tick tick-${tick.unit === 'year' ? 'year' : 'sub'}`}
                        style={{ left: tick.x, width: tick.width }}
                      >
                        {tick.unit === 'year'
                          ? tick.date.slice(0, 4)
                          : tick.unit === 'quarter'
                            ? t('axis.quarterOfYear', {
                                n: Math.floor(Number(tick.date.slice(5, 7)) / 3) + 1,
                                year: tick.date.slice(0, 4),
                              })
                            : formatMonth(tick.date, language)}
                      </span>
                    ))}
                    {todayX !== null && (
                      <span className="today-flag" aria-hidden="true" style={{ left: todayX }}>
                        {t('gantt.todayFlag')}
                      </span>
                    )}
                  </div>
                </div>
              </div>
              <div role="rowgroup" className="gantt-body" style={{ height: bodyHeight }}>
                {indices.map((i) => {
                  const row = rows[i]!;
                  const status = row.type === 'milestone' ? statusOf(progress, row.milestone.id) : 'unknown';
                  return (
                    <GanttRow
                      key={row.key}
                      row={row}
                      index={i}
                      status={status}
                      active={i === activeIndex}
                      selected={row.type === 'milestone' && row.milestone.id === selectedId}
                      inPublicRecord={
                        row.type === 'milestone' && !!props.publicRecordIds?.has(row.milestone.id)
                      }
                      today={today}
                      scale={scale}
                      language={language}
                      t={t}
                      onClick={onRowClick}
                      onFocus={onRowFocus}
                      sectionName={sectionName}
                      achievedOn={
                        row.type === 'milestone' ? (progress[row.milestone.id]?.achievedOn ?? null) : null
                      }
                    />
                  );
                })}
              </div>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

interface GanttRowProps {
  row: Row;
  index: number;
  status: Status;
  active: boolean;
  selected: boolean;
  inPublicRecord?: boolean;
  today: IsoDate;
  scale: Scale;
  language: string;
  /** The parent's `t`: one i18next subscription for the Gantt instead of one per row. */
  t: TFunction<'ui'>;
  onClick(row: Row): void;
  onFocus(key: string): void;
  sectionName(section: string): string;
  /** The date recorded as achieved on, if any (drawn against the plan). */
  achievedOn: IsoDate | null;
}

const GanttRow = memo(function GanttRow(props: GanttRowProps) {
  const { row, index, status, active, selected, today, scale, language, t, achievedOn } = props;
  const common = {
    role: 'row',
    'aria-rowindex': index + 2,
    'aria-level': row.level,
    tabIndex: active ? 0 : -1,
    style: { top: index * ROW_HEIGHT },
    onClick: () => props.onClick(row),
    onFocus: (event: { target: EventTarget; currentTarget: EventTarget }) => {
      if (event.target === event.currentTarget) props.onFocus(row.key);
    },
  } as const;

  if (row.type !== 'milestone') {
    const name =
      row.type === 'strategy'
        ? row.name
        : row.type === 'chapter'
          ? t(`chapter.${row.chapter}`)
          : row.type === 'section'
            ? props.sectionName(row.section)
            : t('gantt.undatedLane');
    return (
      <div
        {...common}
        className={`gantt-row gantt-group level-${row.level}`}
        aria-expanded={row.expanded}
        aria-label={t('gantt.groupLabel', { name, count: row.count })}
        data-row-key={row.key}
      >
        <div role="gridcell" className="gantt-label">
          <span className="caret" aria-hidden="true">
            <Icon name={row.expanded ? 'caret-down' : 'caret-right'} />
          </span>
          <span className="row-title">{name}</span>
          <span className="count" aria-hidden="true">
            {row.count}
          </span>
        </div>
        <div role="gridcell" className="gantt-track" aria-hidden="true" />
      </div>
    );
  }

  const m = row.milestone;
  const title = language.startsWith('nl') ? m.title.nl : m.title.en;
  const overdue = isOverdue(m, status, today);
  const unrecorded = isDueUnrecorded(m, status, today);
  const dueSoon = !overdue && isDueSoon(m, status, today);
  const own = isOwn(m);
  const date = keyDate(m, today);
  const when = whenText(m, date, language, t);
  const delay = achievedDelay(m, status, achievedOn);
  const actual =
    delay === null
      ? null
      : delay.days > 0
        ? t('actual.late', { date: formatLongDate(delay.on, language), count: delay.days })
        : delay.days < 0
          ? t('actual.early', { date: formatLongDate(delay.on, language), count: -delay.days })
          : t('actual.onTime', { date: formatLongDate(delay.on, language) });
  const label = [
    title,
    when.long,
    t('row.status', { status: t(`status.${status}`) }),
    actual,
    overdue ? t('row.overdue') : null,
    unrecorded ? t('log.dueUnrecorded') : null,
    dueSoon ? t('row.dueSoon') : null,
    own ? t('row.own') : null,
    props.inPublicRecord ? t('publicRecord.marker') : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div
      {...common}
      className={[
        'gantt-row',
        `level-${row.level}`,
        `status-${status}`,
        overdue ? 'is-overdue' : '',
        unrecorded ? 'is-unrecorded' : '',
        dueSoon ? 'is-due-soon' : '',
        selected ? 'is-selected' : '',
        props.inPublicRecord ? 'has-public-record' : '',
      ].join(' ')}
      aria-label={label}
      data-row-key={row.key}
      data-milestone-id={m.id}
    >
      <div role="gridcell" className="gantt-label" title={title}>
        <span className={`status-icon status-${status}`} aria-hidden="true">
          {STATUS_ICON[status]}
        </span>
        <span className="row-title">{title}</span>
        {active && (
          <span className="row-tip" aria-hidden="true" data-testid="row-tip">
            {title}
          </span>
        )}
        {own && (
          <span className="badge badge-own" aria-hidden="true" title={t('row.own')}>
            {OWN_ICON}
          </span>
        )}
        {overdue && (
          <span className="badge badge-overdue" aria-hidden="true">
            {OVERDUE_ICON} {t('badge.overdue')}
          </span>
        )}
        {unrecorded && (
          <span className="badge badge-unrecorded" aria-hidden="true" title={t('log.dueUnrecorded')}>
            {t('badge.unrecorded')}
          </span>
        )}
        {dueSoon && (
          <span className="badge badge-soon" aria-hidden="true">
            {DUE_SOON_ICON} {t('badge.dueSoon')}
          </span>
        )}
        {delay !== null && delay.days > 0 && (
          <span className="badge badge-late" aria-hidden="true" title={actual ?? undefined}>
            {t('actual.badgeLate', { count: delay.days })}
          </span>
        )}
        <span className="row-date" aria-hidden="true">
          {when.short}
        </span>
      </div>
      <div role="gridcell" className="gantt-track" aria-hidden="true">
        <Shapes milestone={m} status={status} scale={scale} />
        {delay !== null && <Actual due={delay.due} on={delay.on} days={delay.days} scale={scale} />}
      </div>
    </div>
  );
});

/** How a row says when: "due 31 December 2025", "from 1 January 2023", "every 3 years, next …". */
function whenText(
  m: TimelineMilestone,
  date: IsoDate | null,
  language: string,
  t: TFunction,
): { short: ReactNode; long: string } {
  if (m.kind === 'undated' || date === null) return { short: '—', long: t('when.undated') };
  const short = formatDate(date, language);
  const long = formatLongDate(date, language);
  switch (m.kind) {
    case 'deadline':
      return { short, long: t('when.due', { date: long }) };
    case 'start':
      return { short: t('when.fromShort', { date: short }), long: t('when.from', { date: long }) };
    case 'recurring':
      return {
        short: (
          <>
            <Icon name="repeat" /> {short}
          </>
        ),
        long: t('when.recurring', { count: m.recurrence?.everyYears ?? 1, date: long }),
      };
  }
}

/**
 * Plan against actual: a tick at the date achieved, joined to the due date by a line that shows
 * the delay (late: the span after the due date; early: the span before it).
 */
function Actual({ due, on, days, scale }: { due: IsoDate; on: IsoDate; days: number; scale: Scale }) {
  const clamp = (x: number) => Math.max(0, Math.min(scale.width, x));
  const dueX = clamp(scale.x(due) + scale.pxPerDay / 2);
  const onX = clamp(scale.x(on) + scale.pxPerDay / 2);
  const kind = days > 0 ? 'late' : days < 0 ? 'early' : 'on-time';
  return (
    <>
      {days !== 0 && (
        <span
          className={`shape delay delay-${kind}`}
          data-testid="delay"
          style={{ left: Math.min(dueX, onX), width: Math.abs(onX - dueX) }}
        />
      )}
      <span className={`shape actual actual-${kind}`} data-testid="actual" style={{ left: onX }} />
    </>
  );
}

/** The shapes on the axis: window + bar + diamond, an open-ended bar, cycle markers, or nothing. */
function Shapes({
  milestone: m,
  status,
  scale,
}: {
  milestone: TimelineMilestone;
  status: Status;
  scale: Scale;
}) {
  const clamp = (x: number) => Math.max(0, Math.min(scale.width, x));
  const dayWidth = scale.pxPerDay;
  switch (m.kind) {
    case 'deadline': {
      if (!m.due) return null;
      const start = m.start ?? m.due;
      const left = clamp(scale.x(start));
      const right = clamp(scale.x(m.due) + dayWidth);
      const dueX = scale.x(m.due);
      return (
        <>
          {m.window && (
            <span
              className="shape window"
              style={{
                left: clamp(scale.x(m.window.from)),
                width: clamp(scale.x(m.window.to) + dayWidth) - clamp(scale.x(m.window.from)),
              }}
            />
          )}
          {right > left && (
            <span className={`shape bar status-${status}`} style={{ left, width: right - left }} />
          )}
          {dueX >= 0 && dueX <= scale.width && (
            <span className={`shape diamond status-${status}`} style={{ left: dueX }} />
          )}
        </>
      );
    }
    case 'start': {
      if (!m.start) return null;
      const left = clamp(scale.x(m.start));
      return (
        <>
          <span
            className={`shape bar open-ended status-${status}`}
            style={{ left, width: scale.width - left }}
          />
          {scale.x(m.start) <= scale.width && (
            <span className={`shape start-mark status-${status}`} style={{ left }} />
          )}
        </>
      );
    }
    case 'recurring': {
      const cycles = occurrencesOf(m, { from: scale.from, to: scale.to }).map((o) => o.date);
      return (
        <>
          {cycles.length > 1 && (
            <span
              className="shape cycle-line"
              style={{ left: scale.x(cycles[0]!), width: scale.x(cycles.at(-1)!) - scale.x(cycles[0]!) }}
            />
          )}
          {cycles.map((date) => (
            <span key={date} className={`shape marker status-${status}`} style={{ left: scale.x(date) }} />
          ))}
        </>
      );
    }
    case 'undated':
      return <span className="shape undated-hint" />;
  }
}
