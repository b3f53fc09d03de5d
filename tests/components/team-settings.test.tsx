/**
 * Settings → Team (renderer/src/settings/TeamSettings.tsx) in jsdom, in Dutch, against the fake
 * API: missing fields are named on the field, a refusal is worded from its reason (not the
 * engine's English) in an alert, and the connected state speaks through a live region as the
 * `teamStatus` event moves it. The real connection is tested in tests/e2e/team-settings.
 */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, type TeamStatus } from '../../electron/contract/api';
import nlUi from '../../electron/contract/locales/nl/ui.json';
import { i18n } from '../../renderer/src/i18n';
import { TeamSettings } from '../../renderer/src/settings/TeamSettings';
import { createFakeCompassApi } from './fake-compass-api';

const connected: TeamStatus = {
  connection: {
    serverUrl: 'https://dav.example.org/',
    user: 'anna',
    progressUrl: 'https://dav.example.org/anna/compass-progress/',
    calendarUrl: 'https://dav.example.org/anna/compass-deadlines/',
    caFile: null,
    allowInsecureHttp: false,
    connectedAt: '2025-06-02T10:00:00.000Z',
  },
  password: 'sealed',
  canSeal: true,
  pending: 1,
  syncing: false,
  lastSync: null,
  lastError: null,
};

function renderTeam() {
  const api = createFakeCompassApi();
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <TeamSettings api={api} />
    </I18nextProvider>,
  );
  return { api, user };
}

describe('the team settings', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('en');
  });

  it('names missing fields and words a refusal from its reason', async () => {
    const { api, user } = renderTeam();
    const form = await screen.findByRole('form', { name: 'Verbinden met de teamserver' });
    await user.click(within(form).getByRole('button', { name: 'Verbinden' }));
    const server = within(form).getByRole('textbox', { name: 'Serveradres' });
    expect(server).toHaveAttribute('aria-invalid', 'true');
    expect(server).toHaveAccessibleDescription(/Vul het serveradres in\./);
    expect(api.callsTo('connectTeam')).toEqual([]);

    api.connectTeam = async () => {
      throw new ApiCallError({
        code: 'invalid-input',
        message: 'The certificate of dav.example.org is not trusted (SELF_SIGNED_CERT_IN_CHAIN).',
        team: 'tls',
      });
    };
    await user.type(server, 'https://dav.example.org/');
    await user.type(within(form).getByRole('textbox', { name: 'Gebruikersnaam' }), 'anna');
    await user.type(within(form).getByLabelText('Wachtwoord of app-token'), 'geheim');
    await user.click(within(form).getByRole('button', { name: 'Verbinden' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(nlUi.team.problem.tls);
    expect(alert).toHaveTextContent('SELF_SIGNED_CERT_IN_CHAIN'); // under "Technische details"
    expect(within(form).getByLabelText('Wachtwoord of app-token')).toHaveValue('geheim');
  });

  it('shows the connection, and its state in a live region as it changes', async () => {
    const { api } = renderTeam();
    await screen.findByRole('form');
    act(() => api.emit('teamStatus', connected));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText('https://dav.example.org/anna/compass-progress/')).toBeInTheDocument();
    expect(screen.getByText(nlUi.team.passwordWhere.sealed)).toBeInTheDocument();
    const live = screen.getAllByRole('status').find((s) => s.getAttribute('aria-live') === 'polite')!;
    expect(live).toHaveTextContent('Nog niet gesynchroniseerd.');
    expect(live).toHaveTextContent('1 wijziging wacht op verzending.');

    act(() => api.emit('teamStatus', { ...connected, syncing: true }));
    expect(live).toHaveTextContent('Bezig met synchroniseren…');
    expect(screen.getByRole('button', { name: 'Nu synchroniseren' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    act(() =>
      api.emit('teamStatus', {
        ...connected,
        pending: 2,
        lastSync: { at: '2025-06-02T10:05:00.000Z', sent: 3, received: 4 },
        lastError: { at: '2025-06-02T10:10:00.000Z', problem: 'network', message: 'ECONNREFUSED' },
      }),
    );
    expect(live).toHaveTextContent(
      /Laatst gesynchroniseerd 2 jun\. 2025 \d\d:05: 3 verstuurd, 4 ontvangen\./,
    );
    expect(live).toHaveTextContent('2 wijzigingen wachten op verzending.');
    expect(screen.getByRole('alert')).toHaveTextContent(nlUi.team.problem.network);
  });
});
