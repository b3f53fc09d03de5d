/**
 * Who owns what, in headless Chromium against the real web host (real store): "me" and my unit
 * set in Settings, owners set and cleared in the detail panel, and the filter "all / mine / my
 * unit" in the timeline's filters and in the review, whose numbers and CSV export follow it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../electron/core/review';
import {
  chromiumAvailable,
  invoke,
  openApp,
  row,
  seriousViolations,
  useBrowserAndHost,
} from './timeline-harness';

const MINE = {
  id: 'act-rapid-deployment-capacity-scenarios',
  title: "Operationele scenario's voor de snel inzetbare EU-capaciteit overeengekomen",
};
const UNIT = {
  id: 'act-ad-hoc-missions-links',
  title: 'Verbindingen tussen GVDB-missies en ad-hocmissies in het inzetgebied',
};
const OTHERS = { id: 'invest-defence-investment-gap-analysis' };

async function openMilestone(page: Page, m: { id: string; title: string }) {
  await page.getByRole('tab', { name: 'Tijdlijn' }).click();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(m.title);
  await expect.poll(() => page.locator('[data-milestone-id]').count()).toBe(1);
  await row(page, m.id).click();
  const panel = page.getByRole('dialog', { name: m.title });
  await panel.waitFor();
  return panel;
}

describe.skipIf(!chromiumAvailable())('owners and the owner filter in the browser', () => {
  const env = useBrowserAndHost({ today: '2026-02-10' });

  it('sets me, assigns and clears owners, and filters the timeline and the review by them', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);

    // Settings: who I am and my unit.
    await page.getByRole('tab', { name: 'Instellingen' }).click();
    await page.getByLabel('Ik ben (als eigenaar)').fill('Anna de Vries');
    await page.getByLabel('Mijn eenheid').fill('Eenheid Capaciteit');
    await page.getByLabel('Mijn eenheid').press('Enter');
    await expect
      .poll(async () => (await invoke<{ me: unknown }>(env.host, 'getSnapshot', {})).me)
      .toEqual({ person: 'Anna de Vries', unit: 'Eenheid Capaciteit' });

    // The detail panel: one milestone is mine (a person), one my unit's (a unit only).
    let panel = await openMilestone(page, MINE);
    await expect.poll(() => panel.getByTestId('owner-current').textContent()).toBe('Nog geen eigenaar.');
    await panel.getByLabel('Persoon').fill('anna de vries');
    await panel.getByRole('button', { name: 'Eigenaar opslaan' }).click();
    await panel.getByText('Eigenaar opgeslagen.').waitFor();
    expect(await panel.getByTestId('owner-current').textContent()).toMatch(
      /^anna de vries — toegewezen door /,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Details sluiten' }).click();

    panel = await openMilestone(page, UNIT);
    await panel.getByLabel('Persoon').fill('Bert Jansen');
    await panel.getByLabel('Eenheid').fill('Eenheid Capaciteit');
    await panel.getByRole('button', { name: 'Eigenaar opslaan' }).click();
    await panel.getByText('Eigenaar opgeslagen.').waitFor();
    // A colleague's milestone (through the API, as a sync would bring it), and one cleared again.
    await invoke(env.host, 'setOwner', { key: OTHERS.id, person: 'Bert Jansen', unit: 'Andere eenheid' });
    await panel.getByRole('button', { name: 'Details sluiten' }).click();

    // A refusal says why and saves nothing.
    const before = (await invoke<{ log: unknown[] }>(env.host, 'getMilestoneDetail', { id: MINE.id })).log
      .length;
    await expect(invoke(env.host, 'setOwner', { key: MINE.id, unit: 'twee\nregels' })).rejects.toThrow(
      /one line/,
    );
    await expect(invoke(env.host, 'setOwner', { key: 'no-such-milestone', person: 'Anna' })).rejects.toThrow(
      /No milestone/,
    );
    expect(
      (await invoke<{ log: unknown[] }>(env.host, 'getMilestoneDetail', { id: MINE.id })).log.length,
    ).toBe(before);

    // The timeline's filter.
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('');
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const filter = page.getByTestId('owner-filter');
    const shownIds = () =>
      page
        .locator('[data-milestone-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-milestone-id')));
    const all = (await shownIds()).length;
    expect(all).toBeGreaterThan(3);
    await filter.selectOption({ label: 'Van mij' });
    await expect.poll(shownIds).toEqual([MINE.id]);
    await filter.selectOption({ label: 'Van mijn eenheid' });
    await expect.poll(shownIds).toEqual([UNIT.id]);
    await filter.selectOption({ label: 'Alle mijlpalen' });
    await expect.poll(async () => (await shownIds()).length).toBe(all);

    // The review: its rows, its totals and its CSV export follow the filter.
    await page.getByRole('tab', { name: 'Review 2025' }).click();
    await page.getByText('Stand per 31 december 2025').waitFor();
    const reviewKeys = () =>
      page.locator('tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    await expect.poll(async () => (await reviewKeys()).length).toBeGreaterThan(3);
    await page.getByTestId('review-owner').selectOption({ label: 'Van mijn eenheid' });
    await expect.poll(reviewKeys).toEqual([UNIT.id]);
    const review = await invoke<Review>(env.host, 'getReview', { asOf: '2025-12-31', owner: 'unit' });
    expect(review.items.map((i) => i.key)).toEqual([UNIT.id]);
    await page.getByTestId('review-owner').selectOption({ label: 'Van mij' });
    await expect.poll(reviewKeys).toEqual([MINE.id]);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als CSV' }).click(),
    ]);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain(MINE.id);
    expect(csv).not.toContain(UNIT.id);
    expect(csv).not.toContain(OTHERS.id);
    // The Markdown says on its cover whose milestones it holds.
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als Markdown' }).click(),
    ]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain('Omvat: alleen de mijlpalen met als eigenaar Anna de Vries');
    expect(markdown).not.toContain(UNIT.id);

    // Clearing: the milestone is nobody's again, and the filter "mine" shows nothing.
    panel = await openMilestone(page, MINE);
    await panel.getByRole('button', { name: 'Eigenaar wissen' }).click();
    await panel.getByText('Eigenaar gewist.').waitFor();
    expect(await panel.getByTestId('owner-current').textContent()).toBe('Nog geen eigenaar.');
    await panel.getByRole('button', { name: 'Details sluiten' }).click();
    await page.getByRole('tab', { name: 'Review 2025' }).click();
    await page.getByTestId('review-owner').selectOption({ label: 'Van mij' });
    await expect.poll(reviewKeys).toEqual([]);

    expect(errors).toEqual([]);
    await context.close();
  });
});
