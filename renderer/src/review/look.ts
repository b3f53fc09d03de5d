import { createElement, type ReactElement } from 'react';
import { DELIVERED_VERDICTS, type Verdict } from '../../../electron/core/review';
import { Icon, type IconName } from '../app/Icon';

const VERDICT_ICON_NAME: Record<Verdict, IconName> = {
  'on-time': 'achieved',
  late: 'late',
  achieved: 'achieved',
  partial: 'partial',
  missed: 'missed',
  dropped: 'dropped',
  overdue: 'overdue',
  unknown: 'unknown',
};

/** Every verdict has a symbol as well as a colour, so colour is never the only cue (SVG, never a font glyph). */
export const VERDICT_ICON = Object.fromEntries(
  Object.entries(VERDICT_ICON_NAME).map(([verdict, name]) => [verdict, createElement(Icon, { name })]),
) as Record<Verdict, ReactElement>;

/** Whether a recurring cycle was held, as the key of its words in the review namespace. */
export function heldOf(verdict: Verdict): 'held' | 'heldPartly' | 'notHeld' | 'heldUnknown' {
  if (DELIVERED_VERDICTS.has(verdict)) return 'held';
  if (verdict === 'partial') return 'heldPartly';
  if (verdict === 'unknown') return 'heldUnknown';
  return 'notHeld';
}
