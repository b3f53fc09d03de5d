/**
 * The preload bridge (window.compass). Its transport is the one stand-in here: instead of
 * ipcRenderer + ipcMain, it calls the real IPC gate and the real app service directly.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_METHODS,
  CHANGE_METHODS,
  type ApiEvent,
  type ApiEventPayloads,
  type CompassWire,
  type Snapshot,
} from '../../electron/contract/api';
import { APP_INDEX_URL } from '../../electron/main/identity';
import { guardedInvoke } from '../../electron/main/ipc-guard';
import { APP_ORIGIN } from '../../electron/main/security-policy';
import { createAppService, type AppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { loadMilestones } from '../../electron/node/milestones-source';
import { openStateStore } from '../../electron/node/store';
import {
  createBridge,
  STATE_EVENT_WAIT_MS,
  withStateReplies,
  type BridgeTransport,
} from '../../electron/contract/bridge';

const dataset = loadMilestones();
let dir: string;
let service: AppService;
let api: CompassWire;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-bridge-'));
  service = createAppService({
    store: openStateStore({ cwd: dir }),
    catalog: createMilestoneCatalog({ base: dataset }),
    today: () => '2025-06-02',
    systemLocale: () => 'en-GB',
  });
  api = createBridge(transport());
});
// ipcRenderer/ipcMain stand-in: the bridge's two functions wired straight to the gate and the service.
const transport = (): BridgeTransport => ({
  invoke: (method, input) =>
    guardedInvoke({ url: APP_INDEX_URL }, method, input, {
      trusted: [APP_ORIGIN],
      dispatch: (m, i) => service.dispatch(m, i),
    }),
  subscribe: (listener) => service.subscribe((event, payload) => listener(event, payload)),
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window.compass (ipcRenderer stand-in: direct calls to the real gate and service)', () => {
  it('has exactly the contract’s methods and `on`, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('returns the value of a call and throws the service’s message for a failed one', async () => {
    const snapshot = await api.getSnapshot(undefined);
    expect(snapshot.milestones.length).toBe(dataset.length);
    expect(snapshot.today).toBe('2025-06-02');
    await expect(api.setMuted({ id: 'no-such-milestone', muted: true })).rejects.toThrow(
      'No milestone with id "no-such-milestone".',
    );
    await expect(
      api.updateSettings({ theme: 'neon' } as unknown as Parameters<CompassWire['updateSettings']>[0]),
    ).rejects.toThrow(/^updateSettings: /);
  });

  it('delivers the events a listener asked for, and stops after unsubscribing', async () => {
    const seen: ApiEventPayloads['stateChanged'][] = [];
    const opened: string[] = [];
    const off = api.on('stateChanged', (snapshot) => seen.push(snapshot));
    api.on('openMilestone', ({ id }) => opened.push(id));
    await api.updateSettings({ theme: 'dark' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.settings.theme).toBe('dark');
    service.emit('openMilestone', { id: dataset[0]!.id });
    expect(opened).toEqual([dataset[0]!.id]);
    off();
    await api.updateSettings({ theme: 'light' });
    expect(seen).toHaveLength(1);
  });

  it('refuses to subscribe to events the contract does not have', () => {
    expect(() => api.on('shellExec' as ApiEvent, () => undefined)).toThrow('Unknown event "shellExec"');
    expect(() => api.on('stateChanged', 'not a function' as never)).toThrow();
  });
});

describe('a change over the wire (withStateReplies, as the renderer uses window.compass)', () => {
  it('crosses as its revision alone, and answers the UI with the snapshot its event carried', async () => {
    const told: Snapshot[] = [];
    api.on('stateChanged', (snapshot) => told.push(snapshot));
    const ack = await api.updateSettings({ theme: 'dark' });
    expect(ack).toEqual({ revision: told[0]!.revision });

    const ui = withStateReplies(createBridge(transport()));
    const snapshot = await ui.setMuted({ id: dataset[0]!.id, muted: true });
    expect(told).toHaveLength(2);
    expect(snapshot).toBe(told[1]); // the event's own object: the state crossed once
    expect(snapshot.progress[dataset[0]!.id]?.muted).toBe(true);
    expect(CHANGE_METHODS).toContain('setMuted');
  });

  it('waits for an event that arrives after the reply (the web host: two connections)', async () => {
    const late = transport();
    const ui = withStateReplies(
      createBridge({
        invoke: late.invoke,
        subscribe: (listener) =>
          late.subscribe((event, payload) => setTimeout(() => listener(event, payload), 30)),
      }),
    );
    const snapshot = await ui.updateSettings({ theme: 'light' });
    expect(snapshot.settings.theme).toBe('light');
    expect(snapshot.revision).toBeGreaterThan(0);
  });

  it('asks for the state itself when no event comes (a broken event stream)', async () => {
    const quiet = transport();
    const ui = withStateReplies(createBridge({ invoke: quiet.invoke, subscribe: () => () => undefined }));
    const started = Date.now();
    const snapshot = await ui.updateSettings({ theme: 'dark' });
    expect(snapshot.settings.theme).toBe('dark');
    expect(Date.now() - started).toBeGreaterThanOrEqual(STATE_EVENT_WAIT_MS - 50);
  });
});

describe('the built preload (after `npm run build`)', () => {
  const built = resolve(__dirname, '../../out/preload/index.cjs');

  it.skipIf(!existsSync(built))('requires nothing but electron, as a sandboxed preload must', () => {
    const code = readFileSync(built, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    // The contract's names only: the schemas (zod) are checked in main, not loaded in the preload.
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  });
});
