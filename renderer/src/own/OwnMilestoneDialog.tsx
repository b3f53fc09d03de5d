import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassApi, Snapshot } from '../../../electron/contract/api';
import type { OwnMilestone } from '../../../electron/core/milestone';
import { KINDS } from '../../../electron/core/date-phrase';
import { CHAPTERS } from '../../../electron/core/chapters';
import type { TimelineMilestone } from '../../../electron/core/timeline-milestone';
import { errorMessage } from '../app/errors';
import { Modal } from '../app/Modal';
import { draftOf, draftToMilestone, EMPTY_DRAFT, newOwnId, validateDraft, type OwnDraft } from './draft';

export interface OwnMilestoneDialogProps {
  api: CompassApi;
  /** The milestone to edit, or null to add one. */
  editing: OwnMilestone | null;
  milestones: readonly TimelineMilestone[];
  onSnapshot(snapshot: Snapshot): void;
  onSaved(id: string): void;
  onClose(): void;
}

/** Add or edit one of the user's own milestones. */
export function OwnMilestoneDialog({
  api,
  editing,
  milestones,
  onSnapshot,
  onSaved,
  onClose,
}: OwnMilestoneDialogProps) {
  const { t } = useTranslation('ui');
  const id = useId();
  const [draft, setDraft] = useState<OwnDraft>(() => (editing ? draftOf(editing) : EMPTY_DRAFT));
  const [errors, setErrors] = useState<Partial<Record<keyof OwnDraft, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const sections = useMemo(
    () => [...new Set(milestones.filter((m) => m.chapter === draft.chapter).map((m) => m.section))],
    [milestones, draft.chapter],
  );
  const actors = useMemo(() => [...new Set(milestones.map((m) => m.actor))].sort(), [milestones]);

  const set = <K extends keyof OwnDraft>(key: K, value: OwnDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length) {
      const firstBad = Object.keys(found)[0];
      form.current?.querySelector<HTMLElement>(`[name="${firstBad}"]`)?.focus();
      return;
    }
    const milestone = draftToMilestone(
      draft,
      editing?.id ?? newOwnId(draft.titleEn || draft.titleNl, Date.now().toString(36)),
    );
    setBusy(true);
    try {
      onSnapshot(await api.saveOwnMilestone(milestone));
      onSaved(milestone.id);
    } catch (error) {
      setFailure(t('own.saveFailed', { message: errorMessage(error) }));
      setBusy(false);
    }
  };

  const field = (name: keyof OwnDraft, label: string, control: (props: FieldProps) => ReactNode) => {
    const error = errors[name];
    const errorId = `${id}-${name}-error`;
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control({
          id: `${id}-${name}`,
          name,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? errorId : undefined,
        })}
        {error && (
          <p id={errorId} className="field-error">
            {t(error)}
          </p>
        )}
      </div>
    );
  };
  const text = (name: keyof OwnDraft, label: string, extra: object = {}) =>
    field(name, label, (props) => (
      <input {...props} {...extra} value={draft[name]} onChange={(e) => set(name, e.target.value)} />
    ));

  return (
    <Modal title={editing ? t('own.editTitle') : t('own.addTitle')} onClose={onClose}>
      <form ref={form} className="own-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t('own.intro')}</p>
        {text('titleNl', t('own.titleNl'), { lang: 'nl', required: true })}
        {text('titleEn', t('own.titleEn'), { lang: 'en', required: true })}
        {field('chapter', t('own.chapter'), (props) => (
          <select
            {...props}
            value={draft.chapter}
            onChange={(e) => set('chapter', e.target.value as OwnDraft['chapter'])}
          >
            {CHAPTERS.map((c) => (
              <option key={c} value={c}>
                {t(`chapter.${c}`)}
              </option>
            ))}
          </select>
        ))}
        {text('section', t('own.section'), { list: `${id}-sections`, required: true })}
        <datalist id={`${id}-sections`}>
          {sections.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {field('kind', t('own.kind'), (props) => (
          <select
            {...props}
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as OwnDraft['kind'])}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        ))}
        {draft.kind === 'deadline' && (
          <>
            {text('due', t('own.due'), { type: 'date', required: true })}
            {text('start', t('own.startOptional'), { type: 'date' })}
          </>
        )}
        {draft.kind === 'start' && text('start', t('own.start'), { type: 'date', required: true })}
        {draft.kind === 'recurring' && (
          <>
            {text('everyYears', t('own.everyYears'), { type: 'number', min: 1, max: 10, required: true })}
            {text('first', t('own.first'), { type: 'date', required: true })}
          </>
        )}
        {text('actor', t('own.actor'), { list: `${id}-actors`, required: true })}
        <datalist id={`${id}-actors`}>
          {actors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {field('note', t('own.note'), (props) => (
          <textarea {...props} rows={2} value={draft.note} onChange={(e) => set('note', e.target.value)} />
        ))}
        {failure && (
          <p className="form-message error" role="alert">
            {failure}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('own.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('own.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

interface FieldProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
