/** Renders the whole app against a fake API, as main.tsx does against the real one. */
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import { App } from '../../renderer/src/App';
import { i18n } from '../../renderer/src/i18n';
import { createFakeCompassApi, type FakeApiOptions } from './fake-compass-api';

afterEach(() => {
  cleanup();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

export async function renderApp(options: FakeApiOptions = {}) {
  const api = createFakeCompassApi(options);
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <App api={api} />
    </I18nextProvider>,
  );
  await screen.findByRole('tablist');
  return { api, user };
}

/** The row of a milestone in the Gantt (the stable hook: data-milestone-id). */
export const rowOf = (id: string) => document.querySelector<HTMLElement>(`[data-milestone-id="${id}"]`);

export const flush = () => act(async () => {});

/** Opens the folded filters (one "Filters" button) if they are closed. */
export async function openFilters(user: ReturnType<typeof userEvent.setup>) {
  const toggle = document.querySelector<HTMLButtonElement>('.filters-toggle')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle);
}
