/**
 * The detail panel: everything about one milestone, its progress log as a "state of play"
 * timeline, and a form that adds an entry. Nothing in the form is saved until Save is pressed
 * (arrow keys in the status list or typing a date change nothing); an entry can be withdrawn.
 * A recurring milestone is recorded per cycle: the user picks the cycle first.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CompassApi, PublicRecordLayer, Snapshot } from '../../../electron/contract/api';
import type { IsoDate } from '../../../electron/core/date-phrase';
import { isOwn, type AnyMilestone } from '../../../electron/core/milestone';
import { occurrencesUntil, recordableCycles } from '../../../electron/core/occurrences';
import { currentOwner, type Owner } from '../../../electron/core/ownership';
import { entriesOf, EMPTY_PROGRESS, type ProgressMap, type Progress } from '../../../electron/core/progress';
import {
  checkEntryDate,
  currentEntry,
  logKey,
  retractedIds,
  type EvidenceItem,
  type LogEntry,
} from '../../../electron/core/progress-log';
import { DATED_STATUSES, STATUSES, type Status } from '../../../electron/core/status';
import { formatInstant, formatLongDate } from '../format';
import { isDueSoon, isDueUnrecorded, isOverdue } from '../timeline/facts';
import { DUE_SOON_ICON, OVERDUE_ICON, OWN_ICON, STATUS_ICON } from '../timeline/look';
import { errorMessage } from '../app/errors';
import { Field } from '../app/Field';
import { DATE_TEXT_INPUT } from '../app/date-text';
import { Icon } from '../app/Icon';
import { useSectionName } from '../app/sections';
import { PublicRecordBlock, publicEntriesOf } from './PublicRecordBlock';
import { OwnerBlock } from './OwnerBlock';

export interface DetailPanelProps {
  api: CompassApi;
  milestone: AnyMilestone;
  progress: Progress | undefined;
  /** Every key's derived progress (a recurring milestone's cycles). */
  progressMap?: ProgressMap;
  /** The whole progress log. */
  log?: readonly LogEntry[];
  /** The current owner (the snapshot's); default: derived from `log`. */
  owner?: Owner | null;
  /** The public record beside the log (shown next to the state of play; adopted on request). */
  publicRecord?: PublicRecordLayer;
  today: IsoDate;
  onSnapshot(snapshot: Snapshot): void;
  onClose(): void;
  onEdit(milestone: AnyMilestone): void;
}

/** A link the evidence may carry: http(s) only, as the store accepts. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The cycle the form starts on: the latest one due by today, else the first. */
const defaultCycle = (cycles: IsoDate[], today: IsoDate): IsoDate | null =>
  [...cycles].reverse().find((c) => c <= today) ?? cycles[0] ?? null;

