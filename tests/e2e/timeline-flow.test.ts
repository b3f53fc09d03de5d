/**
 * The timeline in headless Chromium against the real web host: search, open, record progress,
 * reload; filter by chapter; own milestones; switching the language.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, openApp, row, useBrowserAndHost } from './timeline-harness';

describe.skipIf(!chromiumAvailable())('timeline in the browser', () => {
  const env = useBrowserAndHost();

  it('finds a commitment by search, sets it to achieved, and still shows it achieved after a reload', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    // The system language of the host is Dutch, so the app starts in Dutch.
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('snel inzetbare EU-capaciteit volledig');
    const target = row(page, 'act-rapid-deployment-capacity');
    await expect.poll(() => page.locator('[data-milestone-id]').count()).toBe(1);
    expect(await target.getAttribute('aria-label')).toBe(
      'Snel inzetbare EU-capaciteit volledig operationeel, uiterlijk 31 december 2025, status Onbekend',
    );

    await target.click();
    const panel = page.getByRole('dialog', { name: 'Snel inzetbare EU-capaciteit volledig operationeel' });
    await panel.waitFor();
    expect(await panel.getByText('EU Rapid Deployment Capacity fully operational').count()).toBe(1);
    expect(await panel.locator('blockquote').textContent()).toMatch(
      /^Uiterlijk in 2025 zal een snel inzetbare/,
    );
    expect(await panel.locator('figcaption').textContent()).toMatch(/Handelen, regel 230$/);

    await panel.getByLabel('Status', { exact: true }).selectOption('achieved');
    // Nothing is saved until Save: the row still shows no status.
    expect(await target.getAttribute('aria-label')).toMatch(/status Onbekend/);
    await panel.getByLabel('Datum waarop behaald').fill('2024-05-14');
    await panel.getByRole('button', { name: 'Vastlegging opslaan' }).click();
    await panel.getByText('Vastlegging opgeslagen.').waitFor();
    await expect
      .poll(() => target.getAttribute('aria-label'))
      .toMatch(/status Behaald, \d+ dagen eerder behaald, op 14 mei 2024/);
    expect(await target.locator('.status-icon svg').getAttribute('data-icon')).toBe('achieved');
    expect(await panel.getByTestId('log-entries').textContent()).toMatch(/Behaald op 14 mei 2024 \(huidig\)/);

    await page.reload();
    await row(page, 'act-rapid-deployment-capacity').waitFor();
    expect(await page.getByRole('searchbox').inputValue()).toBe('snel inzetbare EU-capaciteit volledig');
    expect(await row(page, 'act-rapid-deployment-capacity').getAttribute('aria-label')).toMatch(
      /status Behaald/,
    );
    await row(page, 'act-rapid-deployment-capacity').click();
    expect(await page.getByRole('dialog').getByLabel('Status', { exact: true }).inputValue()).toBe(
      'achieved',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by chapter, and keeps the filter after a reload', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    await page.locator('.filters-toggle').click();
    await page.getByRole('combobox', { name: 'Hoofdstuk' }).selectOption('invest');
    await page.locator('.filters-toggle').click();
    const chapterRows = page.locator('[role="row"][aria-level="1"]');
    await expect
      .poll(() => chapterRows.allTextContents())
      .toEqual([expect.stringMatching(/^Investeren\d+$/), expect.stringMatching(/^Zonder datum\d+$/)]);
    const ids = await page
      .locator('[data-milestone-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-milestone-id')));
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((id) => id!.startsWith('invest-'))).toBe(true);
    expect(ids).not.toContain('act-rapid-deployment-capacity');

    await page.reload();
    await page.locator('[data-milestone-id]').first().waitFor();
    await page.locator('.filters-toggle').click();
    expect(await page.getByRole('combobox', { name: 'Hoofdstuk' }).inputValue()).toBe('invest');
    expect(await row(page, 'act-rapid-deployment-capacity').count()).toBe(0);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await row(page, 'act-rapid-deployment-capacity').waitFor();
    await context.close();
  });

  it('adds an own milestone, shows it marked as the user’s own, edits it and deletes it after confirmation', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    await page.getByRole('button', { name: 'Eigen mijlpaal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Eigen mijlpaal toevoegen' });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    expect(await dialog.getByText('Vul dit veld in.').count()).toBe(4);
    await dialog.getByLabel('Titel (Nederlands)').fill('Nationaal uitvoeringsplan vastgesteld');
    await dialog.getByLabel('Titel (Engels)').fill('National implementation plan adopted');
    await dialog.getByLabel('Hoofdstuk').selectOption('invest');
    await dialog.getByLabel('Onderdeel').fill('Nationale uitvoering');
    await dialog.getByLabel('Uiterste datum').fill('2024-09-30');
    await dialog.getByLabel('Actor').fill('Ministerie van Defensie');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.locator('.filters-toggle').click();
    await page.getByRole('checkbox', { name: 'Alleen mijn eigen' }).check();
    const own = page.locator('[data-milestone-id^="own-"]');
    await expect.poll(() => own.count()).toBe(1);
    expect(await own.getAttribute('aria-label')).toBe(
      'Nationaal uitvoeringsplan vastgesteld, uiterlijk 30 september 2024, status Onbekend, eigen mijlpaal',
    );
    const panel = page.getByRole('dialog', { name: 'Nationaal uitvoeringsplan vastgesteld' });
    await panel.getByRole('button', { name: 'Bewerken' }).click();
    const edit = page.getByRole('dialog', { name: 'Eigen mijlpaal bewerken' });
    await edit.getByLabel('Uiterste datum').fill('2024-07-01');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => own.getAttribute('aria-label')).toMatch(/uiterlijk 1 juli 2024.*binnenkort/);

    await panel.getByRole('button', { name: 'Verwijderen' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    expect(await own.count()).toBe(1);
    await panel.getByRole('button', { name: 'Verwijderen' }).click();
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect.poll(() => own.count()).toBe(0);
    await context.close();
  });

  it('switches to English, and stays in English after a reload', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      'Tijdlijn',
      'Review 2025',
      'Instellingen',
    ]);
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('tab').allTextContents())
      .toEqual(['Timeline', 'Review 2025', 'Settings']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('searchbox', { name: 'Search' }).count()).toBe(1);
    expect(await row(page, 'act-article-44-arrangements').getAttribute('aria-label')).toMatch(
      /^Practical arrangements for Article 44 TEU, due 31 December 2023/,
    );
    expect(await row(page, 'act-article-44-arrangements').locator('.row-date').textContent()).toBe(
      '31 Dec 2023',
    );

    await page.reload();
    await page.getByRole('tab', { name: 'Settings' }).click();
    expect(await page.getByRole('combobox', { name: 'Language', exact: true }).inputValue()).toBe('en');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('nl');
    await expect
      .poll(() => page.getByRole('tab').allTextContents())
      .toEqual(['Tijdlijn', 'Review 2025', 'Instellingen']);
    await context.close();
  });
});
