/**
 * The public record in headless Chromium against the real web host: a new user sees the record's
 * entry for the EU Space Strategy with its sources, adopts it in one action, and the review can be
 * computed from the public record.
 */
import { describe, expect, it } from 'vitest';
import type { MilestoneDetail } from '../../electron/contract/api';
import {
  chromiumAvailable,
  invoke,
  openApp,
  row,
  seriousViolations,
  useBrowserAndHost,
} from './timeline-harness';

describe.skipIf(!chromiumAvailable())('the public record in the browser', () => {
  const env = useBrowserAndHost({ today: '2026-12-10', lang: 'en_GB.UTF-8' });

  it('shows the record with its sources, adopts it into the log, and reviews from it', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    try {
      await page.getByRole('searchbox').fill('Space Strategy');
      await row(page, 'secure-space-strategy').click();
      const panel = page.getByRole('dialog');
      const block = panel.getByRole('region', { name: 'Public record' });
      await block.waitFor();
      const link = block.getByRole('link', { name: /EU Space Strategy for Security and Defence/ }).first();
      expect(await link.getAttribute('href')).toMatch(/^https:\/\//);

      await block.getByRole('button', { name: /^Adopt the public record's entry/ }).click();
      await block.getByText('Your log already says this.').waitFor();
      await panel
        .getByTestId('log-entries')
        .getByText(/^From the public record: /)
        .waitFor();
      const detail = await invoke<MilestoneDetail>(env.host, 'getMilestoneDetail', {
        id: 'secure-space-strategy',
      });
      expect(detail.log).toEqual([
        expect.objectContaining({ key: 'secure-space-strategy', status: 'achieved', on: '2023-03-10' }),
      ]);

      await page.getByRole('tab', { name: 'Review 2025' }).click();
      await page.getByRole('radio', { name: 'The public record', exact: true }).check();
      await page.getByText('Computed from: The public record').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the Public record block and the source choice pass axe in the light and the dark theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openApp(env.browser, env.host, { colorScheme });
      try {
        await page.getByRole('searchbox').fill('Cyber Defence');
        await row(page, 'secure-cyber-defence-policy').click();
        await page.getByRole('dialog').getByRole('region', { name: 'Public record' }).waitFor();
        expect(await seriousViolations(page), `${colorScheme}, detail panel`).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByRole('tab', { name: 'Review 2025' }).click();
        await page.getByRole('radio', { name: /^Ours, then the public record/ }).check();
        await page.getByText(/^Computed from: Ours, then/).waitFor();
        expect(await seriousViolations(page), `${colorScheme}, review`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 180_000);
});
