/**
 * Importing strategy documents in headless Chromium against the real web host: a Word document
 * (written with the `docx` package) and a PDF (printed by Chromium) made from the extraction
 * fixtures, each read by the real importers in the service. The user reviews the candidates,
 * unticks one, renames one and accepts; the strategy shows in the timeline under its own group
 * and filter, stays after a reload, and is removed only after a confirmation. A text file: three
 * candidates accepted, one with its title, due date and window corrected and one with its kind,
 * each date checked as typed; the timeline and the review show them as edited.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../electron/contract/api';
import { fixtureHtml, printPdf, writeDocx } from '../support/documents';
import {
  chromiumAvailable,
  invoke,
  openApp,
  ROOT,
  row,
  seriousViolations,
  useBrowserAndHost,
} from './timeline-harness';

const EN_TEXT = readFileSync(join(ROOT, 'tests/fixtures/extract/strategy.en.txt'), 'utf8');
const NL_TEXT = readFileSync(join(ROOT, 'tests/fixtures/extract/strategy.nl.txt'), 'utf8');
const EN_SLUG = 'harbour-city-resilience-plan';
const NL_SLUG = 'actieplan-waterveilige-polder';

/** Opens Strategies… → Import a document… and reads `file`; resolves when the candidates show. */
async function importFile(page: Page, file: string) {
  await page.getByRole('button', { name: 'Strategies…' }).click();
  await page.getByRole('button', { name: 'Import a document…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a strategy document' });
  await dialog.getByLabel('Document file (.txt, .md, .pdf, .docx)').setInputFiles(file);
  await dialog.getByRole('table', { name: 'Proposed milestones' }).waitFor();
  return dialog;
}

/** The table's cells of the candidate whose quote holds `text`. */
const candidateRow = (page: Page, text: string) =>
  page.getByRole('table', { name: 'Proposed milestones' }).getByRole('row').filter({ hasText: text });

