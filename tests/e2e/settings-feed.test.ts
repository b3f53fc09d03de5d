/**
 * The feed's address in Settings, in Chromium through the web host: turning the feed on starts
 * the real feed server, Settings shows its http and webcal addresses, and the http one serves the
 * .ics; turning it off stops it. Settings with the feed on and the import dialog pass axe in both themes.
 */
import { createServer } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, openApp, useBrowserAndHost } from './timeline-harness';

/** A port that was free a moment ago (the feed setting takes 1024–65535, so not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Serious or critical axe (WCAG 2.1 A/AA) violations on the page, in both themes. */
async function seriousViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    for (const v of results.violations)
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme}: ${v.id} ${v.help}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

describe.skipIf(!chromiumAvailable())('the feed in Settings', () => {
  const env = useBrowserAndHost({ lang: 'en_GB.UTF-8' });

  it('shows the running feed’s addresses when turned on, and the http one serves the .ics', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const port = await freePort();
    const portField = page.getByRole('textbox', { name: 'Port' });
    await portField.fill(String(port));
    await portField.press('Enter');
    await page.getByText('Saved.').waitFor();
    await page.getByRole('checkbox', { name: 'Turn the feed on' }).click();

    const http = page.getByRole('textbox', { name: 'Feed address (http)' });
    await http.waitFor();
    const url = await http.inputValue();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/.+\\.ics$`));
    const webcal = await page.getByRole('textbox', { name: 'Subscription address (webcal)' }).inputValue();
    expect(webcal).toBe(url.replace(/^http:/, 'webcal:'));
    expect(await page.getByRole('link', { name: 'Subscribe in my calendar app' }).getAttribute('href')).toBe(
      webcal,
    );
    expect(await page.getByRole('button', { name: 'Copy the http address' }).isVisible()).toBe(true);

    expect(await seriousViolations(page)).toEqual([]);

    // The import asks first, in an accessible dialog; Cancel changes nothing.
    await page.locator('.settings-data input[type=file]').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{}'),
    });
    const dialog = page.getByRole('dialog', { name: 'Replace all your data?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('config.before-import-<time>.json');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await response.text();
    expect(body.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(body).toContain('BEGIN:VEVENT');

    await page.getByRole('checkbox', { name: 'Turn the feed on' }).click();
    await expect.poll(() => http.count()).toBe(0);
    await expect
      .poll(() =>
        fetch(url).then(
          () => 'answered',
          () => 'closed',
        ),
      )
      .toBe('closed');
    expect(errors).toEqual([]);
    await context.close();
  });
});
