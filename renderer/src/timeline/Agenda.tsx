/**
 * The agenda beside the Gantt: a list of what is overdue, what falls due and which reminders come
 * in the next 30 or 90 days, and the reminders already shown (with snooze and dismiss). It follows
 * the same filters as the Gantt; every column sorts; a title opens the detail panel; each group
 * collapses. What is collapsed and dismissed is kept between launches with the view state.
 */
import { useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import type { TimelineMilestone } from '../../../electron/core/timeline-milestone';
import { SNOOZE_OPTIONS, type SnoozeOption } from '../../../electron/core/reminders';
import { daysBetween } from '../../../electron/core/calendar-date';
import { errorMessage } from '../app/errors';
import { Icon } from '../app/Icon';
import { formatDate, formatInstant, formatLongDate } from '../format';
import {
  AGENDA_GROUPS,
  AGENDA_SORT_KEYS,
  buildAgenda,
  sortAgenda,
  type AgendaEntry,
  type AgendaGroup,
  type AgendaSort,
  type AgendaSortKey,
} from './agenda';
import { AGENDA_DAYS, AGENDA_DISMISSED_MAX, type AgendaDays } from './filters';
import { STATUS_ICON } from './look';

export interface AgendaHandle {
  focusFirst(): void;
}

export interface AgendaProps {
  api: CompassApi;
  snapshot: Snapshot;
  /** The milestones that pass the filters. */
  milestones: readonly TimelineMilestone[];
  days: AgendaDays;
  onDaysChange(days: AgendaDays): void;
  /** The groups folded away, and the shown reminders dismissed (their `fired` keys). */
  collapsed: readonly AgendaGroup[];
  onCollapsedChange(collapsed: AgendaGroup[]): void;
  dismissed: readonly string[];
  onDismissedChange(dismissed: string[]): void;
  onOpen(id: string): void;
  onSnapshot(snapshot: Snapshot): void;
  ref?: Ref<AgendaHandle>;
}

const EMPTY: Record<string, string> = {};

/** "now" on the snapshot's day (the web host may fix the day with --today), at the clock's time. */
function nowOn(today: string): Date {
  const real = new Date();
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, real.getHours(), real.getMinutes(), real.getSeconds());
}

