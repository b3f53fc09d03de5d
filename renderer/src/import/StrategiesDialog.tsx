/**
 * The strategies beside the Compass: show or hide each in the timeline, remove an imported one
 * (after asking; its file is kept and the progress log is untouched), and import a new document.
 * The Compass itself can be hidden but never removed.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { errorMessage } from '../app/errors';
import { Modal } from '../app/Modal';
import { formatLongDate } from '../format';

// The import dialog (with the milestone schema it checks dates against) is a chunk of its own, so
// the timeline's first chunk loads no zod; it is fetched when this dialog opens.
const loadImportDialog = () => import('./ImportDialog');
const LazyImportDialog = lazy(() => loadImportDialog().then((module) => ({ default: module.ImportDialog })));

export interface StrategiesDialogProps {
  api: CompassApi;
  snapshot: Snapshot;
  /** Slugs hidden from the timeline ("compass" for the Compass). */
  hidden: readonly string[];
  onHiddenChange(hidden: string[]): void;
  onSnapshot(snapshot: Snapshot): void;
  onClose(): void;
}

export function StrategiesDialog(props: StrategiesDialogProps) {
  const { api, snapshot, hidden, onHiddenChange, onSnapshot, onClose } = props;
  const { t, i18n } = useTranslation('ui');
  const [importing, setImporting] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const strategies = snapshot.strategies ?? [];
  const compassCount = snapshot.milestones.length - strategies.reduce((n, s) => n + s.milestoneIds.length, 0);
  useEffect(() => void loadImportDialog(), []);

  if (importing)
    return (
      <ErrorBoundary fallback={(message) => <p role="alert">{t('app.viewFailed', { message })}</p>}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <LazyImportDialog
            api={api}
            onSnapshot={onSnapshot}
            onClose={() => setImporting(false)}
            onSaved={(name, count) => {
              setImporting(false);
              setMessage({ kind: 'ok', text: t('strategies.saved', { name, count }) });
            }}
          />
        </Suspense>
      </ErrorBoundary>
    );

  const toggle = (slug: string, show: boolean) =>
    onHiddenChange(show ? hidden.filter((s) => s !== slug) : [...hidden, slug]);

  const remove = async (slug: string, name: string) => {
    try {
      onSnapshot(await api.removeStrategy({ slug }));
      onHiddenChange(hidden.filter((s) => s !== slug));
      setMessage({ kind: 'ok', text: t('strategies.removed', { name }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('strategies.failed', { message: errorMessage(error) }) });
    } finally {
      setConfirming(null);
    }
  };

  const rows = [
    { slug: 'compass', name: t('strategies.compass'), count: compassCount, source: null, removable: false },
    ...strategies.map((s) => ({
      slug: s.slug,
      name: s.name,
      count: s.milestoneIds.length,
      source: s.source,
      removable: true,
    })),
  ];

  return (
    <Modal title={t('strategies.title')} onClose={onClose} className="modal-wide strategies-dialog">
      <p className="hint">{t('strategies.intro')}</p>
      <table className="strategies-table">
        <caption className="visually-hidden">{t('strategies.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('strategies.name')}</th>
            <th scope="col">{t('strategies.source')}</th>
            <th scope="col">{t('strategies.count')}</th>
            <th scope="col">{t('strategies.show')}</th>
            <th scope="col">{t('strategies.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} data-strategy={row.slug}>
              <th scope="row">{row.name}</th>
              <td>
                {row.source
                  ? [row.source.name, row.source.date ? formatLongDate(row.source.date, i18n.language) : null]
                      .filter(Boolean)
                      .join(', ')
                  : t('strategies.bundled')}
              </td>
              <td>{row.count}</td>
              <td>
                <input
                  type="checkbox"
                  checked={!hidden.includes(row.slug)}
                  aria-label={t('strategies.showOne', { name: row.name })}
                  onChange={(e) => toggle(row.slug, e.target.checked)}
                />
              </td>
              <td>
                {row.removable ? (
                  confirming === row.slug ? (
                    <div
                      className="confirm"
                      role="group"
                      aria-label={t('strategies.confirmTitle', { name: row.name })}
                    >
                      <p>{t('strategies.confirm', { name: row.name })}</p>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => void remove(row.slug, row.name)}
                      >
                        {t('strategies.confirmYes')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('strategies.confirmNo')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      aria-label={t('strategies.removeOne', { name: row.name })}
                      onClick={() => setConfirming(row.slug)}
                    >
                      {t('strategies.remove')}
                    </button>
                  )
                ) : (
                  <span className="hint">{t('strategies.notRemovable')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'field-error' : 'ok'}
        >
          {message.text}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => setImporting(true)}>
          {t('strategies.import')}
        </button>
        <button type="button" onClick={onClose}>
          {t('strategies.close')}
        </button>
      </div>
    </Modal>
  );
}
