/**
 * Importing a strategy document: open a .txt, .md, .pdf or .docx file (or paste its text), see the
 * time-bound commitments the app proposes (each with its quote, place, section, date phrase,
 * resolved dates, kind, actor and title), untick them or correct their title, kind, dates and
 * actor, and accept: the service saves them
 * as a strategy beside the Compass. Reading and extraction run in the service (previewStrategy),
 * the same importers and extractor as the CLI's import-strategy.
 */
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import type { Language } from '../../../electron/core/extract/commitments';
import { KINDS, type ResolvedDate } from '../../../electron/core/date-phrase';
import type { PreviewCandidate, StrategyPreview } from '../../../electron/core/strategy';
import { DATE_TEXT_INPUT } from '../app/date-text';
import { errorMessage } from '../app/errors';
import { Field } from '../app/Field';
import { Modal } from '../app/Modal';
import { formatDate } from '../format';
import {
  checkDates,
  datesDraftOf,
  FIELDS_OF_KIND,
  type DatesCheck,
  type DatesDraft,
  type DatesField,
} from './candidate-dates';

export interface ImportDialogProps {
  api: CompassApi;
  onSnapshot(snapshot: Snapshot): void;
  onSaved(name: string, count: number): void;
  onClose(): void;
}

/** What was read: the file (its bytes in base64) or the pasted text, to read again in another language. */
interface Source {
  fileName: string;
  content: string;
  encoding?: 'base64';
}

interface Row {
  candidate: PreviewCandidate;
  keep: boolean;
  title: string;
  /** The actor the sentence names, as the user left it; empty: the strategy itself. */
  actor: string;
  /** The kind and dates as the user left them (the proposal's at first). */
  dates: DatesDraft;
  /** Whether the row's panel for its kind and dates is open. */
  editing: boolean;
}

const ACCEPT = '.txt,.md,.markdown,.pdf,.docx';
const PASTED_NAME = 'pasted-text.txt';

async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The quote with its date phrase marked. */
function Quote({ quote, phrase }: { quote: string; phrase: string }) {
  const at = quote.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) return <>{quote}</>;
  return (
    <>
      {quote.slice(0, at)}
      <mark>{quote.slice(at, at + phrase.length)}</mark>
      {quote.slice(at + phrase.length)}
    </>
  );
}

