/**
 * Keyboard only, in headless Chromium against the web host: skip link, search, Tab into the
 * timeline, arrows between rows, Enter opens, change the status, Esc closes, + / - zoom, t for
 * today, arrows between the tabs. Every stop on the way shows a visible focus indicator.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, openApp, row, useBrowserAndHost } from './timeline-harness';

/** What has focus: its role/tag, name and whether it shows a focus ring (outline or box shadow). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
      (el.parentElement ? getComputedStyle(el.parentElement).outlineStyle !== 'none' : false);
    return {
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '',
      id: el.getAttribute('data-milestone-id'),
      visible: ring,
    };
  });

async function pressUntil(
  page: Page,
  key: string,
  done: (f: Awaited<ReturnType<typeof focused>>) => boolean,
) {
  const unseen: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f && !f.visible) unseen.push(`${f.role} "${f.name}"`);
    if (done(f)) return { focus: f!, unseen };
  }
  throw new Error(
    `pressed ${key} 60 times without reaching the target; last focus ${JSON.stringify(await focused(page))}`,
  );
}

describe.skipIf(!chromiumAvailable())('keyboard only', () => {
  const env = useBrowserAndHost();

  it('walks through the main flow without a mouse, with visible focus at every stop', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    const unseen: string[] = [];

    // The skip link comes first and jumps to the content; the search field is next.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'a', name: 'Naar de inhoud', visible: true });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'input', visible: true });
    await page.keyboard.type('artikel 44');

    // Tab on into the timeline: the first row (the chapter) takes focus.
    const intoGrid = await pressUntil(page, 'Tab', (f) => f?.role === 'row');
    unseen.push(...intoGrid.unseen);
    expect(intoGrid.focus.name).toMatch(/^Handelen, 1 mijlpaal$/);

    // Arrows down to the milestone, Enter opens it.
    const toRow = await pressUntil(page, 'ArrowDown', (f) => f?.id === 'act-article-44-arrangements');
    unseen.push(...toRow.unseen);
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Praktische regelingen voor artikel 44 VEU' });
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

    // Tab to the status and choose "Gepland" with the arrow keys, as a keyboard user does on a
    // closed select: nothing is saved until the entry is saved with Enter on the Save button.
    const toStatus = await pressUntil(page, 'Tab', (f) => f?.role === 'select');
    unseen.push(...toStatus.unseen);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await row(page, 'act-article-44-arrangements').getAttribute('aria-label')).toMatch(
      /status Onbekend/,
    );
    await page.keyboard.type('Behaald');
    // (The date picker's segments follow the browser's locale; the value is set directly.)
    await panel.getByLabel('Datum waarop behaald').fill('2024-05-14');
    await panel.getByRole('button', { name: 'Vastlegging opslaan' }).focus();
    await page.keyboard.press('Enter');
    await panel.getByText('Vastlegging opgeslagen.').waitFor();
    await expect
      .poll(() => row(page, 'act-article-44-arrangements').getAttribute('aria-label'))
      .toMatch(/status Behaald/);

    // Esc closes the panel and gives focus back to the row.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatchObject({ id: 'act-article-44-arrangements', visible: true });

    // + and - zoom, t scrolls the axis to today.
    const zoomLevel = () =>
      page.getByRole('group', { name: 'Zoomniveau' }).locator('[aria-pressed="true"]').textContent();
    expect(await zoomLevel()).toBe('Jaar');
    await page.keyboard.press('+');
    await expect.poll(zoomLevel).toBe('Kwartaal');
    await page.keyboard.press('+');
    await expect.poll(zoomLevel).toBe('Maand');
    const scroll = page.getByTestId('gantt-scroll');
    await scroll.evaluate((el) => (el.scrollLeft = 0));
    await page.keyboard.press('t');
    const todayFlag = page.locator('.today-flag');
    await expect
      .poll(async () => {
        const [flag, pane] = await Promise.all([todayFlag.boundingBox(), scroll.boundingBox()]);
        return flag && pane ? flag.x > pane.x + 420 && flag.x < pane.x + pane.width : false;
      })
      .toBe(true);
    await page.keyboard.press('-');
    await expect.poll(zoomLevel).toBe('Kwartaal');

    // "/" jumps back to the search field.
    await page.keyboard.press('/');
    expect(await focused(page)).toMatchObject({ role: 'input' });

    // The tabs: Shift+Tab back to them, arrows move between the views.
    const toTabs = await pressUntil(page, 'Shift+Tab', (f) => f?.role === 'tab');
    unseen.push(...toTabs.unseen);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Review 2025', visible: true });
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Instellingen' });
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Instellingen' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'Tijdlijn' }).getAttribute('aria-selected')).toBe('true');

    expect(unseen).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