describe.skipIf(!chromiumAvailable())('importing a strategy document in the browser', () => {
  const env = useBrowserAndHost({ lang: 'en_GB.UTF-8' });
  let dir: string;
  let docx: string;
  let pdf: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'compass-import-e2e-'));
    docx = join(dir, 'harbour-city-plan.docx');
    pdf = join(dir, 'actieplan-polder.pdf');
    await writeDocx(EN_TEXT, docx);
    await printPdf(fixtureHtml(NL_TEXT), pdf);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a DOCX and a PDF, reviews the candidates, and keeps the strategies in the timeline', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    try {
      // The Word document: English, detected.
      let dialog = await importFile(page, docx);
      expect(await dialog.getByLabel('Name of the strategy').inputValue()).toBe(
        'Harbour City Resilience Plan',
      );
      expect(await dialog.getByLabel('Language of the document').inputValue()).toBe('en');
      await dialog.getByText('From harbour-city-plan.docx, dated 10 Jan 2022.').waitFor();

      // Each candidate with its quote (phrase marked), place, section, phrase, dates, kind and actor.
      const siren = candidateRow(page, 'warning siren in every district');
      await expect(siren.locator('mark').textContent()).resolves.toBe('By 2025');
      const sirenCells = await siren.getByRole('cell').allTextContents();
      expect(sirenCells.slice(3, 9)).toEqual([
        expect.stringMatching(/^line \d+$/),
        '2. What we will do',
        'By 2025',
        expect.stringContaining('due 31 Dec 2025'),
        'Deadline',
        '',
      ]);
      // No actor named ("the city will"): the strategy itself, shown as the field's placeholder.
      const sirenActor = siren.getByRole('textbox', { name: /^Actor of candidate \d+/ });
      expect(await sirenActor.inputValue()).toBe('');
      expect(await sirenActor.getAttribute('placeholder')).toBe('Harbour City Resilience Plan');
      expect(sirenCells[6]).toContain('window 1 Jan 2025 – 31 Dec 2025');
      const mayor = candidateRow(page, 'The Mayor will report annually');
      expect((await mayor.getByRole('cell').allTextContents()).slice(6, 8)).toEqual([
        expect.stringContaining('every year from'),
        'Recurring',
      ]);
      const total = await page
        .getByRole('table', { name: 'Proposed milestones' })
        .locator('tbody tr')
        .count();
      expect(total).toBeGreaterThan(10);
      // Dates of the past commit no one.
      expect(await candidateRow(page, 'In 2014 we adopted').count()).toBe(0);

      // Untick one, rename one.
      await candidateRow(page, "volunteers' forum will meet every year").getByRole('checkbox').uncheck();
      const shelters = candidateRow(page, 'register of shelters');
      await shelters.getByRole('textbox', { name: /^Title of candidate/ }).fill('Shelter register published');
      await shelters.getByRole('textbox', { name: /^Actor of candidate/ }).fill('The city council');
      await dialog.getByText(`${total - 1} of ${total} ticked`).waitFor();
      await dialog.getByRole('button', { name: `Accept ${total - 1} milestones` }).click();

      let strategies = page.getByRole('dialog', { name: 'Strategies' });
      await strategies
        .getByText(`Saved “Harbour City Resilience Plan” with ${total - 1} milestones.`)
        .waitFor();
      let snapshot = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      const saved = snapshot.strategies!.find((s) => s.slug === EN_SLUG)!;
      expect(saved.milestoneIds).toHaveLength(total - 1);
      const mine = snapshot.milestones.filter((m) => saved.milestoneIds.includes(m.id));
      expect(mine.find((m) => m.title.en === 'Shelter register published')).toMatchObject({
        title: { nl: 'Shelter register published', en: 'Shelter register published' },
        actor: 'The city council',
      });
      expect(mine.find((m) => m.title.en === 'Have a warning siren in every district')?.actor).toBe(
        'Harbour City Resilience Plan',
      );
      // The quotes are not in the snapshot: the saved strategy file holds them.
      const savedFile = JSON.parse(
        readFileSync(join(env.host.dataDir, 'strategies', `${EN_SLUG}.json`), 'utf8'),
      ) as { milestones: { quote: string }[] };
      expect(savedFile.milestones).toHaveLength(total - 1);
      expect(savedFile.milestones.some((m) => m.quote.includes("volunteers' forum"))).toBe(false);
      expect(mine.some((m) => 'quote' in m)).toBe(false);

      // The Dutch PDF: detected as Dutch, each candidate on its page and line; accept all.
      await strategies.getByRole('button', { name: 'Import a document…' }).click();
      dialog = page.getByRole('dialog', { name: 'Import a strategy document' });
      await dialog.getByLabel('Document file (.txt, .md, .pdf, .docx)').setInputFiles(pdf);
      await dialog.getByRole('table', { name: 'Proposed milestones' }).waitFor();
      expect(await dialog.getByLabel('Language of the document').inputValue()).toBe('nl');
      const places = await dialog.locator('tbody tr td:nth-child(4)').allTextContents();
      expect(places.length).toBeGreaterThan(5);
      for (const place of places) expect(place).toMatch(/^page \d+, line \d+$/);
      expect(new Set(places.map((p) => p.split(',')[0])).size).toBeGreaterThan(1);
      await dialog.getByRole('button', { name: /^Accept \d+ milestones$/ }).click();
      strategies = page.getByRole('dialog', { name: 'Strategies' });
      await strategies.getByText(/^Saved “Actieplan Waterveilige Polder”/).waitFor();
      await strategies.getByRole('button', { name: 'Close' }).click();

      // The timeline: a group per strategy above the Compass's chapters; collapsing the Compass
      // brings the others into view (rows are virtualised).
      const compassGroup = page.locator('[data-row-key="strategy:compass"]');
      expect(await compassGroup.getAttribute('aria-label')).toMatch(
        /^Strategic Compass \(2022\), \d+ milestones$/,
      );
      await page.locator('[data-row-key="chapter:act"][aria-level="2"]').waitFor();
      await compassGroup.click();
      expect(await compassGroup.getAttribute('aria-expanded')).toBe('false');
      await page.locator(`[data-row-key="strategy:${EN_SLUG}"]`).waitFor();
      await page.locator(`[data-row-key="strategy:${NL_SLUG}"]`).waitFor();
      const renamed = mine.find((m) => m.title.en === 'Shelter register published')!;
      await row(page, renamed.id).waitFor();

      // The strategy filter: only that strategy's rows.
      await page.getByRole('button', { name: /^Filters/ }).click();
      await page.getByLabel('Strategy', { exact: true }).selectOption(EN_SLUG);
      await page.locator('[data-milestone-id^="act-"]').first().waitFor({ state: 'detached' });
      expect(await page.locator('[data-row-key="strategy:compass"]').count()).toBe(0);
      expect(await page.locator(`[data-row-key="strategy:${NL_SLUG}"]`).count()).toBe(0);
      await row(page, renamed.id).waitFor();

      // Kept after a reload (the filter too, as every filter is).
      await page.reload();
      await row(page, renamed.id).waitFor();
      await page.getByRole('button', { name: /^Filters/ }).click();
      await page.getByLabel('Strategy', { exact: true }).selectOption('all');
      await page.locator('[data-row-key="strategy:compass"]').waitFor();

      // The review of one strategy counts only its milestones.
      await page.getByRole('tab', { name: 'Review 2025' }).click();
      const reviewPanel = page.locator('#panel-review');
      await reviewPanel.getByLabel('Strategy', { exact: true }).selectOption(EN_SLUG);
      await reviewPanel.getByText('Shelter register published').first().waitFor();
      const review = await invoke<{ count: number; items: { id: string }[] }>(env.host, 'getReview', {
        asOf: '2025-12-31',
        strategy: EN_SLUG,
      });
      expect(review.items.every((i) => i.id.startsWith(`${EN_SLUG}-`))).toBe(true);
      await page.getByRole('tab', { name: 'Timeline' }).click();

      // Removing asks first; keeping it changes nothing.
      await page.getByRole('button', { name: 'Strategies…' }).click();
      strategies = page.getByRole('dialog', { name: 'Strategies' });
      expect(await strategies.getByRole('button', { name: /^Remove Strategic Compass/ }).count()).toBe(0);
      await strategies.getByRole('button', { name: 'Remove Harbour City Resilience Plan…' }).click();
      const confirm = strategies.getByRole('group', { name: 'Remove Harbour City Resilience Plan?' });
      await confirm.getByText(/Your recorded progress stays in your log/).waitFor();
      await confirm.getByRole('button', { name: 'Keep it' }).click();
      snapshot = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      expect(snapshot.strategies!.map((s) => s.slug)).toContain(EN_SLUG);
      await strategies.getByRole('button', { name: 'Remove Harbour City Resilience Plan…' }).click();
      await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
      await strategies.getByText('Removed “Harbour City Resilience Plan”.').waitFor();
      await strategies.getByRole('button', { name: 'Close' }).click();
      await page.locator(`[data-row-key="strategy:${EN_SLUG}"]`).waitFor({ state: 'detached' });
      snapshot = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      expect(snapshot.strategies!.map((s) => s.slug)).toEqual([NL_SLUG]);
      expect(existsSync(join(env.host.dataDir, 'strategies', `${EN_SLUG}.json`))).toBe(false);
      expect(readdirSync(join(env.host.dataDir, 'strategies', 'removed'))).toEqual([
        expect.stringMatching(new RegExp(`^${EN_SLUG}-.*\\.json$`)),
      ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('accepts three candidates, one with its title, date and kind corrected, and shows them as edited', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    const slug = 'harbour-edits';
    try {
      const dialog = await importFile(page, join(ROOT, 'tests/fixtures/extract/strategy.en.txt'));
      await dialog.getByLabel('Name of the strategy').fill('Harbour edits');
      await dialog.getByRole('button', { name: 'Untick all' }).click();
      const siren = candidateRow(page, 'warning siren in every district');
      const map = candidateRow(page, 'new evacuation map');
      const pumps = candidateRow(page, 'pumping station');
      for (const r of [siren, map, pumps]) await r.getByRole('checkbox').check();
      const total = await dialog.locator('tbody tr[data-candidate]').count();
      await dialog.getByText(`3 of ${total} ticked`).waitFor();

      // The siren: a new title, and its due date and window moved (edited in the row's panel).
      await siren.getByRole('textbox', { name: /^Title of candidate/ }).fill('Sirens in every district');
      const sirenEdit = siren.getByRole('button', { name: /^Edit the kind and dates of candidate \d+$/ });
      expect(await sirenEdit.getAttribute('aria-expanded')).toBe('false');
      await sirenEdit.click();
      expect(await sirenEdit.getAttribute('aria-expanded')).toBe('true');
      const sirenPanel = dialog.getByRole('group', {
        name: /^Kind and dates of candidate \d+: Sirens in every district$/,
      });
      expect(await sirenPanel.getByLabel('Kind').inputValue()).toBe('deadline');
      const due = sirenPanel.getByLabel('Due date');
      expect(await due.inputValue()).toBe('2025-12-31');
      expect(await due.getAttribute('type')).toBe('text');
      expect(await due.getAttribute('inputmode')).toBe('numeric');

      // An impossible date: said beside the field and above the button, and nothing can be saved.
      await due.fill('2026-02-30');
      await sirenPanel.getByText('Not a date: type a real day as YYYY-MM-DD, e.g. 2025-12-31.').waitFor();
      expect(await due.getAttribute('aria-invalid')).toBe('true');
      await dialog.getByText(/^Correct the dates of candidate \d+ first/).waitFor();
      await siren.getByText('These dates cannot be saved: correct them under Edit.').waitFor();
      const accept = dialog.getByRole('button', { name: 'Accept 3 milestones' });
      expect(await accept.isDisabled()).toBe(true);
      // Before its start: the schema's check across fields.
      await due.fill('2021-12-31');
      await sirenPanel.getByText('The due date is before the start date.').waitFor();
      expect(await accept.isDisabled()).toBe(true);
      await due.fill('2026-06-30');
      await sirenPanel.getByLabel('Window from (optional)').fill('2026-04-01');
      await sirenPanel.getByLabel('Window until (optional)').fill('2026-06-30');
      expect(await due.getAttribute('aria-invalid')).toBeNull();
      await sirenPanel.getByRole('button', { name: 'Done' }).click();
      // The panel closes and focus goes back to the button that opened it.
      await sirenPanel.waitFor({ state: 'detached' });
      expect(await sirenEdit.evaluate((el) => el === document.activeElement)).toBe(true);
      const sirenDates = (await siren.getByRole('cell').allTextContents())[6];
      expect(sirenDates).toContain('due 30 Jun 2026');
      expect(sirenDates).toContain('window 1 Apr 2026 – 30 Jun 2026');

      // The evacuation map: another kind, with the date that kind has, all from the keyboard.
      await map.getByRole('button', { name: /^Edit the kind and dates of candidate/ }).focus();
      await page.keyboard.press('Enter');
      const mapPanel = dialog.getByRole('group', { name: /^Kind and dates of candidate \d+:/ });
      await mapPanel.getByLabel('Kind').selectOption('start');
      expect(await mapPanel.getByLabel('Due date').count()).toBe(0);
      await mapPanel.getByLabel('Start date').fill('2023-05-01');
      expect((await map.getByRole('cell').allTextContents())[7]).toBe('Start');
      await dialog.getByText(/^Correct the dates/).waitFor({ state: 'detached' });

      await accept.click();
      await page
        .getByRole('dialog', { name: 'Strategies' })
        .getByText('Saved “Harbour edits” with 3 milestones.')
        .waitFor();
      const snapshot = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      const ids = snapshot.strategies!.find((s) => s.slug === slug)!.milestoneIds;
      const mine = snapshot.milestones.filter((m) => ids.includes(m.id));
      expect(mine).toHaveLength(3);
      const sirens = mine.find((m) => m.title.en === 'Sirens in every district')!;
      expect(sirens).toMatchObject({
        title: { nl: 'Sirens in every district', en: 'Sirens in every district' },
        kind: 'deadline',
        due: '2026-06-30',
        window: { from: '2026-04-01', to: '2026-06-30' },
      });
      // The snapshot carries no quotes: the saved file tells which milestone holds which one.
      const file = JSON.parse(readFileSync(join(env.host.dataDir, 'strategies', `${slug}.json`), 'utf8'));
      const byQuote = (words: string) =>
        mine.find(
          (m) => m.id === file.milestones.find((f: { quote: string }) => f.quote.includes(words))?.id,
        )!;
      const evacuation = byQuote('evacuation map');
      expect(evacuation).toMatchObject({ kind: 'start', start: '2023-05-01', due: null, window: null });
      const pumping = byQuote('pumping station');
      expect(pumping).toMatchObject({ kind: 'deadline', due: '2023-06-30' });
      // The file on disk says the same.
      expect(file.milestones.find((m: { id: string }) => m.id === sirens.id).due).toBe('2026-06-30');
      await page.getByRole('dialog', { name: 'Strategies' }).getByRole('button', { name: 'Close' }).click();

      // The timeline, this strategy alone: the three rows, with the edited date and kind.
      await page.getByRole('button', { name: /^Filters/ }).click();
      await page.getByLabel('Strategy', { exact: true }).selectOption(slug);
      await row(page, sirens.id).waitFor();
      expect(await row(page, sirens.id).getAttribute('aria-label')).toMatch(
        /^Sirens in every district, due 30 June 2026, /,
      );
      expect(await row(page, evacuation.id).getAttribute('aria-label')).toContain('from 1 May 2023');
      await row(page, pumping.id).waitFor();
      await page.getByLabel('Strategy', { exact: true }).selectOption('all');

      // The review of this strategy: as of 2025-12-31 the sirens are not due yet (moved to 2026);
      // as of the end of 2026 they are, on the edited date.
      await page.getByRole('tab', { name: 'Review 2025' }).click();
      const reviewPanel = page.locator('#panel-review');
      await reviewPanel.getByLabel('Strategy', { exact: true }).selectOption(slug);
      await reviewPanel.locator(`tr[data-key="${pumping.id}"]`).waitFor();
      await reviewPanel.locator(`tr[data-key="${evacuation.id}"]`).waitFor();
      expect(await reviewPanel.locator(`tr[data-key="${sirens.id}"]`).count()).toBe(0);
      await reviewPanel.getByLabel('Other date').fill('2026-12-31');
      await reviewPanel.getByRole('button', { name: 'Show' }).click();
      const sirenReview = reviewPanel.locator(`tr[data-key="${sirens.id}"]`);
      await sirenReview.waitFor();
      expect(await sirenReview.locator('time').getAttribute('datetime')).toBe('2026-06-30');
      await sirenReview.getByText('Sirens in every district').waitFor();
      const review = await invoke<{ items: { id: string; due: string }[]; notYetDue: string[] }>(
        env.host,
        'getReview',
        { asOf: '2025-12-31', strategy: slug },
      );
      expect(review.notYetDue).toEqual([sirens.id]);
      expect(review.items.map((i) => i.id).sort()).toEqual([evacuation.id, pumping.id].sort());
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('reads pasted text, takes a changed language, and saves it under the name given', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    try {
      await page.getByRole('button', { name: 'Strategies…' }).click();
      await page.getByRole('button', { name: 'Import a document…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import a strategy document' });
      await dialog
        .getByLabel('Or paste the text')
        .fill(
          'Port Development Plan\n\nThe port will open a new quay by 2027. In 2019 the port adopted its first plan.\n',
        );
      await dialog.getByRole('button', { name: 'Read the pasted text' }).click();
      await dialog.getByRole('table', { name: 'Proposed milestones' }).waitFor();
      expect(await dialog.locator('tbody tr').count()).toBe(1);
      expect(await dialog.getByLabel('Name of the strategy').inputValue()).toBe('Port Development Plan');
      await dialog.getByText('Detected from the text; change it if it is wrong.').waitFor();
      await dialog.getByLabel('Language of the document').selectOption('nl');
      await dialog.getByText('As you chose.').waitFor();
      expect(await dialog.getByLabel('Language of the document').inputValue()).toBe('nl');
      await dialog.getByLabel('Name of the strategy').fill('Havenplan');
      await dialog.getByRole('button', { name: 'Accept 1 milestone' }).click();
      await page
        .getByRole('dialog', { name: 'Strategies' })
        .getByText('Saved “Havenplan” with 1 milestone.')
        .waitFor();
      const snapshot = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      expect(snapshot.strategies!.find((s) => s.slug === 'havenplan')).toMatchObject({
        name: 'Havenplan',
        language: 'nl',
        source: { name: 'pasted-text.txt', date: null },
        milestoneIds: [expect.stringMatching(/^havenplan-/)],
      });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a file that cannot be read says why, and nothing is saved', async () => {
    const { page, context } = await openApp(env.browser, env.host);
    try {
      const before = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      await page.getByRole('button', { name: 'Strategies…' }).click();
      await page.getByRole('button', { name: 'Import a document…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import a strategy document' });
      await dialog.getByLabel('Document file (.txt, .md, .pdf, .docx)').setInputFiles({
        name: 'renamed.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]),
      });
      await dialog
        .getByRole('alert')
        .getByText(/not a text file/)
        .waitFor();
      expect(await dialog.getByRole('button', { name: /^Accept/ }).isDisabled()).toBe(true);
      const after = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      expect(after.strategies).toEqual(before.strategies);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the import dialog with its candidates passes axe in the light and the dark theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openApp(env.browser, env.host, { colorScheme });
      try {
        const dialog = await importFile(page, docx);
        await candidateRow(page, 'register of shelters').getByRole('checkbox').uncheck();
        await dialog.getByLabel('Name of the strategy').waitFor();
        // A row's panel open, with a date refused.
        const siren = candidateRow(page, 'warning siren in every district');
        await siren.getByRole('button', { name: /^Edit the kind and dates/ }).click();
        const panel = dialog.getByRole('group', { name: /^Kind and dates of candidate/ });
        await panel.getByLabel('Due date').fill('2025-13-01');
        await panel.getByText(/^Not a date/).waitFor();
        expect(await seriousViolations(page), `${colorScheme}, import dialog`).toEqual([]);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        const strategies = page.getByRole('dialog', { name: 'Strategies' });
        await strategies.waitFor();
        expect(await seriousViolations(page), `${colorScheme}, strategies`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 180_000);
});
