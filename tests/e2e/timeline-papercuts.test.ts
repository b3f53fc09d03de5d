/**
 * The timeline as a person meets it, in Chromium through the web host with the real date: today
 * is on the first screen, icons are SVG, 2022–2030 fits at the year zoom, the detail panel leaves
 * the chart most of a small screen, the title column resizes by pointer, and the agenda lists.
 */
import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { chromiumAvailable, invoke, openApp, row, useBrowserAndHost } from './timeline-harness';

const realToday = format(new Date(), 'yyyy-MM-dd');

describe.skipIf(!chromiumAvailable())('the timeline as a person meets it', () => {
  const env = useBrowserAndHost({ today: realToday, lang: 'en_GB.UTF-8' });

  it('shows the today line on the first launch and draws icons as SVG, never as font glyphs', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    await expect.poll(() => page.locator('.line-today').count()).toBe(1);
    const glyphs = await page.evaluate(() => {
      const text = document.querySelector('.app')!.textContent ?? '';
      return [...text].filter((c) => '✓⚠⏰⏱○◔◑✕⊘◆▾▸↻'.includes(c));
    });
    expect(glyphs).toEqual([]);
    expect(await page.locator('.status-icon svg').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits 2022–2030 into the chart at the year zoom and stops zooming at its limits', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    await page.getByTestId('gantt-range').selectOption('2030');
    await page.getByRole('button', { name: 'Year', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Zoom out' }).isDisabled()).toBe(true);
    const fits = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="gantt-scroll"]')!;
      return el.scrollWidth <= el.clientWidth + 1;
    });
    expect(fits).toBe(true);
    expect(await page.locator('.tick-year').last().textContent()).toBe('2030');
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(true);
    expect(await page.locator('.tick-sub').first().textContent()).toBe('Jan 2022');
    await context.close();
  });

  it('keeps most of a 1024×700 screen for the chart with the detail panel open, filters on one line', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    await page.setViewportSize({ width: 1024, height: 700 });
    await row(page, 'act-article-44-arrangements').click();
    await page.getByRole('dialog').waitFor();
    const chart = await page.getByTestId('gantt-scroll').boundingBox();
    expect(chart!.width).toBeGreaterThan(1024 * 0.75);
    const bar = await page.locator('.filter-bar').boundingBox();
    expect(bar!.height).toBeLessThan(80);
    await context.close();
  });

  it('resizes the title column by dragging its separator; the full title shows on focus', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    const separator = page.getByRole('separator', { name: 'Width of the title column' });
    const box = (await separator.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(Number(await separator.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(600);
    await page.reload();
    await page.locator('[data-milestone-id]').first().waitFor();
    expect(Number(await separator.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(600);
    const target = row(page, 'act-rapid-deployment-capacity');
    await target.focus();
    const tip = target.getByTestId('row-tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe('EU Rapid Deployment Capacity fully operational');
    await context.close();
  });

  it('lists overdue items and what comes up in the agenda, and opens a milestone from it', async () => {
    await invoke(env.host, 'appendLogEntry', { key: 'act-article-44-arrangements', status: 'planned' });
    const { page, context } = await openApp(env.browser, env.host);
    await page.getByRole('button', { name: 'Agenda' }).click();
    const agenda = page.getByTestId('agenda');
    await agenda.waitFor();
    const overdue = agenda.locator('.agenda-overdue');
    expect(await overdue.locator('[data-milestone-id="act-article-44-arrangements"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Next 90 days' }).click();
    expect(await page.getByRole('button', { name: 'Next 90 days' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await overdue.getByRole('button', { name: 'Practical arrangements for Article 44 TEU' }).click();
    await page.getByRole('dialog', { name: 'Practical arrangements for Article 44 TEU' }).waitFor();
    await context.close();
  });
});
