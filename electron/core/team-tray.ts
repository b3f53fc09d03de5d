/**
 * The team sync's state in the tray tooltip: "…, team: 2 changes waiting", "…, team sync failed",
 * "…, team synced 14:05". A pure function beside the tray model (electron/core/tray-model.ts),
 * applied to its tooltip by the shell; nothing is added when there is no team connection.
 */
import { format, isSameDay } from 'date-fns';
import { dateLocale, type Translate } from './shell-locale';
import type { Locale } from './user-state';

/** What the tooltip needs of the team status (the contract's TeamStatus fits). */
export interface TeamTrayState {
  connection: unknown;
  pending: number;
  lastSync: { at: string } | null;
  lastError: unknown;
}

/** Windows cuts tray tooltips at 127 characters (as tray-model.ts). */
const MAX_TOOLTIP = 127;

/** The tooltip's team part, or null without a connection. */
export function teamTrayText(
  team: TeamTrayState | null,
  t: Translate,
  locale: Locale,
  now: Date,
): string | null {
  if (!team?.connection) return null;
  if (team.lastError) return t('teamTray.failed');
  if (team.pending > 0) return t('teamTray.pending', { count: team.pending });
  if (!team.lastSync) return t('teamTray.notYet');
  const at = new Date(team.lastSync.at);
  const time = format(at, isSameDay(at, now) ? 'HH:mm' : 'd MMM HH:mm', { locale: dateLocale(locale) });
  return t('teamTray.synced', { time });
}

/** The tray model's tooltip with the team part appended (the team part is kept whole when it fits). */
export function withTeamTooltip(
  tooltip: string,
  team: TeamTrayState | null,
  t: Translate,
  locale: Locale,
  now: Date,
): string {
  const part = teamTrayText(team, t, locale, now);
  if (!part) return tooltip;
  const suffix = ` · ${part}`;
  if (tooltip.length + suffix.length <= MAX_TOOLTIP) return `${tooltip}${suffix}`;
  return `${tooltip.slice(0, Math.max(0, MAX_TOOLTIP - suffix.length - 1))}…${suffix}`;
}
