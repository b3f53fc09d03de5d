/**
 * Who owns the milestone: the current owner (a person and/or a unit, derived in main from the log's
 * owner entries), who assigned it and when, and a small form that assigns a new owner or clears it.
 * Nothing is saved until Save or Clear is pressed; each is a new owner entry in the log.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import type { Owner } from '../../../electron/core/ownership';
import { errorMessage } from '../app/errors';
import { Field } from '../app/Field';
import { formatInstant } from '../format';

export interface OwnerBlockProps {
  api: CompassApi;
  milestoneId: string;
  /** The current owner, as the latest snapshot has it (it arrives with a change's reply). */
  owner: Owner | null;
  onSnapshot(snapshot: Snapshot): void;
}

export function OwnerBlock({ api, milestoneId, owner, onSnapshot }: OwnerBlockProps) {
  const { t, i18n } = useTranslation('ui');
  const id = useId();
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const save = async (next: { person: string; unit: string }, done: string) => {
    try {
      onSnapshot(await api.setOwner({ key: milestoneId, person: next.person, unit: next.unit }));
      setMessage({ kind: 'saved', text: done });
    } catch (error) {
      setMessage({ kind: 'error', text: t('detail.saveFailed', { message: errorMessage(error) }) });
    }
  };

  return (
    <section className="detail-owner" aria-labelledby={`${id}-h`} data-testid="owner-block">
      <h3 id={`${id}-h`}>{t('owner.heading')}</h3>
      <p data-testid="owner-current">
        {owner
          ? t('owner.current', {
              owner:
                owner.person && owner.unit ? `${owner.person} (${owner.unit})` : (owner.person ?? owner.unit),
              by: owner.assignedBy,
              at: formatInstant(owner.assignedAt, i18n.language),
            })
          : t('owner.none')}
      </p>
      {/* Keyed by the current owner: another milestone, or an owner from a colleague, refills it. */}
      <OwnerForm
        key={`${milestoneId}|${owner?.entryId ?? ''}`}
        initial={{ person: owner?.person ?? '', unit: owner?.unit ?? '' }}
        canClear={owner !== null}
        onSave={(next) => void save(next, t('owner.saved'))}
        onClear={() => void save({ person: '', unit: '' }, t('owner.cleared'))}
      />
      <p
        className={message?.kind === 'error' ? 'form-message error' : 'form-message'}
        role={message?.kind === 'error' ? 'alert' : 'status'}
        data-testid="owner-message"
      >
        {message?.text}
      </p>
    </section>
  );
}

interface OwnerFormProps {
  initial: { person: string; unit: string };
  canClear: boolean;
  onSave(next: { person: string; unit: string }): void;
  onClear(): void;
}

function OwnerForm({ initial, canClear, onSave, onClear }: OwnerFormProps) {
  const { t } = useTranslation('ui');
  const [person, setPerson] = useState(initial.person);
  const [unit, setUnit] = useState(initial.unit);
  return (
    <form
      className="owner-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ person, unit });
      }}
    >
      <Field label={t('owner.person')}>
        {(control) => (
          <input
            {...control}
            value={person}
            maxLength={200}
            autoComplete="off"
            data-testid="owner-person"
            onChange={(e) => setPerson(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('owner.unit')}>
        {(control) => (
          <input
            {...control}
            value={unit}
            maxLength={200}
            autoComplete="off"
            data-testid="owner-unit"
            onChange={(e) => setUnit(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="owner-save">
          {t('owner.save')}
        </button>
        <button type="button" disabled={!canClear} data-testid="owner-clear" onClick={onClear}>
          {t('owner.clear')}
        </button>
      </div>
    </form>
  );
}
