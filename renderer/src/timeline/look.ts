import type { MilestoneKind } from '../../../electron/core/date-phrase';
import type { Status } from '../../../electron/core/status';

/** Every status has a symbol as well as a colour, so colour is never the only cue. */
export const STATUS_ICON: Record<Status, string> = {
  unknown: '?',
  planned: '○',
  'in-progress': '◔',
  achieved: '✓',
  partial: '◑',
  missed: '✕',
  dropped: '⊘',
};

/** The shape each kind takes on the axis, for the legend. */
export const KIND_ICON: Record<MilestoneKind, string> = {
  deadline: '◆',
  start: '▶',
  recurring: '●',
  undated: '–',
};

export const OVERDUE_ICON = '⚠';
export const DUE_SOON_ICON = '⏰';
export const OWN_ICON = '★';
