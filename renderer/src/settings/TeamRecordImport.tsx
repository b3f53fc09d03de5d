/**
 * Settings: import a team's own public record (a file in the format of data/public-record.json),
 * the CLI's `import-record FILE` over the typed API. The file replaces the public layer (never the
 * user's log) after a confirmation; a bad file is refused whole and its error shown beside the button.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import { errorMessage } from '../app/errors';
import { Modal } from '../app/Modal';
import { formatLongDate } from '../format';

export interface TeamRecordImportProps {
  api: CompassApi;
  snapshot: Snapshot;
  onSnapshot(snapshot: Snapshot): void;
}

export function TeamRecordImport({ api, snapshot, onSnapshot }: TeamRecordImportProps) {
  const { t, i18n } = useTranslation('ui');
  const id = useId();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  /** A file picked, waiting for the user to confirm that it replaces the public record. */
  const [pending, setPending] = useState<{ name: string; content: string } | null>(null);
  const layer = snapshot.publicRecord ?? null;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      setMessage(null);
      setPending({ name: file.name, content: await file.text() });
    } catch (error) {
      setMessage({ kind: 'error', text: t('recordImport.failed', { message: errorMessage(error) }) });
    }
  };

  const confirm = async () => {
    const file = pending;
    setPending(null);
    if (!file) return;
    try {
      const next = await api.importPublicRecord({ content: file.content, fileName: file.name.slice(0, 200) });
      onSnapshot(next);
      const imported = next.publicRecord;
      setMessage({
        kind: 'ok',
        text: t('recordImport.imported', {
          count: imported?.entryCount ?? 0,
          date: imported ? formatLongDate(imported.asOf, i18n.language) : '',
        }),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: t('recordImport.failed', { message: errorMessage(error) }) });
    }
  };

  return (
    <section className="settings-record" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('recordImport.heading')}</h3>
      <p className="hint">
        {layer
          ? t('recordImport.current', {
              count: layer.entryCount,
              date: formatLongDate(layer.asOf, i18n.language),
            })
          : t('recordImport.none')}
      </p>
      <div className="button-row">
        <label className="file-button">
          <span>{t('recordImport.button')}</span>
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <p
        className={message?.kind === 'error' ? 'form-message lines error' : 'form-message lines'}
        role={message?.kind === 'error' ? 'alert' : 'status'}
      >
        {message?.text}
      </p>
      <p className="hint">{t('recordImport.hint')}</p>
      {pending ? (
        <Modal title={t('recordImport.confirmTitle')} onClose={() => setPending(null)}>
          <p>{t('recordImport.confirmBody', { file: pending.name })}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => setPending(null)}>
              {t('recordImport.no')}
            </button>
            <button type="button" className="danger" onClick={() => void confirm()}>
              {t('recordImport.yes')}
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
