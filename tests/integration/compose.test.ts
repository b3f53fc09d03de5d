/**
 * The composition root (electron/node/compose.ts) as the web host uses it, on a real store, the
 * real reminder engine (node-schedule), the real feed server and the web host's HTTP server: one
 * dispose() leaves no timer, interval, server or socket behind (tracked with async_hooks from
 * before the root was made), closes both ports and stops listening for changes.
 */
import { createHook } from 'node:async_hooks';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import schedule from 'node-schedule';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../electron/contract/api';
import { composeApp, openData, type AppRoot } from '../../electron/node/compose';
import { extractCommitments } from '../../electron/core/extract';
import { candidatesToMilestones, STRATEGY_FORMAT } from '../../electron/core/strategy';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { saveStrategy } from '../../electron/node/strategies';
import { createWebHostServer } from '../../electron/node/web-host/server';

const TRACKED = new Set(['Timeout', 'TCPSERVERWRAP', 'TCPWRAP', 'Immediate']);
const APP = /electron\/(node|core)\/|node-schedule/;
/** Made by this test's own waiting and probing, or by the test runner: not the app's. */
const NOT_THE_APP = /compose\.test\.ts|node_modules\/(vitest|@vitest|tinypool|birpc)/;

/**
 * Every timer, server and socket the app's code creates from now on that has not been destroyed
 * (cleared, fired, closed), with where it was made.
 */
function trackResources() {
  const alive = new Map<number, string>();
  const hook = createHook({
    init(id, type) {
      if (!TRACKED.has(type)) return;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40;
      // Without the first lines: the error's and this hook's own.
      const frames = (new Error().stack ?? '').split('\n').slice(2);
      Error.stackTraceLimit = limit;
      const stack = frames.join('\n');
      if (NOT_THE_APP.test(stack) && !APP.test(stack)) return;
      const where = frames.find((line) => APP.test(line) || !line.includes('node:'));
      alive.set(
        id,
        `${type} ${where?.trim() ?? '(made by Node itself, e.g. a server accepting a connection)'}`,
      );
    },
    destroy(id) {
      alive.delete(id);
    },
  }).enable();
  return {
    alive: () => [...alive.values()].sort(),
    stop: () => hook.disable(),
  };
}

/** Whether something accepts connections on 127.0.0.1:port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** A GET without keep-alive (no socket left in a pool). */
const getText = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

const until = async (test: () => boolean | Promise<boolean>, ms = 5000) => {
  for (let waited = 0; waited < ms; waited += 20) {
    if (await test()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return test();
};

/** Lets destroy hooks of closed handles run (they are emitted on later turns of the loop). */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
};

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'compass-compose-'));
  dirs.push(dir);
  return dir;
};

function webHostRoot(dataDir: string): AppRoot {
  return composeApp({
    dataDir,
    dataset: { savedStrategies: true },
    today: () => '2025-06-01',
    systemLocale: () => 'en-GB',
    platform: 'web',
    env: {},
  });
}

