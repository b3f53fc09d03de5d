/**
 * The IPC gate of the main process, with the real app service over a real store in a temp folder.
 * The one stand-in is Electron's `event.senderFrame`, given as a plain `{ url }` object.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS, parseApiInput, type ApiResult } from '../../electron/contract/api';
import { guardedInvoke, type SenderFrame } from '../../electron/main/ipc-guard';
import { APP_INDEX_URL } from '../../electron/main/identity';
import { APP_ORIGIN } from '../../electron/main/security-policy';
import { createAppService, type AppService } from '../../electron/node/app-service';
import { createMilestoneCatalog } from '../../electron/node/milestone-catalog';
import { loadMilestones } from '../../electron/node/milestones-source';
import { openStateStore, type StateStore } from '../../electron/node/store';

const dataset = loadMilestones();
const appFrame: SenderFrame = { url: APP_INDEX_URL };
const someId = dataset.find((m) => m.kind === 'deadline')!.id;

let dir: string;
let store: StateStore;
let service: AppService;
/** The calls the gate let through to the service (which validates them). */
let dispatched: { method: unknown; input: unknown }[];

const dispatch = (method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
  dispatched.push({ method, input });
  return service.dispatch(method, input);
};
const invoke = (sender: SenderFrame | null | undefined, method: unknown, payload: unknown) =>
  guardedInvoke(sender, method, payload, { trusted: [APP_ORIGIN], dispatch });
const storeBytes = () => (existsSync(store.path) ? readFileSync(store.path, 'utf8') : null);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'compass-ipc-'));
  store = openStateStore({ cwd: dir });
  service = createAppService({
    store,
    catalog: createMilestoneCatalog({ base: dataset }),
    today: () => '2025-06-02',
    systemLocale: () => 'nl-NL',
  });
  dispatched = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('IPC from the app’s own page (senderFrame stand-in: a plain { url } object)', () => {
  it('runs a valid call and changes the store', async () => {
    const result = await invoke(appFrame, 'appendLogEntry', {
      key: someId,
      status: 'in-progress',
      note: 'Werkgroep gestart',
    });
    expect(result.ok).toBe(true);
    expect(store.read().log.at(-1)).toMatchObject({
      key: someId,
      status: 'in-progress',
      note: 'Werkgroep gestart',
    });
  });

  it('answers an unknown method or an invalid payload with an error naming the problem', async () => {
    const before = storeBytes();
    expect(await invoke(appFrame, 'deleteEverything', {})).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'unknown method "deleteEverything"' },
    });
    const bad = await invoke(appFrame, 'appendLogEntry', { key: someId, status: 'done' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!bad.ok && bad.error.message).toMatch(/^appendLogEntry: .* at status$/);
    expect(storeBytes()).toBe(before);
  });

  it('passes an error of the service back as data (not found)', async () => {
    const result = await invoke(appFrame, 'setMuted', { id: 'no-such-milestone', muted: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses links that are not http(s) before they reach the shell', async () => {
    const opened: string[] = [];
    service = createAppService({
      store,
      catalog: createMilestoneCatalog({ base: dataset }),
      today: () => '2025-06-02',
      systemLocale: () => 'nl-NL',
      openExternal: (url: string) => Promise.resolve(opened.push(url) > 0),
    });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(await invoke(appFrame, 'openExternal', { url })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(opened).toEqual([]);
  });

  it('does not let a payload pollute prototypes', async () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    const result = await invoke(appFrame, 'updateSettings', hostile);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(store.read().settings).not.toHaveProperty('polluted');
  });

  it('survives a payload whose properties throw when read', async () => {
    const trap = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('gotcha');
      },
    });
    const result = await invoke(appFrame, 'deleteOwnMilestone', trap);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('IPC from anywhere else', () => {
  it('is refused before validation or dispatch, whatever it asks', async () => {
    const before = storeBytes();
    for (const sender of [
      { url: 'https://evil.example/' },
      { url: 'file:///home/ana/Downloads/page.html' },
      { url: 'app://compass.evil.example/index.html' },
      { url: 'about:blank' },
      { url: '' },
      null,
      undefined,
    ]) {
      const result = await invoke(sender, 'importState', { content: '{}' });
      expect(result, JSON.stringify(sender)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'This page may not use the Compass Timeline API.' },
      });
    }
    expect(dispatched).toEqual([]);
    expect(storeBytes()).toBe(before);
  });
});

describe('fuzzing the IPC gate with hostile payloads', () => {
  const methods = fc.oneof(fc.constantFrom(...API_METHODS), fc.string(), fc.anything());
  // Payloads shaped like the real ones (so they get past the first checks) and anything at all.
  const payloads = fc.oneof(
    fc.anything({
      withObjectString: true,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
    }),
    fc.record({ id: fc.oneof(fc.string(), fc.constant(someId)), patch: fc.anything() }),
    fc.record({ content: fc.oneof(fc.string(), fc.json()) }),
    fc.record({ key: fc.string(), option: fc.string() }),
    fc.record({ url: fc.oneof(fc.webUrl(), fc.string()) }),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'locale', 'theme', 'feed'),
      fc.anything(),
    ),
  );

  it('never throws; refuses what the contract refuses without touching the store; answers the rest as data', async () => {
    await fc.assert(
      fc.asyncProperty(methods, payloads, async (method, payload) => {
        const before = storeBytes();
        dispatched = [];
        const result = await invoke(appFrame, method, payload);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(['invalid-input', 'not-found', 'failed']).toContain(result.error.code);
          expect(typeof result.error.message).toBe('string');
        }
        if (!parseApiInput(method, payload).ok) {
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
          expect(storeBytes()).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
    // Whatever happened, the store on disk still opens and validates, with nothing to recover.
    const reopened = openStateStore({ cwd: dir });
    expect(() => reopened.read()).not.toThrow();
    expect(reopened.notices).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses every call from a foreign frame, whatever the method and payload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webUrl(), methods, payloads, async (url, method, payload) => {
        dispatched = [];
        const result = await invoke({ url }, method, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(dispatched).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
