import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiEventPayloads, CompassApi, Snapshot } from '../../../electron/contract/api';
import { SNOOZE_OPTIONS } from '../../../electron/core/reminders';
import { errorMessage } from './errors';
import { Icon } from './Icon';

export type Toast = ApiEventPayloads['toast'] & { id: string };

export interface ToastsProps {
  toasts: Toast[];
  api: CompassApi;
  onOpen(milestoneId: string): void;
  onDismiss(id: string): void;
  onSnapshot(snapshot: Snapshot): void;
}

/**
 * In-app reminders (the web host sends them as `toast` events). They stay until closed, so there is
 * no time limit to read or act on them; the region is polite so screen readers announce new ones.
 */
export function Toasts({ toasts, api, onOpen, onDismiss, onSnapshot }: ToastsProps) {
  const { t } = useTranslation('ui');
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  return (
    <section className="toasts" aria-label={t('toast.label')}>
      <div role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div className="toast" key={toast.id}>
            <p className="toast-title">{toast.title}</p>
            <p className="toast-body">{toast.body}</p>
            {failure?.id === toast.id && (
              <p className="field-error" role="alert">
                {t('toast.snoozeFailed', { message: failure.message })}
              </p>
            )}
            <div className="button-row">
              {toast.milestoneId && (
                <button
                  type="button"
                  onClick={() => {
                    onOpen(toast.milestoneId!);
                    onDismiss(toast.id);
                  }}
                >
                  {t('toast.open')}
                </button>
              )}
              {toast.reminderKey &&
                SNOOZE_OPTIONS.map((option) => (
                  <button
                    key={option}
                    type="button"
                    onClick={() =>
                      api.snooze({ key: toast.reminderKey!, option }).then(
                        (s) => {
                          onSnapshot(s);
                          onDismiss(toast.id);
                        },
                        (error: unknown) => setFailure({ id: toast.id, message: errorMessage(error) }),
                      )
                    }
                  >
                    {t(`toast.snooze.${option}`)}
                  </button>
                ))}
              <button
                type="button"
                onClick={() => onDismiss(toast.id)}
                aria-label={t('toast.close', { title: toast.title })}
              >
                <Icon name="close" />
              </button>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
