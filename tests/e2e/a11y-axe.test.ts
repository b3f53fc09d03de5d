/**
 * Accessibility: an axe-core scan (WCAG 2.0/2.1 A and AA rules) of every view, in the light and
 * the dark theme, against the real web host, in Dutch; then the views whose content changes with
 * the language (labels, section names, the Dutch quote marked as Dutch) once more in English. No
 * serious or critical violation may remain.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  invoke,
  launchChromium,
  openApp,
  row,
  startWebHost,
  type WebHost,
} from './timeline-harness';

async function seriousViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${view}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

describe.skipIf(!chromiumAvailable())('accessibility of every view', () => {
  let host: WebHost;
  let browser: Browser;

  beforeAll(async () => {
    [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
    // Some variety on screen: statuses, an overdue item and one of the user's own milestones.
    await invoke(host, 'appendLogEntry', { key: 'act-rapid-deployment-capacity', status: 'in-progress' });
    await invoke(host, 'appendLogEntry', {
      key: 'act-article-44-arrangements',
      status: 'achieved',
      on: '2023-11-30',
      note: 'Arrangements agreed',
    });
    await invoke(host, 'appendLogEntry', {
      key: 'act-mpcc-full-capability',
      status: 'missed',
      on: '2024-01-15',
    });
    await invoke(host, 'saveOwnMilestone', {
      id: 'own-national-plan',
      own: true,
      chapter: 'act',
      section: 'Handelen',
      title: { nl: 'Nationaal plan', en: 'National plan' },
      datePhrase: null,
      kind: 'deadline',
      start: null,
      due: '2024-07-01',
      window: null,
      recurrence: null,
      actor: 'Ministerie van Defensie',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${theme} theme`, async () => {
      const { page, context } = await openApp(browser, host, { colorScheme: theme });
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
      const found: string[] = [];

      found.push(...(await seriousViolations(page, 'timeline')));

      await page.getByText('Legenda').click();
      found.push(...(await seriousViolations(page, 'timeline with legend')));
      await page.getByText('Legenda').click();

      await row(page, 'own-national-plan').click();
      await page.getByRole('dialog', { name: 'Nationaal plan' }).waitFor();
      await page.getByRole('button', { name: 'Verwijderen' }).click();
      found.push(...(await seriousViolations(page, 'detail panel')));
      await page.getByRole('button', { name: 'Annuleren' }).click();
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Eigen mijlpaal' }).click();
      const dialog = page.getByRole('dialog', { name: 'Eigen mijlpaal toevoegen' });
      await dialog.getByRole('button', { name: 'Opslaan' }).click(); // shows the error messages too
      found.push(...(await seriousViolations(page, 'own milestone dialog')));
      await dialog.getByRole('button', { name: 'Annuleren' }).click();

      await page.locator('.filters-toggle').click();
      found.push(...(await seriousViolations(page, 'timeline with the filters open')));
      await page.getByRole('combobox', { name: 'Hoofdstuk' }).selectOption('general');
      await page.locator('.filters-toggle').click();
      await page.getByRole('combobox', { name: 'Periode' }).selectOption('2030');
      await page.getByRole('button', { name: 'Maand' }).click();
      found.push(...(await seriousViolations(page, 'timeline, month zoom, 2030')));

      await page.getByRole('button', { name: 'Agenda' }).click();
      await page.getByTestId('agenda').waitFor();
      found.push(...(await seriousViolations(page, 'agenda')));
      await page.setViewportSize({ width: 1024, height: 700 });
      found.push(...(await seriousViolations(page, 'agenda at 1024×700')));
      await page.getByRole('button', { name: 'Gantt' }).click();
      await row(page, 'general-threat-analysis').click();
      await page.getByRole('dialog').waitFor();
      found.push(...(await seriousViolations(page, 'timeline with detail panel at 1024×700')));
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1400, height: 900 });

      await page.getByRole('tab', { name: 'Review 2025' }).click();
      await page.locator('#panel-review').getByRole('heading').first().waitFor();
      found.push(...(await seriousViolations(page, 'review')));

      await page.getByRole('tab', { name: 'Instellingen' }).click();
      await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
      found.push(...(await seriousViolations(page, 'settings')));

      expect(found).toEqual([]);
      await context.close();
    });
  }

  it('has no serious or critical violations in English either (the views whose words change)', async () => {
    await invoke(host, 'updateSettings', { locale: 'en' });
    const { page, context } = await openApp(browser, host);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const found: string[] = [];
    found.push(...(await seriousViolations(page, 'en: timeline')));

    await row(page, 'act-article-44-arrangements').click();
    await page.getByRole('dialog', { name: 'Practical arrangements for Article 44 TEU' }).waitFor();
    found.push(...(await seriousViolations(page, 'en: detail panel')));
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Agenda' }).click();
    await page.getByTestId('agenda').waitFor();
    await page.setViewportSize({ width: 1024, height: 700 });
    found.push(...(await seriousViolations(page, 'en: agenda at 1024×700')));
    await page.getByRole('button', { name: 'Gantt' }).click();
    await page.setViewportSize({ width: 1400, height: 900 });

    await page.getByRole('tab', { name: 'Review 2025' }).click();
    await page.locator('#panel-review').getByRole('heading').first().waitFor();
    found.push(...(await seriousViolations(page, 'en: review')));

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    found.push(...(await seriousViolations(page, 'en: settings')));

    expect(found).toEqual([]);
    await context.close();
  });
});
