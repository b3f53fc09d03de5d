/**
 * The store's messages to the user, in Dutch and English, from the `store` namespace of
 * electron/contract/locales (i18next, like every other user-visible string).
 */
import type { Locale } from '../core/user-state';
import { translator } from './i18n';

export type StoreProblem =
  { kind: 'json'; detail: string } | { kind: 'shape' } | { kind: 'schema'; detail: string };

export interface RecoveryFacts {
  backupPath: string;
  problem: StoreProblem;
  progress: number;
  own: number;
  lost: number;
}

/** "Your saved data could not be read (…). … the damaged file is kept at <backup> …" */
export function storeText(locale: Locale, facts: RecoveryFacts): string {
  const t = translator(locale, 'store');
  const reason =
    facts.problem.kind === 'json'
      ? t('unreadable')
      : facts.problem.kind === 'shape'
        ? t('notAnObject')
        : t('invalid', { detail: facts.problem.detail });
  return t('recovered', {
    reason,
    backup: facts.backupPath,
    progress: facts.progress,
    own: facts.own,
    lost: facts.lost,
  });
}