/** One date (or the cycle's years) of a candidate being edited: typed text, checked by core's schema. */
function DateField({
  field,
  value,
  error,
  hintId,
  onChange,
}: {
  field: DatesField;
  value: string;
  error: string | undefined;
  /** The panel's one hint on how to type a date. */
  hintId: string;
  onChange(value: string): void;
}) {
  const { t } = useTranslation('ui');
  const years = field === 'everyYears';
  return (
    <Field
      className="field import-date-field"
      label={t(`import.field.${field}`)}
      hint={years ? t('import.everyYearsHint') : undefined}
      error={error ? t(error) : null}
    >
      {(control) => (
        <input
          {...control}
          aria-describedby={
            [years ? null : hintId, control['aria-describedby']].filter(Boolean).join(' ') || undefined
          }
          {...DATE_TEXT_INPUT}
          {...(years ? { maxLength: 2 } : { placeholder: t('asOfInput.placeholder') })}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function ImportDialog({ api, onSnapshot, onSaved, onClose }: ImportDialogProps) {
  const { t, i18n } = useTranslation('ui');
  const lang = i18n.language;
  const fileId = useId();
  const baseId = useId();
  const [pasted, setPasted] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<StrategyPreview | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const read = async (next: Source, language?: Language) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.previewStrategy({ ...next, ...(language ? { language } : {}) });
      setSource(next);
      setPreview(result);
      setName((current) => (preview && current.trim() ? current : result.name));
      setRows(
        result.candidates.map((candidate) => ({
          candidate,
          keep: true,
          title: candidate.title,
          actor: candidate.actor ?? '',
          dates: datesDraftOf(candidate),
          editing: false,
        })),
      );
    } catch (e) {
      setError(t('import.readFailed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // Every file goes as its bytes: the service reads it like the CLI does (encoding checks, PDF pages).
    const content = await readAsBase64(file);
    await read({ fileName: file.name, content, encoding: 'base64' });
  };

  const checks: DatesCheck[] = rows.map((r) => checkDates(r.dates));
  const kept = rows.flatMap((row, index) => (row.keep ? [{ row, check: checks[index]!, n: index + 1 }] : []));
  const emptyTitle = kept.some(({ row }) => row.title.trim() === '');
  /** The numbers of the ticked candidates whose dates core's schema refuses: they block saving. */
  const badDates = kept.flatMap(({ check, n }) => (check.ok ? [] : [n]));

  const accept = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.saveStrategy({
        name: name.trim(),
        language: preview.language,
        source: preview.source,
        candidates: kept.map(({ row: { candidate, title, actor }, check }) => {
          // The id and kept flag are the dialog's; the service gives the ids when it saves.
          const rest: Partial<PreviewCandidate> = { ...candidate };
          delete rest.id;
          delete rest.kept;
          return {
            ...(rest as Omit<PreviewCandidate, 'id' | 'kept'>),
            // Checked: saving waits until every ticked row's dates are valid.
            ...(check.ok ? check.dates : {}),
            title: title.trim(),
            actor: actor.trim() || null,
          };
        }),
      });
      onSnapshot(result.snapshot);
      onSaved(name.trim(), result.count);
    } catch (e) {
      setError(t('import.saveFailed', { message: errorMessage(e) }));
      setBusy(false);
    }
  };

  const setRow = (index: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const setDates = (index: number, patch: Partial<DatesDraft>) =>
    setRows((list) => list.map((r, i) => (i === index ? { ...r, dates: { ...r.dates, ...patch } } : r)));

  const dates = (c: ResolvedDate) => {
    const parts: string[] = [];
    if (c.due) parts.push(t('import.due', { date: formatDate(c.due, lang) }));
    if (c.start) parts.push(t('import.start', { date: formatDate(c.start, lang) }));
    if (c.window)
      parts.push(
        t('import.window', { from: formatDate(c.window.from, lang), to: formatDate(c.window.to, lang) }),
      );
    if (c.recurrence)
      parts.push(
        t('import.recurrence', {
          count: c.recurrence.everyYears,
          date: formatDate(c.recurrence.first, lang),
        }),
      );
    return parts;
  };

  return (
    <Modal title={t('import.title')} onClose={onClose} className="modal-wide import-dialog">
      <p className="hint">{t('import.intro')}</p>
      <div className="import-sources">
        <div className="field">
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept={ACCEPT}
            disabled={busy}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
        <Field label={t('import.paste')} hint={t('import.pasteHint')}>
          {(control) => (
            <textarea {...control} rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          )}
        </Field>
        <button
          type="button"
          disabled={busy || pasted.trim() === ''}
          onClick={() => void read({ fileName: PASTED_NAME, content: pasted })}
        >
          {t('import.readPasted')}
        </button>
      </div>
      {busy && <p role="status">{t('import.reading')}</p>}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {preview && source && (
        <section aria-label={t('import.candidatesLabel')}>
          <div className="import-meta">
            <Field label={t('import.name')}>
              {(control) => (
                <input
                  {...control}
                  className="import-name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={200}
                />
              )}
            </Field>
            <Field
              label={t('import.language')}
              hint={preview.detected ? t('import.detected') : t('import.chosen')}
            >
              {(control) => (
                <select
                  {...control}
                  value={preview.language}
                  disabled={busy}
                  onChange={(e) => void read(source, e.target.value as Language)}
                >
                  <option value="nl">{t('import.lang.nl')}</option>
                  <option value="en">{t('import.lang.en')}</option>
                </select>
              )}
            </Field>
            <p className="import-source">
              {t('import.source', {
                file: preview.source.name,
                date: preview.source.date ? formatDate(preview.source.date, lang) : t('import.noDate'),
              })}
              {preview.exists && <> {t('import.exists')}</>}
            </p>
          </div>
          <div className="modal-actions">
            <button type="button" onClick={() => setRows((l) => l.map((r) => ({ ...r, keep: true })))}>
              {t('import.all')}
            </button>
            <button type="button" onClick={() => setRows((l) => l.map((r) => ({ ...r, keep: false })))}>
              {t('import.none')}
            </button>
            <span className="hint" aria-live="polite">
              {t('import.count', { count: kept.length, total: rows.length })}
            </span>
          </div>
          <div className="import-table-wrap">
            <table className="import-table">
              <caption className="visually-hidden">{t('import.candidatesLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.col.keep')}</th>
                  <th scope="col">{t('import.col.title')}</th>
                  <th scope="col">{t('import.col.quote')}</th>
                  <th scope="col">{t('import.col.where')}</th>
                  <th scope="col">{t('import.col.section')}</th>
                  <th scope="col">{t('import.col.phrase')}</th>
                  <th scope="col">{t('import.col.dates')}</th>
                  <th scope="col">{t('import.col.kind')}</th>
                  <th scope="col">{t('import.col.actor')}</th>
                  <th scope="col">{t('import.col.edit')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const c = row.candidate;
                  const n = index + 1;
                  const check = checks[index]!;
                  const toggleId = `${baseId}-edit-${n}`;
                  const panelId = `${baseId}-dates-${n}`;
                  return (
                    <Fragment key={`${c.line}-${index}`}>
                      <tr className={row.keep ? '' : 'is-rejected'} data-candidate={n}>
                        <td>
                          <input
                            type="checkbox"
                            checked={row.keep}
                            aria-label={t('import.keepOne', { n, title: row.title })}
                            onChange={(e) => setRow(index, { keep: e.target.checked })}
                          />
                        </td>
                        <td>
                          <textarea
                            rows={2}
                            value={row.title}
                            maxLength={1000}
                            aria-label={t('import.titleOne', { n })}
                            aria-invalid={row.keep && row.title.trim() === '' ? true : undefined}
                            onChange={(e) => setRow(index, { title: e.target.value })}
                          />
                        </td>
                        <td className="import-quote">
                          <Quote quote={c.quote} phrase={c.datePhrase} />
                          {c.note && <p className="hint">{c.note}</p>}
                        </td>
                        <td className="nowrap">
                          {c.page !== undefined
                            ? t('import.pageLine', { page: c.page, line: c.line })
                            : t('import.line', { line: c.line })}
                        </td>
                        <td>{c.section ?? '—'}</td>
                        <td>{c.datePhrase}</td>
                        <td className="import-dates">
                          {check.ok ? (
                            dates(check.dates).map((d) => <div key={d}>{d}</div>)
                          ) : (
                            <p className="field-error">{t('import.datesInvalid')}</p>
                          )}
                        </td>
                        <td>{t(`kind.${row.dates.kind}`)}</td>
                        <td>
                          <input
                            type="text"
                            className="import-actor"
                            value={row.actor}
                            placeholder={name}
                            maxLength={1000}
                            aria-label={t('import.actorOne', { n })}
                            onChange={(e) => setRow(index, { actor: e.target.value })}
                          />
                        </td>
                        <td>
                          <button
                            type="button"
                            id={toggleId}
                            aria-expanded={row.editing}
                            {...(row.editing ? { 'aria-controls': panelId } : {})}
                            aria-label={t('import.editOne', { n })}
                            onClick={() => setRow(index, { editing: !row.editing })}
                          >
                            {t('import.edit')}
                          </button>
                        </td>
                      </tr>
                      {row.editing && (
                        <tr className="import-edit-row" data-edit-candidate={n}>
                          <td colSpan={10}>
                            <fieldset id={panelId} className="import-edit">
                              <legend>{t('import.editLegend', { n, title: row.title })}</legend>
                              {FIELDS_OF_KIND[row.dates.kind].length > 0 && (
                                <p id={`${panelId}-hint`} className="hint import-edit-hint">
                                  {t('asOfInput.hint')}
                                </p>
                              )}
                              <Field label={t('import.kind')}>
                                {(control) => (
                                  <select
                                    {...control}
                                    value={row.dates.kind}
                                    onChange={(e) =>
                                      setDates(index, { kind: e.target.value as DatesDraft['kind'] })
                                    }
                                  >
                                    {KINDS.map((k) => (
                                      <option key={k} value={k}>
                                        {t(`kind.${k}`)}
                                      </option>
                                    ))}
                                  </select>
                                )}
                              </Field>
                              {FIELDS_OF_KIND[row.dates.kind].map((field) => (
                                <DateField
                                  key={field}
                                  field={field}
                                  value={row.dates[field]}
                                  error={check.ok ? undefined : check.errors[field]}
                                  hintId={`${panelId}-hint`}
                                  onChange={(value) => setDates(index, { [field]: value })}
                                />
                              ))}
                              {row.dates.kind === 'undated' && (
                                <p className="hint">{t('import.undatedHint')}</p>
                              )}
                              <button
                                type="button"
                                onClick={() => {
                                  setRow(index, { editing: false });
                                  document.getElementById(toggleId)?.focus();
                                }}
                              >
                                {t('import.editDone')}
                              </button>
                            </fieldset>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          {emptyTitle && <p className="field-error">{t('import.emptyTitle')}</p>}
          {badDates.length > 0 && (
            <p className="field-error">
              {t('import.badDates', { count: badDates.length, list: badDates.join(', ') })}
            </p>
          )}
        </section>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="primary"
          disabled={
            busy || !preview || kept.length === 0 || emptyTitle || badDates.length > 0 || name.trim() === ''
          }
          onClick={() => void accept()}
        >
          {t('import.accept', { count: kept.length })}
        </button>
        <button type="button" onClick={onClose}>
          {t('import.cancel')}
        </button>
      </div>
    </Modal>
  );
}
