/**
 * The timeline as a person meets it, in Chromium through the web host with the real date: today
 * is on the first screen, icons are SVG, 2022–2030 fits at the year zoom, the detail panel leaves
 * the chart most of a small screen, the title column resizes by pointer, the agenda lists, and the
 * chart is drawn once at its real width.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { openStateStore } from '../../electron/node/store';
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
    // A diamond on the period's last day shows whole, inside the chart.
    await page.getByTestId('gantt-range').selectOption('2025');
    const chart = (await page.getByTestId('gantt-scroll').boundingBox())!;
    const diamond = (await row(page, 'act-rapid-deployment-capacity').locator('.diamond').boundingBox())!;
    expect(diamond.x + diamond.width).toBeLessThanOrEqual(chart.x + chart.width);
    await page.getByTestId('gantt-range').selectOption('2030');
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
    await page.getByRole('button', { name: 'Next 90 days', exact: true }).click();
    expect(
      await page.getByRole('button', { name: 'Next 90 days', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await overdue.getByRole('button', { name: 'Practical arrangements for Article 44 TEU' }).click();
    await page.getByRole('dialog', { name: 'Practical arrangements for Article 44 TEU' }).waitFor();
    await context.close();
  });

  it('dismisses a shown reminder and folds a group away by keyboard, and keeps both after a reload', async () => {
    // A reminder shown an hour ago: the 30-day reminder of this year's progress report.
    const key = `general-progress-report@${realToday.slice(0, 4)}-12-31#30`;
    openStateStore({ cwd: env.host.dataDir }).update((s) => ({
      ...s,
      fired: { ...s.fired, [key]: new Date(Date.now() - 3_600_000).toISOString() },
    }));
    await invoke(env.host, 'appendLogEntry', { key: 'act-article-44-arrangements', status: 'planned' });
    const { page, context, errors } = await openApp(env.browser, env.host);
    await page.getByRole('button', { name: 'Agenda' }).click();
    const agenda = page.getByTestId('agenda');
    const shownRow = agenda.locator(`tr[data-agenda-key="shown:${key}"]`);
    await shownRow.waitFor();
    expect(await agenda.getByRole('columnheader', { name: 'Snooze or dismiss' }).count()).toBe(1);

    // Dismiss by keyboard: the row leaves the list, the focus stays in the agenda, a way back shows.
    const dismiss = shownRow.getByRole('button', {
      name: "Dismiss the reminder for High Representative's annual progress report",
    });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shownRow.count()).toBe(0);
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="agenda"]') !== null),
    ).toBe(true);
    expect(await agenda.getByRole('status').textContent()).toContain('dismissed from the list');
    const showDismissed = agenda.getByRole('button', { name: 'Show 1 dismissed' });
    expect(await showDismissed.count()).toBe(1);

    // Fold "Overdue" away by keyboard: a disclosure button on the group's heading.
    const overdueToggle = agenda.getByRole('button', { name: /^Overdue \(\d+\)$/ });
    await overdueToggle.focus();
    await page.keyboard.press('Space');
    expect(await overdueToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await agenda.locator('.agenda-overdue tbody tr').count()).toBe(0);

    // Both are kept between launches.
    await page.reload();
    await page.getByTestId('agenda').waitFor();
    expect(await overdueToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await agenda.locator('.agenda-overdue tbody tr').count()).toBe(0);
    await agenda.locator('.agenda-shown h3').waitFor();
    expect(await shownRow.count()).toBe(0);

    // And both can be undone.
    await agenda.getByRole('button', { name: 'Show 1 dismissed' }).click();
    await shownRow.waitFor();
    await overdueToggle.click();
    expect(await overdueToggle.getAttribute('aria-expanded')).toBe('true');
    expect(await agenda.locator('.agenda-overdue tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps titles and dates readable beside the badges: whole titles at 1920 px, dates never cut at 1024 px', async () => {
    await invoke(env.host, 'appendLogEntry', {
      key: 'act-ad-hoc-missions-links',
      status: 'achieved',
      on: '2023-04-20',
    });
    // A first launch on each screen: the title column's width is not yet stored.
    const open = async (width: number, height: number) => {
      const context = await env.browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(env.host.url);
      await page.locator('[data-milestone-id]').first().waitFor();
      return { context, page };
    };
    const rows = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.gantt-row[data-milestone-id]')].map((r) => {
          const label = r.querySelector<HTMLElement>('.gantt-label')!.getBoundingClientRect();
          const title = r.querySelector<HTMLElement>('.row-title')!;
          const date = r.querySelector<HTMLElement>('.row-date')!.getBoundingClientRect();
          return {
            id: r.dataset.milestoneId!,
            titleWidth: title.getBoundingClientRect().width,
            titleWhole: title.scrollWidth <= title.clientWidth,
            dateInside: date.right <= label.right + 0.5 && date.left >= label.left,
          };
        }),
      );
    const wide = await open(1920, 1080);
    const separator = wide.page.getByRole('separator', { name: 'Width of the title column' });
    expect(Number(await separator.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(560);
    const wideRows = await rows(wide.page);
    expect(wideRows.find((r) => r.id === 'act-article-44-arrangements')?.titleWhole).toBe(true);
    expect(wideRows.find((r) => r.id === 'act-ad-hoc-missions-links')?.dateInside).toBe(true);
    await wide.context.close();

    const { context, page: small } = await open(1024, 700);
    const narrow = await rows(small);
    expect(narrow.length).toBeGreaterThan(5);
    for (const r of narrow) {
      expect(r.dateInside, r.id).toBe(true);
      expect(r.titleWidth, r.id).toBeGreaterThanOrEqual(120);
    }
    // The badge's full words are its tooltip.
    expect(await small.locator('.badge-unrecorded').first().getAttribute('title')).toBe(
      'due, nothing recorded',
    );
    await context.close();
  });

  it('names the sections in English in the review', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    await page.getByRole('tab', { name: 'Review 2025' }).click();
    await page.locator('.review-rag-section').first().waitFor();
    const sections = await page.locator('.review-rag-section th').allTextContents();
    expect(sections).toContain('Act: Missions and operations');
    expect(sections).toContain('Act: Prepare');
    expect(sections.join(' ')).not.toMatch(/Vorbereiden|Handelen|CONCLUSIE/);
    await context.close();
  });

  it("passes the chart's toolbar in one Tab; arrows move inside it", async () => {
    const { page, context } = await openApp(env.browser, env.host);
    const toolbar = page.getByRole('toolbar', { name: /./ });
    const active = () =>
      page.evaluate(() => ({
        inToolbar: !!document.activeElement?.closest('[role="toolbar"]'),
        inGrid: !!document.activeElement?.closest('[role="treegrid"], [role="grid"]'),
        text: document.activeElement?.textContent?.trim() ?? '',
      }));
    // Shift+Tab from the grid passes the column's separator into the toolbar.
    await row(page, 'act-article-44-arrangements').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('separator');
    await page.keyboard.press('Shift+Tab');
    expect((await active()).inToolbar).toBe(true);
    await page.keyboard.press('Home');
    expect((await active()).text).toBe('Year'); // "Zoom out" is disabled at the year zoom: skipped
    await page.keyboard.press('ArrowRight');
    expect((await active()).text).toBe('Quarter');
    await page.keyboard.press('Enter');
    expect(await toolbar.getByRole('button', { name: 'Quarter' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('End');
    expect((await active()).text).toBe('Collapse all');
    await page.keyboard.press('ArrowRight'); // wraps round
    expect((await active()).inToolbar).toBe(true);
    await page.keyboard.press('Tab'); // out of the toolbar in one step: the separator
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('separator');
    await page.keyboard.press('Tab');
    expect((await active()).inGrid).toBe(true);
    // The search field to the grid: far fewer stops than one per control (it was 15 with the
    // toolbar's buttons one by one; 9 with the Strategies… button beside Gantt/Agenda and Own milestone).
    await page.getByRole('searchbox').or(page.locator('.filter-bar input').first()).first().focus();
    let stops = 0;
    while (!(await active()).inGrid && stops < 30) {
      await page.keyboard.press('Tab');
      stops += 1;
    }
    expect(stops).toBeLessThanOrEqual(9);
    await context.close();
  });

  it('draws the chart once at its real width: no bar, line or Tab stop changes after the rows appear', async () => {
    // Recorded from the page's first script on: every attribute change in the chart or its
    // toolbar after the task that put the first rows in. A chart drawn at a guessed width and
    // moved when measured (or Tab stops set a frame later) shows here as a flash of wrong bars.
    const context = await env.browser.newContext({
      viewport: { width: 1400, height: 900 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript({
      content: `(() => {
        window.__changedAfterRows = [];
        let rowsSeen = false;
        new MutationObserver((records) => {
          if (!rowsSeen) { rowsSeen = !!document.querySelector('[data-milestone-id]'); return; }
          for (const r of records) {
            const el = r.target;
            if (r.type !== 'attributes' || !el.closest('.gantt-canvas, [role="toolbar"]')) continue;
            window.__changedAfterRows.push(el.tagName + '.' + el.className + ' @' + r.attributeName);
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'tabindex', 'class'] });
      })();`,
    });
    const page = await context.newPage();
    await page.goto(env.host.url);
    await row(page, 'act-article-44-arrangements').waitFor();
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(() => (window as unknown as { __changedAfterRows: string[] }).__changedAfterRows),
    ).toEqual([]);
    // …and that one drawing is at the real width: the canvas fills the scroll area beside the titles.
    const widths = await page.evaluate(() => ({
      canvas: document.querySelector('.gantt-canvas')!.getBoundingClientRect().width,
      scroll: document.querySelector('[data-testid="gantt-scroll"]')!.clientWidth,
    }));
    expect(widths.canvas).toBeGreaterThan(widths.scroll - 5);
    await context.close();
  });

  it("takes the detail panel's date as its hint says, YYYY-MM-DD, never the browser's mm/dd/yyyy", async () => {
    const { page, context } = await openApp(env.browser, env.host);
    await row(page, 'act-rapid-deployment-capacity').click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    await panel.getByLabel('Status', { exact: true }).selectOption('achieved');
    const date = panel.getByLabel('Date it was achieved');
    expect(await date.getAttribute('type')).toBe('text');
    expect(await date.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    expect(await panel.getByText('Type a date as YYYY-MM-DD, e.g. 2024-03-18.').count()).toBe(1);
    await date.fill('18/03/2024');
    await panel.getByRole('button', { name: 'Save entry' }).click();
    expect(await panel.getByText('Give a date as YYYY-MM-DD.').count()).toBe(1);
    await date.fill('2024-03-18');
    await panel.getByRole('button', { name: 'Save entry' }).click();
    await panel
      .getByText(/on 18 March 2024/)
      .first()
      .waitFor();
    await context.close();
  });
});
