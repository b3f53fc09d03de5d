/**
 * The app's team service (electron/node/team/team-service.ts) behind the app service's API, with a
 * real store on disk and Debian's Radicale on loopback: connecting through `dispatch` (a wrong
 * password is refused with its reason and saves nothing, also over an existing connection), the
 * password kept only sealed or only in memory, automatic sync after a local change and on the
 * timer, colleagues' entries reaching every window, the outbox across an outage and a restart of
 * the service, and dispose stopping every timer.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Snapshot, TeamStatus } from '../../electron/contract/api';
import { createAppService, type AppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { openStateStore, type StateStore } from '../../electron/node/store';
import type { PasswordSeal } from '../../electron/node/team/password';
import { createTeamService, type TeamService } from '../../electron/node/team/team-service';
import { openTeamFile } from '../../electron/node/team/team-state';
import { haveTool, PYTHON, startRadicale, tempDir } from './ical-support';

const haveRadicale = haveTool('Radicale', PYTHON, ['-m', 'radicale', '--version']);
const PASSWORD = 'service-secret-91';
const KEY = 'act-rapid-deployment-capacity';
const dataset = bundledMilestones();

/** A reversible test seal (base64 with a marker), standing in for safeStorage: NOT encryption. */
const TEST_SEAL: PasswordSeal = {
  seal: (p) => `test-seal:${Buffer.from(p).toString('base64')}`,
  open: (s) => Buffer.from(s.replace(/^test-seal:/, ''), 'base64').toString(),
};

interface App {
  store: StateStore;
  team: TeamService;
  service: AppService;
  events: { teamStatus: TeamStatus[]; stateChanged: Snapshot[] };
  call<T>(method: string, input?: unknown): Promise<T>;
  fail(method: string, input?: unknown): Promise<ApiError>;
  dispose(): Promise<void>;
}

function openApp(
  folder: string,
  options: { seal?: PasswordSeal; debounceMs?: number; intervalMs?: number } = {},
): App {
  const store = openStateStore({ cwd: folder });
  const team = createTeamService({
    store,
    dataset,
    seal: options.seal ?? null,
    env: {},
    debounceMs: options.debounceMs ?? 100,
    intervalMs: options.intervalMs,
    log: () => undefined,
  });
  const service = createAppService({
    store,
    catalog: createMilestoneCatalog({ base: dataset }),
    today: () => '2025-06-01',
    systemLocale: () => 'en-GB',
    team,
    publicRecord: null,
  });
  const events: App['events'] = { teamStatus: [], stateChanged: [] };
  service.subscribe((event, payload) => {
    if (event === 'teamStatus') events.teamStatus.push(payload as TeamStatus);
    if (event === 'stateChanged') events.stateChanged.push(payload as Snapshot);
  });
  return {
    store,
    team,
    service,
    events,
    async call<T>(method: string, input: unknown = {}) {
      const result = await service.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    },
    async fail(method: string, input: unknown = {}) {
      const result = await service.dispatch(method, input);
      if (result.ok) throw new Error(`${method} was expected to fail`);
      return result.error;
    },
    dispose: () => team.dispose(),
  };
}

const record = (app: App, status: 'planned' | 'in-progress') =>
  app.call<Snapshot>('appendLogEntry', { key: KEY, status, note: `note ${randomUUID()}` });