export function Agenda(props: AgendaProps) {
  const { api, snapshot, milestones, days, onOpen, onSnapshot, ref } = props;
  const { t, i18n } = useTranslation('ui');
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<AgendaSort>({ key: 'date', direction: 'ascending' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const entries = useMemo(
    () =>
      buildAgenda({
        milestones,
        progress: snapshot.progress,
        settings: snapshot.settings,
        fired: snapshot.reminders?.fired ?? EMPTY,
        snoozed: snapshot.reminders?.snoozed ?? EMPTY,
        today: snapshot.today,
        now: nowOn(snapshot.today),
        days,
      }),
    [milestones, snapshot, days],
  );
  const dismissedKeys = useMemo(() => new Set(props.dismissed), [props.dismissed]);
  const isDismissed = (e: AgendaEntry) => e.group === 'shown' && dismissedKeys.has(e.reminderKey!);
  const grouped = useMemo(() => {
    const sorted = sortAgenda(entries, sort, language);
    return AGENDA_GROUPS.map((group) => {
      const all = sorted.filter((e) => e.group === group);
      const items = all.filter((e) => !(group === 'shown' && dismissedKeys.has(e.reminderKey!)));
      return { group, items, hidden: all.length - items.length };
    });
  }, [entries, sort, language, dismissedKeys]);
  const collapsed = new Set(props.collapsed);
  const toggle = (group: AgendaGroup) =>
    props.onCollapsedChange(
      collapsed.has(group) ? props.collapsed.filter((g) => g !== group) : [...props.collapsed, group],
    );

  useImperativeHandle(ref, () => ({
    focusFirst: () => root.current?.querySelector<HTMLElement>('tbody .agenda-open')?.focus(),
  }));

  const dismiss = (entry: AgendaEntry) => {
    // The next row's title (or the group's heading) takes the focus the removed button had.
    const row = root.current?.querySelector(`tr[data-agenda-key="${CSS.escape(entry.key)}"]`);
    const next = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector<HTMLElement>(
      '.agenda-open',
    );
    const heading = root.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-shown`)} button`);
    props.onDismissedChange(
      [...props.dismissed.filter((k) => k !== entry.reminderKey), entry.reminderKey!].slice(
        -AGENDA_DISMISSED_MAX,
      ),
    );
    setMessage({ kind: 'ok', text: t('agenda.dismissedOne', { title: entry.milestone.title[language] }) });
    (next ?? heading)?.focus();
  };
  const restore = () => {
    const shown = new Set(entries.filter(isDismissed).map((e) => e.reminderKey!));
    props.onDismissedChange(props.dismissed.filter((k) => !shown.has(k)));
    setMessage(null);
  };

  const sortBy = (key: AgendaSortKey) =>
    setSort((s) => ({
      key,
      direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  const snooze = async (entry: AgendaEntry, option: SnoozeOption) => {
    try {
      onSnapshot(await api.snooze({ key: entry.reminderKey!, option }));
      setMessage({ kind: 'ok', text: t('agenda.snoozed', { title: entry.milestone.title[language] }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('toast.snoozeFailed', { message: errorMessage(error) }) });
    }
  };

  const whenOf = (entry: AgendaEntry) => {
    const delta = daysBetween(snapshot.today, entry.date);
    if (entry.group === 'overdue') return t('agenda.daysOverdue', { count: -delta });
    if (entry.group === 'shown') return formatInstant(entry.shownAt!, language);
    return delta === 0 ? t('agenda.today') : t('agenda.inDays', { count: delta });
  };

  const whatOf = (entry: AgendaEntry) => {
    if (entry.kind !== 'reminder') return t(`agenda.kind.${entry.kind}`);
    return entry.leadDays === 0
      ? t('agenda.reminderOnDay', { date: formatDate(entry.due, language) })
      : t('agenda.reminderBefore', { count: entry.leadDays ?? 0, date: formatDate(entry.due, language) });
  };

  return (
    <div className="agenda" ref={root} data-testid="agenda">
      <div className="agenda-toolbar">
        <div className="button-group" role="group" aria-label={t('agenda.horizon')}>
          {AGENDA_DAYS.map((n) => (
            <button key={n} type="button" aria-pressed={n === days} onClick={() => props.onDaysChange(n)}>
              {t('agenda.nextDays', { count: n })}
            </button>
          ))}
        </div>
        <p className={message?.kind === 'error' ? 'form-message error' : 'form-message'} role="status">
          {message?.text}
        </p>
      </div>
      {grouped.map(({ group, items, hidden }) => (
        <section key={group} className={`agenda-group agenda-${group}`} aria-labelledby={`${id}-${group}`}>
          <div className="agenda-group-head">
            <h3 id={`${id}-${group}`}>
              <button
                type="button"
                className="agenda-toggle"
                aria-expanded={!collapsed.has(group)}
                aria-controls={`${id}-${group}-body`}
                onClick={() => toggle(group)}
              >
                <Icon name={collapsed.has(group) ? 'caret-right' : 'caret-down'} />
                {t(`agenda.group.${group}`, { count: days })} <span className="count">({items.length})</span>
              </button>
            </h3>
            {hidden > 0 && !collapsed.has(group) && (
              <button type="button" className="link-button" onClick={restore}>
                {t('agenda.showDismissed', { count: hidden })}
              </button>
            )}
          </div>
          <div id={`${id}-${group}-body`} hidden={collapsed.has(group)}>
            {collapsed.has(group) ? null : items.length === 0 ? (
              <p className="hint">{t(`agenda.empty.${group}`)}</p>
            ) : (
              <table className="agenda-table">
                <thead>
                  <tr>
                    {AGENDA_SORT_KEYS.map((key) => (
                      <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : undefined}>
                        <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                          {t(`agenda.column.${key}`)}
                          {sort.key === key && (
                            <Icon name={sort.direction === 'ascending' ? 'caret-down' : 'caret-right'} />
                          )}
                        </button>
                      </th>
                    ))}
                    <th scope="col">
                      {t(group === 'overdue' ? 'agenda.column.overdue' : 'agenda.column.when')}
                    </th>
                    {group !== 'overdue' && (
                      <th scope="col">
                        {t(group === 'shown' ? 'agenda.column.shownActions' : 'agenda.column.actions')}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {items.map((entry) => {
                    const title = entry.milestone.title[language];
                    return (
                      <tr key={entry.key} data-agenda-key={entry.key} data-milestone-id={entry.milestone.id}>
                        <td className="agenda-date">
                          <time dateTime={entry.date}>{formatLongDate(entry.date, language)}</time>
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link-button agenda-open"
                            onClick={() => onOpen(entry.milestone.id)}
                          >
                            {title}
                          </button>
                        </td>
                        <td>
                          {entry.kind === 'reminder' && <Icon name="bell" />} {whatOf(entry)}
                        </td>
                        <td>{t(`chapter.${entry.milestone.chapter}`)}</td>
                        <td>
                          <span className={`status-icon status-${entry.status}`} aria-hidden="true">
                            {STATUS_ICON[entry.status]}
                          </span>{' '}
                          {t(`status.${entry.status}`)}
                        </td>
                        <td>
                          {whenOf(entry)}
                          {entry.snoozedUntil && (
                            <>
                              <br />
                              {t('agenda.snoozedUntil', {
                                time: formatInstant(entry.snoozedUntil, language),
                              })}
                            </>
                          )}
                        </td>
                        {group !== 'overdue' && (
                          <td>
                            {entry.reminderKey && (
                              <SnoozeControl
                                label={t('agenda.snoozeLabel', { title })}
                                onSnooze={(option) => void snooze(entry, option)}
                              />
                            )}
                            {group === 'shown' && (
                              <button
                                type="button"
                                className="agenda-dismiss"
                                aria-label={t('agenda.dismissLabel', { title })}
                                onClick={() => dismiss(entry)}
                              >
                                {t('agenda.dismiss')}
                              </button>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}

function SnoozeControl({ label, onSnooze }: { label: string; onSnooze(option: SnoozeOption): void }) {
  const { t } = useTranslation('ui');
  const [option, setOption] = useState<SnoozeOption>('tomorrow');
  return (
    <span className="snooze-control" role="group" aria-label={label}>
      <select
        aria-label={t('agenda.snoozeFor')}
        value={option}
        onChange={(e) => setOption(e.target.value as SnoozeOption)}
      >
        {SNOOZE_OPTIONS.map((o) => (
          <option key={o} value={o}>
            {t(`toast.snooze.${o}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onSnooze(option)}>
        {t('agenda.snooze')}
      </button>
    </span>
  );
}
