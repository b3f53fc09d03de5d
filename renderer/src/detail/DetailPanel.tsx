/**
 * The detail panel: everything about one milestone, and its status editor. Every change is
 * saved through the API at once (selects and checkboxes on change, text when leaving the field).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CompassApi, ProgressPatch, Snapshot } from '../../../electron/contract/api';
import type { IsoDate } from '../../../electron/core/date-phrase';
import { isOwn, type AnyMilestone } from '../../../electron/core/milestone';
import { cycleDates } from '../../../electron/core/occurrences';
import { STATUSES, type Status } from '../../../electron/core/status';
import { EMPTY_PROGRESS, type Progress } from '../../../electron/core/user-state';
import { formatInstant, formatLongDate } from '../format';
import { isDueSoon, isOverdue } from '../timeline/facts';
import { DUE_SOON_ICON, OVERDUE_ICON, OWN_ICON, STATUS_ICON } from '../timeline/look';
import { errorMessage } from '../app/errors';
import { Field } from '../app/Field';
import { Icon } from '../app/Icon';
import { useSectionName } from '../app/sections';

export interface DetailPanelProps {
  api: CompassApi;
  milestone: AnyMilestone;
  progress: Progress | undefined;
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

const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));

export function DetailPanel({
  api,
  milestone: m,
  progress,
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
  const [evidenceText, setEvidenceText] = useState(p.evidence?.text ?? '');
  const [evidenceUrl, setEvidenceUrl] = useState(p.evidence?.url ?? '');
  const [note, setNote] = useState(p.note);
  const [achievedOn, setAchievedOn] = useState(p.achievedOn ?? '');
  // The store fills in "achieved on" when the status becomes achieved: follow it.
  const [storedAchievedOn, setStoredAchievedOn] = useState(p.achievedOn);
  if (storedAchievedOn !== p.achievedOn) {
    setStoredAchievedOn(p.achievedOn);
    setAchievedOn(p.achievedOn ?? '');
  }
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const own = isOwn(m);

  useEffect(() => heading.current?.focus(), [m.id]);

  const save = async (patch: ProgressPatch) => {
    try {
      onSnapshot(await api.updateProgress({ id: m.id, patch }));
      setMessage({ kind: 'saved', text: t('detail.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('detail.saveFailed', { message: errorMessage(error) }) });
    }
  };

  const saveEvidence = () => {
    const url = evidenceUrl.trim();
    if (url && !isHttpUrl(url)) {
      setUrlError(t('detail.urlInvalid'));
      return;
    }
    setUrlError(null);
    const text = evidenceText.trim();
    const next = text || url ? { text, url: url || null } : null;
    const current = p.evidence;
    if ((next?.text ?? null) === (current?.text ?? null) && (next?.url ?? null) === (current?.url ?? null))
      return;
    void save({ evidence: next });
  };

  const saveAchievedOn = (value: string) => {
    setAchievedOn(value);
    if (value === '') {
      setDateError(null);
      if (p.achievedOn !== null) void save({ achievedOn: null });
    } else if (isIsoDate(value)) {
      setDateError(null);
      if (value !== p.achievedOn) void save({ achievedOn: value });
    } else setDateError(t('detail.dateInvalid'));
  };

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
  const status: Status = p.status;
  const overdue = isOverdue(m, status, today);
  const dueSoon = !overdue && isDueSoon(m, status, today);

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
        <span className={`status-chip status-${status}`}>
          <span aria-hidden="true">{STATUS_ICON[status]}</span> {t(`status.${status}`)}
        </span>
        {overdue && (
          <span className="badge badge-overdue">
            <span aria-hidden="true">{OVERDUE_ICON}</span> {t('badge.overdue')}
          </span>
        )}
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

      <form
        className="detail-editor"
        onSubmit={(event) => event.preventDefault()}
        aria-labelledby={`${id}-ed`}
      >
        <h3 id={`${id}-ed`}>{t('detail.progress')}</h3>
        <Field label={t('detail.status')}>
          {(control) => (
            <select
              {...control}
              value={status}
              onChange={(e) => void save({ status: e.target.value as Status })}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('detail.achievedOn')} error={dateError}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={achievedOn}
              onChange={(e) => saveAchievedOn(e.target.value)}
            />
          )}
        </Field>
        <fieldset>
          <legend>{t('detail.evidence')}</legend>
          <Field label={t('detail.evidenceText')}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={evidenceText}
                onChange={(e) => setEvidenceText(e.target.value)}
                onBlur={saveEvidence}
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
                onBlur={saveEvidence}
                onKeyDown={(e) => e.key === 'Enter' && saveEvidence()}
              />
            )}
          </Field>
          {p.evidence?.url && (
            <button
              type="button"
              onClick={() => {
                api.openExternal({ url: p.evidence!.url! }).catch((error: unknown) => {
                  setMessage({ kind: 'error', text: errorMessage(error) });
                });
              }}
            >
              {t('detail.openLink')}
            </button>
          )}
        </fieldset>
        <Field label={t('detail.note')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => note !== p.note && void save({ note })}
            />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={p.muted} onChange={(e) => void save({ muted: e.target.checked })} />
          {t('detail.muted')}
        </label>
        <p
          className={message?.kind === 'error' ? 'form-message error' : 'form-message'}
          role={message?.kind === 'error' ? 'alert' : 'status'}
        >
          {message?.text}
        </p>
      </form>

      <section className="detail-history" aria-labelledby={`${id}-hist`}>
        <h3 id={`${id}-hist`}>{t('detail.history')}</h3>
        {p.history.length === 0 ? (
          <p>{t('detail.noHistory')}</p>
        ) : (
          <ol>
            {[...p.history].reverse().map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                <time dateTime={entry.at}>{formatInstant(entry.at, language)}</time>:{' '}
                {t('detail.historyEntry', { from: t(`status.${entry.from}`), to: t(`status.${entry.to}`) })}
              </li>
            ))}
          </ol>
        )}
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
      const cycles = cycleDates(m, '2030-12-31').map((date) => date.slice(0, 4));
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
