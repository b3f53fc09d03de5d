/**
 * Settings → Team in headless Chromium through the web host, against a real Radicale on loopback
 * (htpasswd, started and stopped here): a wrong password says so and saves nothing; connecting
 * finds or creates the collections; an entry recorded in the UI is sent by the automatic sync
 * after the change; a second colleague (the real CLI in its own data folder) receives it, records
 * one of their own, and "Sync now" brings it into the app; the password is nowhere on disk;
 * Disconnect keeps the log. The team section passes axe in both themes, as a form and connected.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../electron/node/store';
import { openTeamFile } from '../../electron/node/team/team-state';
import { haveTool, PYTHON, startRadicale, tempDir } from '../integration/ical-support';
import { cli } from '../support/cli';
import { chromiumAvailable, invoke, openApp, row, useBrowserAndHost } from './timeline-harness';

const PASSWORD = 'team-secret-7f3a';
const KEY = 'act-rapid-deployment-capacity';
const haveRadicale = haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version']);

/** Serious or critical WCAG 2.1 AA violations in the team section, in the light and the dark theme. */
async function teamViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(colorScheme);
    const results = await new AxeBuilder({ page })
      .include('.settings-team')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    for (const v of results.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(
          `${colorScheme}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Every file under a folder, with its text (to show the password is in none of them). */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }));
}

describe.skipIf(!chromiumAvailable() || !haveRadicale)(
  'the team connection in Settings',
  { timeout: 180_000 },
  () => {
    const env = useBrowserAndHost({ lang: 'en_GB.UTF-8' });
    const dir = tempDir('team-e2e');
    const colleague = join(dir.path, 'bert');
    let server: Awaited<ReturnType<typeof startRadicale>>;

    beforeAll(async () => {
      server = await startRadicale(join(dir.path, 'radicale'), { team: PASSWORD });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      dir.remove();
    });

    it('connects, syncs what is recorded in the UI, and shows a colleague’s entry', async () => {
      await invoke(env.host, 'updateSettings', { author: 'Anna de Vries' });
      const { page, context, errors } = await openApp(env.browser, env.host);
      try {
        await page.getByRole('tab', { name: 'Settings' }).click();
        const team = page.locator('.settings-team');
        await team.getByRole('heading', { name: 'Team (CalDAV)' }).waitFor();
        await team.locator('summary', { hasText: 'More options' }).click();
        expect(await teamViolations(page)).toEqual([]);

        // Empty fields are named, nothing is sent.
        await team.getByRole('button', { name: 'Connect', exact: true }).click();
        expect(await team.getByText('Fill in the server address.').count()).toBe(1);
        expect(await team.getByRole('textbox', { name: 'Server address' }).getAttribute('aria-invalid')).toBe(
          'true',
        );

        // A wrong password: a clear message, and nothing saved.
        await team.getByRole('textbox', { name: 'Server address' }).fill(server.url);
        await team.getByRole('textbox', { name: 'User name' }).fill('team');
        await team.getByLabel('Password or app token').fill('not-the-password');
        await team.getByRole('button', { name: 'Connect', exact: true }).click();
        const alert = team.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain('The server refused the user name or password.');
        await alert.getByText('Technical details').click();
        expect(await alert.textContent()).toMatch(/401/);
        expect(readdirSync(env.host.dataDir)).not.toContain('team.json');
        expect((await invoke<{ connection: unknown }>(env.host, 'getTeamStatus', {})).connection).toBeNull();

        // The right one: the collections are created, a first sync runs.
        await team.getByLabel('Password or app token').fill(PASSWORD);
        await team.getByRole('button', { name: 'Connect', exact: true }).click();
        const progressUrl = `${server.url}team/compass-progress/`;
        await team.getByText(progressUrl, { exact: true }).waitFor();
        expect(await team.getByText(`${server.url}team/compass-deadlines/`, { exact: true }).count()).toBe(1);
        expect(await team.getByText('kept only until the app closes').count()).toBe(1);
        const status = team.getByRole('status').filter({ hasText: 'waiting to be sent' });
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Last synced .*: 0 sent/);
        expect(await status.textContent()).toContain('0 changes waiting to be sent.');
        expect(await teamViolations(page)).toEqual([]);

        // Record an entry in the UI: the sync after the change sends it, without a click.
        await page.getByRole('tab', { name: 'Timeline' }).click();
        await page.getByRole('searchbox', { name: 'Search' }).fill('Rapid Deployment Capacity fully');
        await row(page, KEY).click();
        const panel = page.getByRole('dialog', { name: 'EU Rapid Deployment Capacity fully operational' });
        await panel.getByLabel('Status', { exact: true }).selectOption('in-progress');
        await panel.getByRole('button', { name: 'Save entry' }).click();
        await panel.getByText('Entry saved.').waitFor();
        await page.getByRole('tab', { name: 'Settings' }).click();
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/: 1 sent, 0 received\./);
        expect(await status.textContent()).toContain('0 changes waiting to be sent.');

        // The password is in no file of the data folder.
        for (const file of filesUnder(env.host.dataDir)) expect(file.text, file.path).not.toContain(PASSWORD);

        // A colleague with the CLI, in a data folder of their own, gets Anna's entry and records one.
        const secret = { COMPASS_TIMELINE_PASSWORD: PASSWORD };
        expect(
          cli(['team', 'connect', server.url, '--user', 'team', '--data-dir', colleague], secret).code,
        ).toBe(0);
        const first = cli(['sync', '--once', '--json', '--data-dir', colleague], secret);
        expect(first.code, first.stderr).toBe(0);
        expect(JSON.parse(first.stdout)).toMatchObject({ received: 1 });
        const theirs = openStateStore({ cwd: colleague }).read().log;
        expect(theirs.map((e) => [e.key, e.author])).toEqual([[KEY, 'Anna de Vries']]);
        const recorded = cli(
          [
            'status',
            KEY,
            'achieved',
            '--on',
            '2024-05-14',
            '--note',
            'Declared operational',
            '--author',
            'Bert Jansen',
            '--data-dir',
            colleague,
          ],
          secret,
        );
        expect(recorded.code, recorded.stderr).toBe(0);
        expect(cli(['sync', '--once', '--data-dir', colleague], secret).code).toBe(0);

        // Sync now brings Bert's entry into the app, and the timeline shows it.
        await team.getByRole('button', { name: 'Sync now' }).click();
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/: 0 sent, 1 received\./);
        const log = openStateStore({ cwd: env.host.dataDir }).read().log;
        expect(log.map((e) => e.author).sort()).toEqual(['Anna de Vries', 'Bert Jansen']);
        await page.getByRole('tab', { name: 'Timeline' }).click();
        await row(page, KEY).click();
        await expect.poll(() => panel.getByTestId('log-entries').textContent()).toMatch(/Bert Jansen/);
        expect(await panel.getByTestId('log-entries').textContent()).toContain('Declared operational');
        await page.keyboard.press('Escape');

        // Disconnect forgets the server; the log stays.
        await page.getByRole('tab', { name: 'Settings' }).click();
        await team.getByRole('button', { name: 'Disconnect' }).click();
        await team.getByRole('button', { name: 'Connect', exact: true }).waitFor();
        expect(openTeamFile(env.host.dataDir).read().connection).toBeNull();
        expect(openStateStore({ cwd: env.host.dataDir }).read().log).toHaveLength(2);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  },
);
