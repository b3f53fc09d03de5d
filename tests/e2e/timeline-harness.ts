/**
 * End-to-end harness: the real web host (real core, store and scheduler) as a child process with
 * a temporary data folder and a fixed day, and Debian's Chromium driven by playwright-core.
 * Without Chromium the tests fail under CI=true and skip (with the reason printed) elsewhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TODAY = '2024-06-15';

/** Whether the browser tests can run; prints why not, and throws under CI where they must. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `Chromium not found at ${CHROMIUM} (install Debian's "chromium" package: bash scripts/install-test-tools.sh)`;
  if (process.env.CI === 'true')
    throw new Error(`${reason}; the end-to-end tests cannot run under CI without it.`);
  console.warn(`Skipping the timeline end-to-end tests: ${reason}.`);
  return false;
}

export interface WebHost {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `electron/node/web-host/main.ts` on a free port and resolves with the URL it prints
 * (token included). The system language is Dutch unless `lang` says otherwise.
 */
export async function startWebHost(options: { today?: string; lang?: string; milestones?: string } = {}) {
  if (!existsSync(join(ROOT, 'out/renderer/index.html')))
    throw new Error(
      'out/renderer is missing: run "npm run build" before the end-to-end tests (npm test does).',
    );
  const dataDir = mkdtempSync(join(tmpdir(), 'compass-e2e-'));
  const lang = options.lang ?? 'nl_NL.UTF-8';
  const args = [
    join(ROOT, 'electron/node/web-host/main.ts'),
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--today',
    options.today ?? TODAY,
    ...(options.milestones ? ['--milestones', options.milestones] : []),
  ];
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    env: { ...process.env, LANG: lang, LC_ALL: lang },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, origin: new URL(url).origin, dataDir, stop } satisfies WebHost;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Opens the app and waits until the timeline shows its rows. */
export async function openApp(
  browser: Browser,
  host: WebHost,
  options: { colorScheme?: 'light' | 'dark' } = {},
) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  await page.locator('[data-milestone-id]').first().waitFor();
  return { page, context, errors };
}

export const row = (page: Page, id: string) => page.locator(`[data-milestone-id="${id}"]`);

/** Calls the web host's API directly (the same bridge the page uses), e.g. to prepare state. */
export async function invoke<T = unknown>(host: WebHost, method: string, input: unknown): Promise<T> {
  const token = new URL(host.url).searchParams.get('token')!;
  const response = await fetch(`${host.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-compass-token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

/**
 * For a describe block: starts the web host and Chromium before its tests and stops both after.
 * The returned object's `host` and `browser` are set once the block's tests run.
 */
export function useBrowserAndHost(options: Parameters<typeof startWebHost>[0] = {}) {
  const env = {} as { host: WebHost; browser: Browser };
  beforeAll(async () => {
    [env.host, env.browser] = await Promise.all([startWebHost(options), launchChromium()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.host?.stop();
  });
  return env;
}

/** Serious or critical WCAG 2.1 AA violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