export function DetailPanel({
  api,
  milestone: m,
  progress,
  progressMap,
  log: progressLog,
  owner,
  publicRecord,
  today,
  onSnapshot,
  onClose,
  onEdit,
}: DetailPanelProps) {
  const { t, i18n } = useTranslation('ui');
  const sectionName = useSectionName();
  const language = i18n.language;
  const p = progress ?? EMPTY_PROGRESS;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const log = progressLog ?? [];
  const cycles = recordableCycles(m, today);
  const [cycle, setCycle] = useState<IsoDate | null>(() => defaultCycle(cycles, today));
  const key = m.kind === 'recurring' && cycle ? logKey(m.id, cycle) : m.id;
  const keyProgress = m.kind === 'recurring' ? (progressMap?.[key] ?? EMPTY_PROGRESS) : p;
  const [status, setStatus] = useState<Status>(
    keyProgress.status === 'unknown' ? 'planned' : keyProgress.status,
  );
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [evidenceTitle, setEvidenceTitle] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const own = isOwn(m);

  useEffect(() => heading.current?.focus(), [m.id]);

  const run = async (call: () => Promise<Snapshot>, done: string) => {
    try {
      onSnapshot(await call());
      setMessage({ kind: 'saved', text: done });
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: t('detail.saveFailed', { message: errorMessage(error) }) });
      return false;
    }
  };

  /** Checks the form and records the entry; the fields are cleared once it is saved. */
  const saveEntry = async () => {
    const url = evidenceUrl.trim();
    const titleText = evidenceTitle.trim();
    let ok = true;
    if (url && !isHttpUrl(url)) {
      setUrlError(t('detail.urlInvalid'));
      ok = false;
    } else setUrlError(null);
    const date = on.trim();
    if (!date && DATED_STATUSES.has(status)) {
      setDateError(t('log.dateRequired'));
      ok = false;
    } else if (date) {
      const problem = checkEntryDate(date, today);
      setDateError(problem ? t(`log.dateProblem.${problem}`, { today }) : null);
      if (problem) ok = false;
    } else setDateError(null);
    if (!ok) return;
    const evidence: EvidenceItem[] =
      titleText || url ? [{ title: titleText || url, url: url || null, date: null, publisher: null }] : [];
    const saved = await run(
      () => api.appendLogEntry({ key, status, on: date || null, note, evidence }),
      t('log.savedEntry'),
    );
    if (saved) {
      setOn('');
      setNote('');
      setEvidenceTitle('');
      setEvidenceUrl('');
    }
  };

  const retract = (entryId: string) => void run(() => api.retractLogEntry({ entryId }), t('log.retracted'));

  const remove = async () => {
    try {
      onSnapshot(await api.deleteOwnMilestone({ id: m.id }));
      onClose();
    } catch (error) {
      setMessage({ kind: 'error', text: t('detail.deleteFailed', { message: errorMessage(error) }) });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (confirmDelete) setConfirmDelete(false);
      else onClose();
    }
  };

  const otherLanguage = language.startsWith('nl') ? 'en' : 'nl';
  const title = m.title[language.startsWith('nl') ? 'nl' : 'en'];
  const shown: Status = p.status;
  const overdue = isOverdue(m, shown, today);
  const unrecorded = isDueUnrecorded(m, shown, today);
  const dueSoon = !overdue && isDueSoon(m, shown, today);
  const entries = entriesOf(log, key);

  return (
    <aside
      className="detail-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      data-testid="detail-panel"
    >
      <div className="detail-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('detail.close')}>
          <Icon name="close" />
        </button>
      </div>
      <p className="detail-other-title" lang={otherLanguage}>
        {m.title[otherLanguage]}
      </p>
      <p className="detail-flags">
        <span className={`status-chip status-${shown}`}>
          <span aria-hidden="true">{STATUS_ICON[shown]}</span> {t(`status.${shown}`)}
        </span>
        {overdue && (
          <span className="badge badge-overdue">
            <span aria-hidden="true">{OVERDUE_ICON}</span> {t('badge.overdue')}
          </span>
        )}
        {unrecorded && <span className="badge badge-unrecorded">{t('log.dueUnrecorded')}</span>}
        {dueSoon && (
          <span className="badge badge-soon">
            <span aria-hidden="true">{DUE_SOON_ICON}</span> {t('badge.dueSoon')}
          </span>
        )}
        {own && (
          <span className="badge badge-own">
            <span aria-hidden="true">{OWN_ICON}</span> {t('detail.own')}
          </span>
        )}
      </p>

      <dl className="detail-facts">
        <dt>{t('detail.chapter')}</dt>
        <dd>{t(`chapter.${m.chapter}`)}</dd>
        <dt>{t('detail.section')}</dt>
        <dd>{sectionName(m.section)}</dd>
        <dt>{t('detail.actor')}</dt>
        <dd>{m.actor}</dd>
        <dt>{t('detail.datePhrase')}</dt>
        <dd>
          {m.datePhrase ? (
            <q lang="nl">{m.datePhrase}</q>
          ) : (
            <span>{own ? t('detail.ownDates') : t('detail.noPhrase')}</span>
          )}
        </dd>
        <dt>{t('detail.resolved')}</dt>
        <dd>{resolvedText(m, language, t)}</dd>
      </dl>

      <OwnerBlock
        api={api}
        milestoneId={m.id}
        owner={owner === undefined ? currentOwner(log.filter((e) => e.key === m.id)) : owner}
        onSnapshot={onSnapshot}
      />

      {'quote' in m && (
        <figure className="detail-quote">
          <blockquote lang="nl">{m.quote}</blockquote>
          <figcaption>{t('detail.quoteSource', { section: m.section, line: m.line })}</figcaption>
        </figure>
      )}
      {m.note && (
        <p className="detail-note">
          <strong>{t('detail.datasetNote')}</strong> {m.note}
        </p>
      )}

      <section className="detail-editor" aria-labelledby={`${id}-ed`}>
        <h3 id={`${id}-ed`}>{t('detail.progress')}</h3>
        {m.kind === 'recurring' && cycles.length > 0 && (
          <Field label={t('log.cycle')}>
            {(control) => (
              <select
                {...control}
                value={cycle ?? ''}
                onChange={(e) => {
                  setCycle(e.target.value);
                  setMessage(null);
                }}
                data-testid="log-cycle"
              >
                {cycles.map((c) => (
                  <option key={c} value={c}>
                    {t('log.cycleOption', { date: formatLongDate(c, language) })}
                    {progressMap?.[logKey(m.id, c)]
                      ? ` — ${t(`status.${progressMap[logKey(m.id, c)]!.status}`)}`
                      : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <StateOfPlay
          entries={entries}
          language={language}
          onRetract={retract}
          onOpen={(url) => {
            api
              .openExternal({ url })
              .catch((error: unknown) => setMessage({ kind: 'error', text: errorMessage(error) }));
          }}
        />
        <PublicRecordBlock
          entries={publicEntriesOf(publicRecord, key)}
          log={log}
          language={language}
          onAdopt={(entryId) => void run(() => api.adoptPublicRecord({ entryId }), t('publicRecord.adopted'))}
        />

        <form
          className="log-form"
          // The app's one date check gives the messages (the browser's would differ per browser).
          noValidate
          aria-labelledby={`${id}-new`}
          onSubmit={(event) => {
            event.preventDefault();
            void saveEntry();
          }}
        >
          <h4 id={`${id}-new`}>{t('log.newEntry')}</h4>
          <Field label={t('detail.status')}>
            {(control) => (
              <select {...control} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={
              DATED_STATUSES.has(status)
                ? t('log.onDated', { status: t(`status.${status}`).toLocaleLowerCase(language) })
                : t('log.asOf')
            }
            hint={
              DATED_STATUSES.has(status) ? t('asOfInput.hint') : `${t('log.asOfHint')} ${t('asOfInput.hint')}`
            }
            error={dateError}
          >
            {(control) => (
              <input
                {...control}
                {...DATE_TEXT_INPUT}
                placeholder={t('asOfInput.placeholder')}
                aria-required={DATED_STATUSES.has(status)}
                value={on}
                onChange={(e) => setOn(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('detail.note')}>
            {(control) => (
              <textarea {...control} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <fieldset>
            <legend>{t('detail.evidence')}</legend>
            <Field label={t('detail.evidenceText')}>
              {(control) => (
                <input
                  {...control}
                  value={evidenceTitle}
                  onChange={(e) => setEvidenceTitle(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('detail.evidenceUrl')} error={urlError}>
              {(control) => (
                <input
                  {...control}
                  type="url"
                  inputMode="url"
                  value={evidenceUrl}
                  placeholder="https://"
                  onChange={(e) => setEvidenceUrl(e.target.value)}
                />
              )}
            </Field>
          </fieldset>
          <button type="submit" className="primary">
            {t('log.save')}
          </button>
        </form>
        <label className="check">
          <input
            type="checkbox"
            checked={p.muted}
            onChange={(e) =>
              void run(() => api.setMuted({ id: m.id, muted: e.target.checked }), t('detail.saved'))
            }
          />
          {t('detail.muted')}
        </label>
        <p
          className={message?.kind === 'error' ? 'form-message error' : 'form-message'}
          role={message?.kind === 'error' ? 'alert' : 'status'}
        >
          {message?.text}
        </p>
      </section>

      {own && (
        <section className="detail-own" aria-label={t('detail.ownActions')}>
          <button type="button" onClick={() => onEdit(m)}>
            {t('own.edit')}
          </button>
          {!confirmDelete ? (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('own.delete')}
            </button>
          ) : (
            <ConfirmDelete
              title={title}
              onConfirm={() => void remove()}
              onCancel={() => setConfirmDelete(false)}
            />
          )}
        </section>
      )}
    </aside>
  );
}

function ConfirmDelete(props: { title: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation('ui');
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby={`${id}-q`} className="confirm">
      <p id={`${id}-q`}>{t('own.confirmDelete', { title: props.title })}</p>
      <button type="button" className="danger" onClick={props.onConfirm}>
        {t('own.confirmYes')}
      </button>
      <button type="button" ref={cancel} onClick={props.onCancel}>
        {t('own.confirmNo')}
      </button>
    </div>
  );
}

/** What the date phrase resolved to, in words. */
function resolvedText(m: AnyMilestone, language: string, t: TFunction): string {
  const d = (date: IsoDate) => formatLongDate(date, language);
  switch (m.kind) {
    case 'deadline': {
      const parts = [t('detail.resolvedDue', { date: m.due ? d(m.due) : '—' })];
      if (m.window && m.window.from !== m.window.to)
        parts.push(t('detail.resolvedWindow', { from: d(m.window.from), to: d(m.window.to) }));
      if (m.start) parts.push(t('detail.resolvedStart', { date: d(m.start) }));
      return parts.join('; ');
    }
    case 'start':
      return t('detail.resolvedFrom', { date: m.start ? d(m.start) : '—' });
    case 'recurring': {
      if (!m.recurrence) return '—';
      const cycles = occurrencesUntil(m, '2030-12-31').map((o) => o.date.slice(0, 4));
      return t('detail.resolvedRecurring', {
        count: m.recurrence.everyYears,
        first: d(m.recurrence.first),
        years: cycles.join(', '),
      });
    }
    case 'undated':
      return t('detail.resolvedUndated');
  }
}

/** The log of one key as a "state of play" timeline, newest first; the current entry is marked. */
function StateOfPlay(props: {
  entries: readonly LogEntry[];
  language: string;
  onRetract(entryId: string): void;
  onOpen(url: string): void;
}) {
  const { t } = useTranslation('ui');
  const id = useId();
  const retracted = retractedIds(props.entries);
  const current = currentEntry(props.entries);
  const records = props.entries.filter((e) => e.type === 'record');
  return (
    <section className="state-of-play" aria-labelledby={`${id}-sop`}>
      <h4 id={`${id}-sop`}>{t('log.stateOfPlay')}</h4>
      {records.length === 0 ? (
        <p>{t('log.empty')}</p>
      ) : (
        <ol className="log-entries" data-testid="log-entries">
          {[...records].reverse().map((e) => {
            const withdrawn = retracted.has(e.id);
            const retraction = props.entries.find((r) => r.type === 'retraction' && r.retracts === e.id);
            return (
              <li
                key={e.id}
                className={
                  withdrawn ? 'log-entry withdrawn' : e.id === current?.id ? 'log-entry current' : 'log-entry'
                }
              >
                <p className="log-entry-head">
                  <span className={`status-chip status-${e.status}`}>
                    <span aria-hidden="true">{STATUS_ICON[e.status]}</span> {t(`status.${e.status}`)}
                  </span>{' '}
                  {DATED_STATUSES.has(e.status)
                    ? t('log.entryOn', { date: formatLongDate(e.on, props.language) })
                    : t('log.entryAsOf', { date: formatLongDate(e.on, props.language) })}
                  {e.id === current?.id && <strong className="log-current"> {t('log.current')}</strong>}
                </p>
                <p className="log-entry-meta">
                  {t('log.recordedBy', { author: e.author })},{' '}
                  <time dateTime={e.recordedAt}>{formatInstant(e.recordedAt, props.language)}</time>
                </p>
                {e.note && <p className="log-entry-note">{e.note}</p>}
                {e.evidence.length > 0 && (
                  <ul className="log-entry-evidence" aria-label={t('detail.evidence')}>
                    {e.evidence.map((item, i) => (
                      <li key={i}>
                        {item.title}
                        {item.url && (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => props.onOpen(item.url!)}
                            >
                              {t('detail.openLink')}
                            </button>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {withdrawn ? (
                  <p className="log-entry-withdrawn">
                    {t('log.withdrawnBy', { author: retraction?.author ?? '' })}
                  </p>
                ) : (
                  <button
                    type="button"
                    onClick={() => props.onRetract(e.id)}
                    aria-label={t('log.retractLabel', { status: t(`status.${e.status}`), date: e.on })}
                  >
                    {t('log.retract')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
