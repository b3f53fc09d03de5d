import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../electron/core/user-state';
import { renderApp, rowOf } from './render-app';

const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.textContent);

describe('language', () => {
  it('follows a Dutch system at first', async () => {
    await renderApp({ systemLocale: 'nl-BE' });
    expect(tabNames()).toEqual(['Tijdlijn', 'Review 2025', 'Instellingen']);
    expect(document.documentElement.lang).toBe('nl');
    expect(rowOf('act-article-44-arrangements')).toHaveAccessibleName(
      'Praktische regelingen voor artikel 44 VEU, uiterlijk 31 december 2023, status Onbekend, verstreken, niets vastgelegd',
    );
  });

  it('uses English on any other system', async () => {
    await renderApp({ systemLocale: 'de-DE' });
    expect(tabNames()).toEqual(['Timeline', 'Review 2025', 'Settings']);
  });

  it('puts the user’s choice over the system', async () => {
    await renderApp({
      systemLocale: 'en-US',
      state: { settings: { ...DEFAULT_SETTINGS, locale: 'nl' } },
    });
    expect(tabNames()).toEqual(['Tijdlijn', 'Review 2025', 'Instellingen']);
  });

  it('can be switched, and the choice is saved', async () => {
    const { api, user } = await renderApp({ systemLocale: 'nl-NL' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(api.callsTo('updateSettings')).toEqual([{ locale: 'en' }]);
    expect(tabNames()).toEqual(['Timeline', 'Review 2025', 'Settings']);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('lang', 'nl');
  });
});

describe('views and events', () => {
  it('reaches the views through named tabs, also with the arrow keys', async () => {
    const { user } = await renderApp();
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
    screen.getByRole('tab', { name: 'Timeline' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Settings' })).toBeVisible();
    expect(await screen.findByRole('heading', { name: 'Settings' }, { timeout: 10_000 })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows notices until dismissed', async () => {
    const { api, user } = await renderApp({
      notices: ['The store was damaged; a backup is in state.bak.json.'],
    });
    const notices = screen.getByRole('region', { name: 'Notices' });
    expect(within(notices).getByRole('alert')).toHaveTextContent('The store was damaged');
    await user.click(within(notices).getByRole('button', { name: 'Dismiss' }));
    expect(api.callsTo('dismissNotice')).toEqual([{ index: 0 }]);
    expect(screen.queryByRole('region', { name: 'Notices' })).toBeNull();
  });

  it('follows stateChanged events from main', async () => {
    const { api } = await renderApp();
    await act(async () => {
      await api.appendLogEntry({ key: 'act-rapid-deployment-capacity', status: 'missed', on: '2024-06-01' });
      api.emit('stateChanged', api.snapshot());
    });
    expect(rowOf('act-rapid-deployment-capacity')).toHaveAccessibleName(/status Missed$/);
  });

  it('shows a reminder toast that opens the milestone or snoozes it', async () => {
    const { api, user } = await renderApp();
    act(() =>
      api.emit('toast', {
        title: 'EU Rapid Deployment Capacity fully operational',
        body: 'Due in 7 days',
        milestoneId: 'act-rapid-deployment-capacity',
        reminderKey: 'act-rapid-deployment-capacity:7',
      }),
    );
    const toasts = screen.getByRole('region', { name: 'Reminders' });
    expect(within(toasts).getByText('Due in 7 days')).toBeInTheDocument();
    await user.click(within(toasts).getByRole('button', { name: 'Tomorrow' }));
    expect(api.callsTo('snooze')).toEqual([{ key: 'act-rapid-deployment-capacity:7', option: 'tomorrow' }]);
    expect(within(toasts).queryByText('Due in 7 days')).toBeNull();

    act(() =>
      api.emit('toast', {
        title: 'Reminder',
        body: 'Again',
        milestoneId: 'act-rapid-deployment-capacity',
        reminderKey: null,
      }),
    );
    await user.click(within(toasts).getByRole('button', { name: 'Open' }));
    expect(
      screen.getByRole('dialog', { name: 'EU Rapid Deployment Capacity fully operational' }),
    ).toBeInTheDocument();
  });

  it('opens a milestone when main asks (openMilestone, e.g. from a notification)', async () => {
    const { api } = await renderApp();
    act(() => api.emit('openMilestone', { id: 'act-article-44-arrangements' }));
    expect(
      await screen.findByRole('dialog', { name: 'Practical arrangements for Article 44 TEU' }),
    ).toBeInTheDocument();
  });
});

describe('theme', () => {
  it('applies the chosen theme, and follows the system when set to system', async () => {
    const { user } = await renderApp();
    expect(document.documentElement.dataset.theme).toBe('light'); // jsdom has no dark system preference
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Theme' }, { timeout: 10_000 }),
      'dark',
    );
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'system');
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
