import { DELIVERED_VERDICTS, type Verdict } from '../../../electron/core/review';

/** Every verdict has a symbol as well as a colour, so colour is never the only cue. */
export const VERDICT_ICON: Record<Verdict, string> = {
  'on-time': '✓',
  late: '⏱',
  achieved: '✓',
  partial: '◑',
  missed: '✕',
  dropped: '⊘',
  overdue: '⚠',
  unknown: '?',
};

/** Whether a recurring cycle was held, as the key of its words in the review namespace. */
export function heldOf(verdict: Verdict): 'held' | 'heldPartly' | 'notHeld' | 'heldUnknown' {
  if (DELIVERED_VERDICTS.has(verdict)) return 'held';
  if (verdict === 'partial') return 'heldPartly';
  if (verdict === 'unknown') return 'heldUnknown';
  return 'notHeld';
}
