/**
 * A team's own public record imported from Settings, in headless Chromium against the real web
 * host: after a confirmation the team's entry shows in the detail panel's Public record block
 * (and replaces the bundled record); a malformed file is refused with a clear error beside the
 * button and changes nothing, neither the layer nor the data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../electron/contract/api';
import type { PublicRecordFile } from '../../electron/core/public-record';
import {
  chromiumAvailable,
  invoke,
  openApp,
  ROOT,
  row,
  seriousViolations,
  useBrowserAndHost,
} from './timeline-harness';

/** The progress log in the store on disk (the snapshot carries none). */
const storedLog = (dataDir: string): unknown[] => {
  const file = join(dataDir, 'config.json');
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { log?: unknown[] }).log ?? []) : [];
};
const bundled = JSON.parse(readFileSync(join(ROOT, 'data/public-record.json'), 'utf8')) as PublicRecordFile;
const space = bundled.entries.find((e) => e.key === 'secure-space-strategy')!;
const TEAM_NOTE =
  'Checked by our unit against the joint communication itself; the Council welcomed it later.';

/** A team record: one entry, the bundled Space Strategy entry as the team wrote it up. */
const teamRecord: PublicRecordFile = {
  format: bundled.format,
  version: bundled.version,
  asOf: '2026-11-30',
  entries: [{ ...space, id: 'team-j5-space-strategy-1', author: 'Unit J5', note: TEAM_NOTE }],
};

/** Picks a file in the team-record section of Settings and confirms the dialog. */
async function importFile(page: Page, name: string, content: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Team public record' });
  await section.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  const dialog = page.getByRole('dialog', { name: 'Use this team record?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(name);
  await dialog.getByRole('button', { name: 'Yes, use this record' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

describe.skipIf(!chromiumAvailable())("a team's public record imported from Settings", () => {
  const env = useBrowserAndHost({ today: '2026-12-10', lang: 'en_GB.UTF-8' });

  it('refuses a malformed file with a clear error, then uses a good one in the detail panel', async () => {
    const { page, context, errors } = await openApp(env.browser, env.host);
    try {
      const before = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      const logBefore = storedLog(env.host.dataDir);
      await page.getByRole('tab', { name: 'Settings' }).click();
      const section = page.getByRole('region', { name: 'Team public record' });
      await section
        .getByText(`The public record in use has ${bundled.entries.length} entries, as of 2 December 2026.`)
        .waitFor();

      // Not JSON at all.
      await importFile(page, 'broken.json', '{"format": "compass-timeline/public-record", ');
      const alert = section.getByRole('alert');
      await alert.getByText(/^Import failed, nothing was changed: broken\.json is not valid JSON/).waitFor();

      // JSON in the right format, but naming a milestone the dataset lacks.
      const unknown = {
        ...teamRecord,
        entries: [{ ...teamRecord.entries[0]!, key: 'no-such-milestone' }],
      };
      await importFile(page, 'unknown.json', JSON.stringify(unknown));
      await alert.getByText(/unknown\.json does not fit the milestones dataset/).waitFor();
      expect(await alert.textContent()).toContain('no milestone "no-such-milestone"');
      expect(await seriousViolations(page)).toEqual([]);

      const after = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      expect(after.publicRecord).toEqual(before.publicRecord);
      expect(after.progress).toEqual(before.progress);
      expect(storedLog(env.host.dataDir)).toEqual(logBefore);
      expect(existsSync(join(env.host.dataDir, 'public-record.json'))).toBe(false);

      // A good team record: confirmed, stored in the data folder and used at once.
      await importFile(page, 'team-record.json', JSON.stringify(teamRecord));
      await section
        .getByRole('status')
        .getByText('Team record imported: 1 entry, as of 30 November 2026.')
        .waitFor();
      await section.getByText('The public record in use has 1 entry, as of 30 November 2026.').waitFor();
      const stored = JSON.parse(
        readFileSync(join(env.host.dataDir, 'public-record.json'), 'utf8'),
      ) as PublicRecordFile;
      expect(stored.entries.map((e) => e.id)).toEqual(['team-j5-space-strategy-1']);

      await page.getByRole('tab', { name: 'Timeline' }).click();
      await page.getByRole('searchbox').fill('Space Strategy');
      await row(page, 'secure-space-strategy').click();
      const block = page.getByRole('dialog').getByRole('region', { name: 'Public record' });
      await block.getByText(TEAM_NOTE).waitFor();
      await page.keyboard.press('Escape');

      // The team's record replaces the bundled one: an entry only the bundled record has is gone.
      await page.getByRole('searchbox').fill('Cyber Defence');
      await row(page, 'secure-cyber-defence-policy').click();
      await page.getByRole('dialog').getByRole('heading').first().waitFor();
      expect(await page.getByRole('dialog').getByRole('region', { name: 'Public record' }).count()).toBe(0);

      const final = await invoke<Snapshot>(env.host, 'getSnapshot', {});
      expect(final.progress).toEqual(before.progress);
      expect(storedLog(env.host.dataDir)).toEqual(logBefore);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