describe.skipIf(!haveRadicale)('the team service behind the API', { timeout: 120_000 }, () => {
  const dir = tempDir('team-service');
  let server: Awaited<ReturnType<typeof startRadicale>>;
  const folders = { a: join(dir.path, 'anna'), b: join(dir.path, 'bert') };
  const open: App[] = [];
  const app = (folder: string, options?: Parameters<typeof openApp>[1]) => {
    const made = openApp(folder, options);
    open.push(made);
    return made;
  };

  beforeAll(async () => {
    server = await startRadicale(join(dir.path, 'radicale'), { team: PASSWORD });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(open.map((a) => a.dispose()));
    await server?.stop();
    dir.remove();
  });

  it('refuses a wrong password with its reason, and saves nothing', async () => {
    const a = app(folders.a, { seal: TEST_SEAL });
    const error = await a.fail('connectTeam', { serverUrl: server.url, user: 'team', password: 'wrong' });
    expect(error).toMatchObject({ code: 'invalid-input', team: 'auth' });
    expect(error.message).toMatch(/refused the user name or password \(401/);
    expect(existsSync(join(folders.a, 'team.json'))).toBe(false);
    expect((await a.call<TeamStatus>('getTeamStatus')).connection).toBeNull();
    // Plain http to another computer is refused before anything is sent.
    const insecure = await a.fail('connectTeam', {
      serverUrl: 'http://calendar.example.org/',
      user: 'team',
      password: PASSWORD,
    });
    expect(insecure).toMatchObject({ code: 'invalid-input', team: 'insecure' });
    // Bad input never reaches the engine.
    expect(await a.fail('connectTeam', { serverUrl: '', user: 'team', password: PASSWORD })).toMatchObject({
      code: 'invalid-input',
    });
    expect(existsSync(join(folders.a, 'team.json'))).toBe(false);
  });

  it('connects with the password sealed, syncs on connect and after each change, and never stores it in clear', async () => {
    const a = app(folders.a, { seal: TEST_SEAL });
    const connected = await a.call<TeamStatus>('connectTeam', {
      serverUrl: server.url,
      user: 'team',
      password: PASSWORD,
    });
    expect(connected).toMatchObject({
      connection: { user: 'team', progressUrl: `${server.url}team/compass-progress/` },
      password: 'sealed',
      canSeal: true,
    });
    // The first round runs by itself after connecting.
    await expect.poll(() => a.team.status().lastSync, { timeout: 60_000 }).not.toBeNull();
    const text = readFileSync(join(folders.a, 'team.json'), 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(openTeamFile(folders.a).read().connection?.sealedPassword).toBe(TEST_SEAL.seal(PASSWORD));

    await record(a, 'in-progress');
    expect(a.team.status().pending).toBe(1);
    // The change starts a round after the debounce, without anyone asking.
    await expect.poll(() => a.team.status().lastSync?.sent, { timeout: 30_000 }).toBe(1);
    expect(a.team.status()).toMatchObject({ pending: 0, syncing: false, lastError: null });
    expect(a.events.teamStatus.some((s) => s.syncing)).toBe(true);

    // A wrong password over a working connection changes nothing either.
    const before = readFileSync(join(folders.a, 'team.json'), 'utf8');
    expect(
      await a.fail('connectTeam', { serverUrl: server.url, user: 'team', password: 'wrong' }),
    ).toMatchObject({ team: 'auth' });
    expect(readFileSync(join(folders.a, 'team.json'), 'utf8')).toBe(before);
  });

  it('brings a colleague’s entries into every window, and keeps the outbox through an outage and a restart', async () => {
    // Bert's app has no seal: the password stays in memory.
    const b = app(folders.b);
    const connected = await b.call<TeamStatus>('connectTeam', {
      serverUrl: server.url,
      user: 'team',
      password: PASSWORD,
    });
    expect(connected.password).toBe('memory');
    await expect.poll(() => b.team.status().lastSync?.received, { timeout: 60_000 }).toBe(1);
    expect(b.events.stateChanged.at(-1)?.progress[KEY]?.changes).toBe(1);
    expect(b.store.read().log.map((e) => e.key)).toEqual([KEY]);
    expect(readFileSync(join(folders.b, 'team.json'), 'utf8')).not.toContain(PASSWORD);

    // Down: Bert records; the round fails in words, the entry waits in the outbox.
    await server.kill();
    await record(b, 'planned');
    const failed = await b.call<TeamStatus>('syncTeam');
    expect(failed.lastError).toMatchObject({ problem: 'network' });
    expect(failed.lastError?.message).toMatch(/Cannot reach the server/);
    expect(failed.pending).toBe(1);

    // Bert's app quits (without a seal, the password is gone with it); the outbox is on disk.
    await b.dispose();
    const again = app(folders.b);
    expect(again.team.status()).toMatchObject({ password: 'none', pending: 1 });
    const noPassword = await again.call<TeamStatus>('syncTeam');
    expect(noPassword.lastError).toMatchObject({ problem: 'no-password' });
    await server.start();
    await again.call('connectTeam', { serverUrl: server.url, user: 'team', password: PASSWORD });
    expect(again.team.status().lastError).toBeNull();
    await expect
      .poll(() => again.team.status(), { timeout: 60_000 })
      .toMatchObject({ pending: 0, syncing: false, lastError: null, lastSync: { sent: 1 } });

    // Anna's app (restarted, the password sealed) gets it when it starts, and the next one on its
    // timer, with no change of its own.
    const a = app(folders.a, { seal: TEST_SEAL, intervalMs: 300 });
    expect(a.team.status().password).toBe('sealed');
    a.team.start();
    await expect
      .poll(() => a.events.stateChanged.at(-1)?.progress[KEY]?.changes, { timeout: 60_000 })
      .toBe(2);
    expect(a.store.read().log).toHaveLength(2);
    await record(again, 'in-progress');
    await expect
      .poll(() => a.events.stateChanged.at(-1)?.progress[KEY]?.changes, { timeout: 60_000 })
      .toBe(3);

    // Disconnect forgets the connection and the sealed password; the log stays.
    await a.dispose();
    const status = await again.call<TeamStatus>('disconnectTeam');
    expect(status).toMatchObject({ connection: null, pending: 0, password: 'none' });
    expect(openTeamFile(folders.b).read().connection).toBeNull();
    expect(again.store.read().log).toHaveLength(3);
  });

  it('stops every timer on dispose: no round after it', async () => {
    const a = app(folders.a, { seal: TEST_SEAL, intervalMs: 50 });
    await a.call('connectTeam', { serverUrl: server.url, user: 'team', password: PASSWORD });
    a.team.start();
    const lastSync = () => openTeamFile(folders.a).read().lastSync?.at;
    // Running: the 50 ms timer starts round after round.
    await expect.poll(() => a.team.status().syncing, { timeout: 30_000 }).toBe(false);
    const first = lastSync();
    await expect.poll(lastSync, { timeout: 30_000 }).not.toBe(first);
    await a.dispose();
    expect(a.team.status().syncing).toBe(false);
    const last = lastSync();
    a.team.localChanged();
    a.team.wake();
    expect((await a.call<TeamStatus>('syncTeam')).syncing).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(lastSync()).toBe(last);
  });
});
