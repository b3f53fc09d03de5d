/**
 * The public record beside the user's state of play: what the EU has publicly reported for one log
 * key, with its sources, and an Adopt button that copies it into the user's own log. It is a layer:
 * nothing here counts as the user's until adopted.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicRecordLayer } from '../../../electron/contract/api';
import { alreadyStated, type LogEntry, type RecordEntry } from '../../../electron/core/progress-log';
import { DATED_STATUSES } from '../../../electron/core/status';
import { formatLongDate } from '../format';
import { STATUS_ICON } from '../timeline/look';

/** The public record's entries for one key, newest first. */
export const publicEntriesOf = (layer: PublicRecordLayer | undefined, key: string): RecordEntry[] =>
  (layer?.entries ?? []).filter((e) => e.key === key).reverse();

export function PublicRecordBlock(props: {
  entries: readonly RecordEntry[];
  /** The user's log (to tell whether an entry is already stated there). */
  log: readonly LogEntry[];
  language: string;
  onAdopt(entryId: string): void;
}) {
  const { t } = useTranslation('ui');
  const id = useId();
  if (props.entries.length === 0) return null;
  return (
    <section className="public-record" aria-labelledby={`${id}-pr`} data-testid="public-record">
      <h4 id={`${id}-pr`}>{t('publicRecord.heading')}</h4>
      <p className="field-hint">{t('publicRecord.intro')}</p>
      <ol className="log-entries">
        {props.entries.map((e) => {
          const date = formatLongDate(e.on, props.language);
          const stated = alreadyStated(props.log, e);
          return (
            <li key={e.id} className="log-entry public-record-entry">
              <p className="log-entry-head">
                <span className={`status-chip status-${e.status}`}>
                  <span aria-hidden="true">{STATUS_ICON[e.status]}</span> {t(`status.${e.status}`)}
                </span>{' '}
                {DATED_STATUSES.has(e.status) ? t('log.entryOn', { date }) : t('log.entryAsOf', { date })}
              </p>
              {e.note && (
                <p className="log-entry-note" lang="en">
                  {e.note}
                </p>
              )}
              <ul className="log-entry-evidence" aria-label={t('publicRecord.sources')}>
                {e.evidence.map((s, i) => (
                  <li key={i}>
                    {s.url ? (
                      <a href={s.url} target="_blank" rel="noopener noreferrer">
                        {s.title}
                      </a>
                    ) : (
                      s.title
                    )}
                    {[s.publisher, s.reference, s.date ? formatLongDate(s.date, props.language) : null]
                      .filter(Boolean)
                      .map((part) => ` · ${part}`)
                      .join('')}
                    {s.secondary && (
                      <em className="public-record-secondary"> ({t('publicRecord.secondary')})</em>
                    )}
                  </li>
                ))}
              </ul>
              {stated ? (
                <p className="public-record-stated">{t('publicRecord.stated')}</p>
              ) : (
                <button
                  type="button"
                  onClick={() => props.onAdopt(e.id)}
                  aria-label={t('publicRecord.adoptLabel', { status: t(`status.${e.status}`), date })}
                >
                  {t('publicRecord.adopt')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