describe('the composition root', () => {
  it('after dispose() leaves no timer, interval, server or socket, and both ports are closed', async () => {
    const dir = tempDir();
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
    const feedPort = await freePort();
    const jobsBefore = Object.keys(schedule.scheduledJobs).length;

    const resources = trackResources();
    try {
      const root = webHostRoot(join(dir, 'data'));
      // As web-host/main.ts: its HTTP server is one more part the root tears down.
      const server: Server = createWebHostServer({
        service: root.service,
        rendererDir: renderer,
        token: 't',
      });
      root.disposables.addFn(
        () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      );
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const hostPort = (server.address() as AddressInfo).port;
      root.start();

      // The feed follows the settings through the root's subscription: on, then served.
      await root.api.updateSettings({
        feed: { ...root.store.read().settings.feed, enabled: true, port: feedPort },
      });
      expect(root.store.read().settings.feed.enabled).toBe(true);
      expect(await until(() => root.feed.urls() !== null)).toBe(true);
      const feed = await getText(root.feed.urls()!.http);
      expect(feed.status).toBe(200);
      expect(feed.body).toContain('BEGIN:VCALENDAR');
      expect(await listening(hostPort)).toBe(true);
      // The reminder engine armed its next run; the watchdog ticks every minute.
      expect(Object.keys(schedule.scheduledJobs).length).toBeGreaterThan(jobsBefore);
      expect(resources.alive().some((r) => r.startsWith('Timeout'))).toBe(true);
      // The feed's server and the web host's (both made by Node after resolving the address).
      expect(resources.alive().filter((r) => r.startsWith('TCPSERVERWRAP'))).toHaveLength(2);

      await root.dispose();
      await settle();

      expect(await listening(feedPort)).toBe(false);
      expect(await listening(hostPort)).toBe(false);
      expect(root.feed.urls()).toBeNull();
      expect(Object.keys(schedule.scheduledJobs)).toHaveLength(jobsBefore);

      // Nothing listens any more: a change turns no feed on, plans no reminder, syncs nothing.
      const events: string[] = [];
      root.service.subscribe((event) => events.push(event));
      await root.service.dispatch('updateSettings', {
        feed: { ...root.store.read().settings.feed, enabled: true, port: feedPort },
      });
      await settle();
      expect(await listening(feedPort)).toBe(false);
      expect(events).toEqual(['stateChanged']);
      expect(Object.keys(schedule.scheduledJobs)).toHaveLength(jobsBefore);
      // Short-lived timers end by themselves (Node's cache of the HTTP Date header lives a
      // second); what stays is a leak: an interval, a server, an armed reminder or sync timer.
      await until(() => resources.alive().length === 0, 3000);
      expect(resources.alive()).toEqual([]);

      // A second dispose() is the first one.
      expect(root.dispose()).toBe(root.dispose());
    } finally {
      resources.stop();
    }
  });

  it('gives one list of all milestones, the dataset then the own ones, to the API, the catalog and the CLI’s data', async () => {
    const dataDir = tempDir();
    const root = webHostRoot(dataDir);
    const own = {
      id: 'own-national-plan',
      own: true as const,
      chapter: 'invest' as const,
      section: 'Nationaal',
      title: { nl: 'Nationaal plan', en: 'National plan' },
      datePhrase: null,
      kind: 'deadline' as const,
      start: '2025-01-01',
      due: '2025-09-30',
      window: null,
      recurrence: null,
      actor: 'Member States',
    };
    // A change answers its revision; the state comes as the stateChanged event.
    const told: Snapshot[] = [];
    root.api.on('stateChanged', (snapshot) => told.push(snapshot));
    const { revision } = await root.api.saveOwnMilestone(own);
    const saved = told.find((snapshot) => snapshot.revision === revision)!;
    const compass = bundledMilestones();
    const ids = (list: readonly { id: string }[]) => list.map((m) => m.id);
    expect(ids(saved.milestones)).toEqual([...ids(compass), own.id]);
    expect(ids(root.catalog.all(root.store.read()))).toEqual(ids(saved.milestones));
    // The CLI's data, through the same root, sees the same list.
    expect(ids(openData({ dataDir }).milestones())).toEqual(ids(saved.milestones));
    await root.dispose();
  });

  it('takes the dataset choice: the apps follow saved strategies, the CLI only when --strategy names them', async () => {
    const dataDir = tempDir();
    const slug = 'harbour';
    const text = readFileSync(join(__dirname, '../fixtures/extract/strategy.en.txt'), 'utf8');
    const { candidates, language, documentDate } = extractCommitments(text);
    saveStrategy(dataDir, slug, () => ({
      format: STRATEGY_FORMAT,
      version: 1,
      slug,
      name: 'Harbour plan',
      source: { name: 'strategy.en.txt', date: documentDate },
      language,
      milestones: candidatesToMilestones(candidates, { slug, defaultActor: slug }).map((b) => b.milestone),
    }));
    const compass = bundledMilestones().length;
    const count = (choice: Parameters<typeof openData>[0]['dataset']) =>
      openData({ dataDir, dataset: choice }).catalog().dataset().length;

    expect(count({})).toBe(compass); // the CLI's default
    const withSaved = openData({ dataDir, dataset: { savedStrategies: true } }).catalog();
    expect(withSaved.dataset().length).toBeGreaterThan(compass);
    expect(withSaved.strategiesDir).toBe(dataDir);
    expect([...new Set(withSaved.strategyNames().values())]).toEqual(['Harbour plan']);
    // --strategy fixes the list: saved strategies no longer follow, and the UI cannot add any.
    const all = openData({ dataDir, dataset: { strategy: 'all', savedStrategies: true } }).catalog();
    expect(all.dataset()).toHaveLength(withSaved.dataset().length);
    expect(all.strategiesDir).toBeNull();
    expect(count({ strategy: slug })).toBe(withSaved.dataset().length - compass);
    expect(() => openData({ dataDir, dataset: { strategy: 'nope' } }).catalog()).toThrow(
      /No saved strategy "nope"/,
    );

    // The app's root reads the same choice: its snapshot lists the saved strategy.
    const root = webHostRoot(dataDir);
    const snapshot = await root.api.getSnapshot({});
    expect(snapshot.milestones).toHaveLength(withSaved.dataset().length);
    expect(snapshot.strategies?.map((s) => s.slug)).toEqual([slug]);
    await root.dispose();
  });
});
