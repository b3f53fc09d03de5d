/**
 * Takes the README's screenshot of the timeline (docs/screenshot-timeline.png) from the real web
 * host with some progress recorded, and checks what it shows.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  invoke,
  launchChromium,
  openApp,
  ROOT,
  row,
  startWebHost,
  type WebHost,
} from './timeline-harness';

const SCREENSHOT = join(ROOT, 'docs/screenshot-timeline.png');

describe.skipIf(!chromiumAvailable())('README screenshot', () => {
  let host: WebHost;
  let browser: Browser;

  beforeAll(async () => {
    [host, browser] = await Promise.all([startWebHost({ today: '2024-06-15' }), launchChromium()]);
    const progress: [string, string][] = [
      ['act-rapid-deployment-capacity', 'in-progress'],
      ['act-rapid-deployment-capacity-scenarios', 'achieved'],
      ['act-article-44-arrangements', 'partial'],
      ['act-mpcc-full-capability', 'planned'],
      ['act-coordinated-maritime-presences', 'achieved'],
      ['act-mutual-assistance-cyber-exercises', 'in-progress'],
    ];
    // Dated statuses need the day they happened; these are illustrative days before "today".
    for (const [key, status] of progress)
      await invoke(host, 'appendLogEntry', { key, status, on: '2024-05-01' });
    await invoke(host, 'updateSettings', { locale: 'en' });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('writes docs/screenshot-timeline.png showing the grouped Gantt with statuses and the today line', async () => {
    const { page, context } = await openApp(browser, host, { colorScheme: 'light' });
    await expect
      .poll(() => row(page, 'act-rapid-deployment-capacity').getAttribute('aria-label'))
      .toMatch(/status In progress$/);
    expect(await page.locator('.today-flag').isVisible()).toBe(true);
    expect(
      await row(page, 'act-rapid-deployment-capacity-scenarios')
        .locator('.status-icon svg')
        .getAttribute('data-icon'),
    ).toBe('achieved');
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1400); // width from the IHDR chunk
    expect(png.length).toBeGreaterThan(50_000);
    await context.close();
  });
});
