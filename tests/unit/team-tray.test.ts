/**
 * The team sync's state in the tray tooltip (electron/core/team-tray.ts), in both languages, with
 * the real shell translations: nothing without a connection; a failure first, then what is waiting,
 * then when it last synced; never beyond Windows' 127 characters, the team part kept whole.
 */
import { describe, expect, it } from 'vitest';
import { teamTrayText, withTeamTooltip, type TeamTrayState } from '../../electron/core/team-tray';
import { translator } from '../../electron/node/i18n';

const now = new Date(2025, 5, 2, 15, 0);
const connected = (over: Partial<TeamTrayState> = {}): TeamTrayState => ({
  connection: { serverUrl: 'https://dav.example.org/' },
  pending: 0,
  lastSync: { at: new Date(2025, 5, 2, 14, 5).toISOString() },
  lastError: null,
  ...over,
});

describe('the team part of the tray tooltip', () => {
  const en = translator('en');
  const nl = translator('nl');

  it('says nothing without a team connection', () => {
    expect(teamTrayText(null, en, 'en', now)).toBeNull();
    expect(
      withTeamTooltip('Compass Timeline: 2 deadlines', { ...connected(), connection: null }, en, 'en', now),
    ).toBe('Compass Timeline: 2 deadlines');
  });

  it('puts a failure before what is waiting, and that before the last sync', () => {
    expect(teamTrayText(connected(), en, 'en', now)).toBe('team synced 14:05');
    expect(teamTrayText(connected(), nl, 'nl', now)).toBe('team gesynchroniseerd 14:05');
    expect(
      teamTrayText(connected({ lastSync: { at: new Date(2025, 4, 30, 9, 0).toISOString() } }), en, 'en', now),
    ).toBe('team synced 30 May 09:00');
    expect(teamTrayText(connected({ pending: 1 }), en, 'en', now)).toBe('team: 1 change waiting');
    expect(teamTrayText(connected({ pending: 3 }), nl, 'nl', now)).toBe('team: 3 wijzigingen wachten');
    expect(teamTrayText(connected({ pending: 3, lastError: { problem: 'network' } }), en, 'en', now)).toBe(
      'team sync failed (see Settings)',
    );
    expect(teamTrayText(connected({ lastSync: null }), nl, 'nl', now)).toBe(
      'team: nog niet gesynchroniseerd',
    );
  });

  it('appends it to the tooltip, within 127 characters, keeping the team part whole', () => {
    expect(withTeamTooltip('Compass Timeline: 2 deadlines', connected({ pending: 2 }), en, 'en', now)).toBe(
      'Compass Timeline: 2 deadlines · team: 2 changes waiting',
    );
    const long = `Compass Timeline: ${'x'.repeat(120)}`;
    const cut = withTeamTooltip(long, connected({ lastError: {} }), nl, 'nl', now);
    expect(cut.length).toBeLessThanOrEqual(127);
    expect(cut.endsWith('… · teamsynchronisatie mislukt (zie Instellingen)')).toBe(true);
  });
});
