/**
 * The review's one date input: a plain text field that takes a date exactly as its hint says,
 * YYYY-MM-DD in both languages (a browser's date field would show mm/dd/yyyy instead), checked with
 * core's one date check and committed on Enter or with the Show button.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateSchema } from '../../../electron/core/milestone-schema';
import { DATE_TEXT_INPUT } from '../app/date-text';

export interface AsOfInputProps {
  /** The date shown now (YYYY-MM-DD). */
  value: string;
  /** Called with a valid YYYY-MM-DD date when the user commits one. */
  onCommit(date: string): void;
}

export function AsOfInput({ value, onCommit }: AsOfInputProps) {
  const { t } = useTranslation('ui');
  const id = useId();
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const text = (typed ?? value).trim();
    if (isoDateSchema.safeParse(text).success) {
      setTyped(null);
      setError(null);
      onCommit(text);
    } else {
      setError(t('asOfInput.invalid', { value: text }));
    }
  };
  return (
    <div className="review-custom-date">
      <label htmlFor={`${id}-input`}>{t('asOfInput.label')}</label>
      <input
        id={`${id}-input`}
        {...DATE_TEXT_INPUT}
        placeholder={t('asOfInput.placeholder')}
        value={typed ?? value}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setTyped(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <button type="button" onClick={commit}>
        {t('asOfInput.show')}
      </button>
      <p
        id={`${id}-hint`}
        className={error ? 'review-error' : 'review-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? t('asOfInput.hint')}
      </p>
    </div>
  );
}
