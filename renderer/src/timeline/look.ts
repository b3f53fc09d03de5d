import { createElement, type ReactElement } from 'react';
import type { MilestoneKind } from '../../../electron/core/date-phrase';
import type { Status } from '../../../electron/core/status';
import { Icon, type IconName } from '../app/Icon';

const icon = (name: IconName): ReactElement => createElement(Icon, { name });

/** The icon of each status, by name (for tests and the legend). */
export const STATUS_ICON_NAME: Record<Status, IconName> = {
  unknown: 'unknown',
  planned: 'planned',
  'in-progress': 'in-progress',
  achieved: 'achieved',
  partial: 'partial',
  missed: 'missed',
  dropped: 'dropped',
};

/** Every status has a symbol as well as a colour, so colour is never the only cue (SVG, never a font glyph). */
export const STATUS_ICON = Object.fromEntries(
  Object.entries(STATUS_ICON_NAME).map(([status, name]) => [status, icon(name)]),
) as Record<Status, ReactElement>;

/** The shape each kind takes on the axis, for the legend. */
export const KIND_ICON: Record<MilestoneKind, ReactElement> = {
  deadline: icon('deadline'),
  start: icon('start'),
  recurring: icon('recurring'),
  undated: icon('undated'),
};

export const OVERDUE_ICON = icon('overdue');
export const DUE_SOON_ICON = icon('due-soon');
export const OWN_ICON = icon('own');
