/**
 * The 2025 review in headless Chromium against the real web host: three statuses recorded through
 * the timeline's detail panel show up in the review, with the same numbers in its exports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../electron/core/review';
import { REVIEW_CSV_COLUMNS } from '../../electron/core/review-export';
import { reviewPrintUrl, reviewReadyScript } from '../../electron/main/file-formats';
import { chromiumAvailable, openApp, row, useBrowserAndHost } from './timeline-harness';

/** The three commitments the reviewer records, by id: their Dutch title and what to record. */
const RECORDS = [
  // Due 2022-12-31, achieved on the due day: on time.
  {
    id: 'act-rapid-deployment-capacity-scenarios',
    title: "Operationele scenario's voor de snel inzetbare EU-capaciteit overeengekomen",
    status: 'achieved',
    on: '2022-12-31',
  },
  // Due 2022-12-31, achieved one day later: late by one day.
  {
    id: 'act-ad-hoc-missions-links',
    title: 'Verbindingen tussen GVDB-missies en ad-hocmissies in het inzetgebied',
    status: 'achieved',
    on: '2023-01-01',
  },
  // Due 2022-05-15 and only planned (as of April 2022): open and overdue on 31 December 2025.
  {
    id: 'invest-defence-investment-gap-analysis',
    title: 'Analyse van lacunes in defensie-investeringen',
    status: 'planned',
    on: '2022-04-01',
  },
] as const;

async function record(page: Page, entry: (typeof RECORDS)[number]) {
  await page.getByRole('tab', { name: 'Tijdlijn' }).click();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(entry.title);
  await expect.poll(() => page.locator('[data-milestone-id]').count()).toBe(1);
  await row(page, entry.id).click();
  const panel = page.getByRole('dialog', { name: entry.title });
  await panel.waitFor();
  await panel.getByLabel('Status', { exact: true }).selectOption(entry.status);
  const date = panel.getByLabel(entry.status === 'achieved' ? 'Datum waarop behaald' : 'Stand per (datum)');
  await date.fill(entry.on);
  await panel.getByRole('button', { name: 'Vastlegging opslaan' }).click();
  await panel.getByText('Vastlegging opgeslagen.').waitFor();
  // The state of play shows the entry with its author.
  expect(await panel.getByTestId('log-entries').textContent()).toMatch(/vastgelegd door /);
  await panel.getByRole('button', { name: 'Details sluiten' }).click();
}

async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Exporteer als ${label}` }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe.skipIf(!chromiumAvailable())('the 2025 review in the browser', () => {
  const env = useBrowserAndHost({ today: '2026-02-10' });

  it('shows three statuses set in the timeline with their verdicts, and exports the same numbers', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    for (const entry of RECORDS) await record(page, entry);

    await page.getByRole('tab', { name: 'Review 2025' }).click();
    await page.getByText('Stand per 31 december 2025').waitFor();
    const cells = (id: string) =>
      page.locator(`tr[data-key="${id}"] td`).evaluateAll((tds) => tds.map((td) => td.textContent?.trim()));
    await expect.poll(() => cells(RECORDS[0].id)).toEqual(expect.arrayContaining(['Op tijd behaald', '0']));
    expect(await cells(RECORDS[1].id)).toEqual(expect.arrayContaining(['Te laat behaald', '1']));
    expect(await cells(RECORDS[2].id)).toEqual(expect.arrayContaining(['Open en over tijd', '1326']));
    expect(await page.locator('.review-overdue li').first().textContent()).toMatch(
      /^Analyse van lacunes in defensie-investeringen\s*1326 dagen over tijd/,
    );
    const card = (key: string) => page.locator(`[data-card="${key}"] .review-card-value`).textContent();
    const onScreen = { due: Number(await card('due')), overdue: Number(await card('overdue')) };

    const json = await download(page, 'JSON');
    expect(json.name).toBe('compass-review-2025-12-31.json');
    const review = JSON.parse(json.text) as Review;
    const verdict = (id: string) => review.items.find((i) => i.key === id);
    expect(verdict(RECORDS[0].id)).toMatchObject({
      verdict: 'on-time',
      delayDays: 0,
      achievedOn: '2022-12-31',
    });
    expect(verdict(RECORDS[1].id)).toMatchObject({ verdict: 'late', delayDays: 1 });
    expect(verdict(RECORDS[2].id)).toMatchObject({ verdict: 'overdue', delayDays: 1326 });
    expect({ due: review.count, overdue: review.totals.overdue }).toEqual(onScreen);
    expect(review.totals).toMatchObject({ 'on-time': 1, late: 1, overdue: 1 });

    const csv = await download(page, 'CSV');
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe(REVIEW_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(review.count + 1);
    expect(rows.find((r) => r.startsWith(`${RECORDS[1].id},`))).toMatch(
      /,late,1,Te laat behaald,2023-01-01,[^,]+,/,
    );

    const md = await download(page, 'Markdown');
    expect(md.text).toMatch(/^# Review van het Strategisch Kompas/);
    expect(md.text).toContain(`| Open en over tijd | 1 |`);
    expect(md.text).toContain(
      `| Toezeggingen met een termijn tot en met 31 december 2025 | ${review.count} |`,
    );

    // As of the first progress report, the one-day-late re-evaluation was already achieved.
    await page.getByRole('button', { name: 'Voortgangsverslag, 20 maart 2023', exact: true }).click();
    await page.getByText('Stand per 20 maart 2023').waitFor();
    expect(await cells(RECORDS[1].id)).toEqual(expect.arrayContaining(['Te laat behaald']));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the review as a PDF without its controls, from the deep link the desktop app prints', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // The desktop app loads this URL in a hidden window and waits with the same script before printToPDF.
    await page.goto(reviewPrintUrl(env.host.url, '2024-03-18'));
    await page.evaluate(reviewReadyScript());
    expect(await page.getByRole('tab', { name: 'Review 2025' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText('Stand per 18 maart 2024').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Exporteer als CSV' }).isVisible()).toBe(false);
    expect(await page.getByRole('tablist').isVisible()).toBe(false);
    expect(await page.getByRole('img', { name: 'Oordelen per hoofdstuk' }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Its first page is a cover: what it is, as of when, by whom, made when (read back by poppler).
    const dir = mkdtempSync(join(tmpdir(), 'compass-pdf-'));
    try {
      writeFileSync(join(dir, 'review.pdf'), pdf);
      const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'review.pdf'), '-'], {
        encoding: 'utf8',
      });
      if (text.error && !process.env.CI) {
        console.warn('skipped the PDF cover check: pdftotext (poppler-utils) is not installed');
      } else {
        expect(text.error).toBeUndefined();
        const cover = text.stdout.replace(/\s+/g, ' ');
        expect(cover).toContain('Strategisch Kompas voor veiligheid en defensie: stand van de uitvoering');
        expect(cover).toMatch(/Stand per 18 maart 2024 Opgesteld door \S.* Gemaakt op \d{1,2} \w+ \d{4}/);
        expect(cover).not.toContain('Exporteer');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await context.close();
  });
});
