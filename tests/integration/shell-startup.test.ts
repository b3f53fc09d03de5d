/**
 * The desktop shell's start-up, without the Electron binary: the built main process
 * (out/main/index.js) runs under Node with a recording STAND-IN for the `electron` module
 * (tests/support/fake-electron.mjs, resolved by a loader hook), which throws where Electron throws.
 * For win32, darwin and linux, in the development layout (the repository) and a packaged one
 * (resources/app with only the production modules), and as a second instance. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, TOAST_ACTIVATOR_CLSID } from '../../electron/main/identity';
import { CONTENT_SECURITY_POLICY } from '../../electron/node/web-content';

const ROOT = resolve(__dirname, '../..');
const RUNNER = join(ROOT, 'tests/support/run-main.mjs');
const BUILT = join(ROOT, 'out/main/index.js');

interface Call {
  api: string;
  args: unknown[];
}
interface Asset {
  file: string;
  status: number;
  type: string;
  csp: string;
  nosniff: string;
  bytes: number;
}
interface Report {
  startError: string | null;
  beforeReady: string[];
  started: boolean;
  assets?: Asset[];
  outsideStatus?: number;
  ipcOwn?: { ok: boolean; milestones: number };
  ipcForeign?: { ok: boolean; code?: string };
  ipcBadInput?: { ok: boolean; code?: string };
  review?: { content: string; fileName: string } | null;
  saved?: { ok: boolean; value?: { saved: boolean; fileName?: string } } | null;
  window?: { options: { icon?: string; webPreferences: { preload: string } }; url: string; visible: boolean };
  closed?: boolean;
  calls: Call[];
  trays: number;
  ipcListeners: string[];
  afterQuit?: {
    calls: Call[];
    ipcHandlers: string[];
    powerMonitor: string[];
    beforeQuit: number;
    allCalls: string[];
  };
}

/** Expected types by extension, written out here independently of the shell's own table. */
const EXPECTED_TYPE: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const TRAY_ICON = { win32: 'tray.ico', darwin: 'trayTemplate.png', linux: 'tray.png' } as const;

let work = '';
let packagedApp = '';

/** resources/ as electron-builder lays it out: app/ (out, package.json, production modules only), tray/, icon.png. */
function packagedLayout(): string {
  const resources = join(work, 'packaged/resources');
  const appDir = join(resources, 'app');
  mkdirSync(join(appDir, 'node_modules'), { recursive: true });
  cpSync(join(ROOT, 'out'), join(appDir, 'out'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(appDir, 'package.json'));
  cpSync(join(ROOT, 'build/tray'), join(resources, 'tray'), { recursive: true });
  cpSync(join(ROOT, 'build/icons/256x256.png'), join(resources, 'icon.png'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.replace(/^node_modules\//, '');
    if (!key.startsWith('node_modules/') || name.includes('node_modules/') || entry.dev || entry.devOptional)
      continue;
    if (!existsSync(join(ROOT, key))) continue;
    if (name.includes('/')) mkdirSync(join(appDir, 'node_modules', name.split('/')[0]!), { recursive: true });
    symlinkSync(join(ROOT, key), join(appDir, 'node_modules', name), 'dir');
  }
  return appDir;
}

interface Scenario {
  platform: 'win32' | 'darwin' | 'linux';
  packaged: boolean;
  noDocuments?: boolean;
  singleInstanceLock?: boolean;
  desktop?: string;
}

function run(scenario: Scenario) {
  const dir = mkdtempSync(join(work, `${scenario.platform}-`));
  const paths = {
    userData: join(dir, 'userData', 'Compass Timeline'),
    home: join(dir, 'home'),
    documents: join(dir, 'Documents'),
  };
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true });
  const appPath = scenario.packaged ? packagedApp : ROOT;
  const config = {
    platform: scenario.platform,
    isPackaged: scenario.packaged,
    main: join(appPath, 'out/main/index.js'),
    appPath,
    resourcesPath: scenario.packaged ? resolve(packagedApp, '..') : undefined,
    rendererDir: join(appPath, 'out/renderer'),
    paths,
    noDocuments: scenario.noDocuments ?? false,
    singleInstanceLock: scenario.singleInstanceLock ?? true,
    // The save dialog's answer: a name without an extension, as a user types it on Linux.
    savePath: join(dir, 'saved', 'my review'),
  };
  mkdirSync(join(dir, 'saved'));
  const result = spawnSync(process.execPath, [RUNNER], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      FAKE_ELECTRON: JSON.stringify(config),
      // Autostart entries and anything else under home go to the scenario's own folder.
      HOME: paths.home,
      XDG_CONFIG_HOME: join(paths.home, '.config'),
      XDG_CURRENT_DESKTOP: scenario.desktop ?? '',
      ELECTRON_RENDERER_URL: '',
    },
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { report: JSON.parse(line.slice('REPORT '.length)) as Report, config, dir, stderr: result.stderr };
}

const index = (calls: Call[], api: string) => calls.findIndex((call) => call.api === api);
const callsTo = (calls: Call[], api: string) => calls.filter((call) => call.api === api);

beforeAll(() => {
  if (!existsSync(BUILT)) throw new Error('out/ is not built: run `npm run build` first.');
  work = mkdtempSync(join(tmpdir(), 'compass-shell-startup-'));
  packagedApp = packagedLayout();
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const SCENARIOS: Scenario[] = [
  { platform: 'win32', packaged: false, noDocuments: true },
  { platform: 'win32', packaged: true, noDocuments: true },
  { platform: 'darwin', packaged: false },
  { platform: 'darwin', packaged: true },
  { platform: 'linux', packaged: false, desktop: 'GNOME' },
  { platform: 'linux', packaged: true, desktop: 'KDE' },
];

describe.each(SCENARIOS)('start-up on $platform (packaged: $packaged)', (scenario) => {
  let ran: ReturnType<typeof run>;
  let calls: Call[];
  beforeAll(() => {
    ran = run(scenario);
    calls = ran.report.calls;
  });

  it('starts without an error, doing before "ready" only what Electron allows then', () => {
    expect(ran.report.startError).toBeNull();
    expect(callsTo(calls, 'dialog.showErrorBox'), ran.stderr).toEqual([]);
    expect(callsTo(calls, 'app.exit')).toEqual([]);
    expect(ran.report.started).toBe(true);
    expect(ran.report.beforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(ran.report.beforeReady).toContain('app.requestSingleInstanceLock');
    for (const late of ['new BrowserWindow', 'new Tray', 'session.protocol.handle', 'ipcMain.handle'])
      expect(ran.report.beforeReady).not.toContain(late);
  });

  it('calls in the right order: scheme, lock, ready, protocol, IPC, tray, window, page', () => {
    const order = [
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
      'ready',
      'session.protocol.handle',
      'ipcMain.handle',
      'new Tray',
      'new BrowserWindow',
      'BrowserWindow.loadURL',
    ].map((api) => index(calls, api));
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(ran.report.window?.url).toBe('app://compass/index.html');
  });

  it('builds the team password seal from safeStorage only after "ready" (before it, it cannot encrypt)', () => {
    expect(ran.report.beforeReady).not.toContain('safeStorage.isEncryptionAvailable');
    expect(index(calls, 'safeStorage.isEncryptionAvailable')).toBeGreaterThan(index(calls, 'ready'));
  });

  it('keeps a development run apart (user data, lock, AppUserModelID); an installed one as installed', () => {
    const setPaths = callsTo(calls, 'app.setPath');
    if (scenario.packaged) expect(setPaths).toEqual([]);
    else {
      expect(setPaths).toEqual([
        { api: 'app.setPath', args: ['userData', `${ran.config.paths.userData} (development)`] },
      ]);
      expect(index(calls, 'app.setPath')).toBeLessThan(index(calls, 'app.requestSingleInstanceLock'));
      expect(existsSync(join(`${ran.config.paths.userData} (development)`, 'config.json'))).toBe(true);
    }
    const aumid = callsTo(calls, 'app.setAppUserModelId').map((c) => c.args[0]);
    const clsid = callsTo(calls, 'app.setToastActivatorCLSID').map((c) => c.args[0]);
    if (scenario.platform === 'win32') {
      expect(aumid).toEqual([scenario.packaged ? APP_ID : `${APP_ID}.dev`]);
      expect(clsid).toEqual([TOAST_ACTIVATOR_CLSID]);
      expect(callsTo(calls, 'Notification.handleActivation')).toHaveLength(1);
    } else {
      expect(aumid).toEqual([]);
      expect(clsid).toEqual([]);
    }
  });

  it('loads the CommonJS preload and the icons from where this layout has them', () => {
    const options = ran.report.window!.options;
    const preload = options.webPreferences.preload;
    expect(preload).toBe(join(ran.config.appPath, 'out/preload/index.cjs'));
    const source = readFileSync(preload, 'utf8');
    expect(source).toMatch(/require\(["']electron["']\)/);
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    const icon = options.icon!;
    expect(icon).toBe(
      scenario.packaged ? join(ran.config.resourcesPath!, 'icon.png') : join(ROOT, 'build/icons/256x256.png'),
    );
    expect(existsSync(icon)).toBe(true);
    const trayImage = callsTo(calls, 'new Tray')[0]!.args[0] as string;
    expect(trayImage.endsWith(TRAY_ICON[scenario.platform])).toBe(true);
    expect(existsSync(trayImage), trayImage).toBe(true);
  });

  it('serves every file of the built renderer over app:// with its type, the CSP and nosniff', () => {
    const assets = ran.report.assets!;
    expect(assets.map((a) => a.file)).toContain('index.html');
    expect(assets.filter((a) => a.file.endsWith('.js')).length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.status, asset.file).toBe(200);
      expect(asset.type, asset.file).toBe(EXPECTED_TYPE[extname(asset.file)] ?? 'application/octet-stream');
      expect(asset.csp).toBe(CONTENT_SECURITY_POLICY);
      expect(asset.nosniff).toBe('nosniff');
      expect(asset.bytes).toBe(statSync(join(ran.config.rendererDir, asset.file)).size);
    }
    expect(readFileSync(join(ran.config.rendererDir, 'index.html'), 'utf8')).toMatch(
      /<meta http-equiv="Content-Security-Policy"/,
    );
    expect(ran.report.outsideStatus).toBe(404);
  });

  it('answers IPC from its own page, refuses a foreign frame and bad input', () => {
    expect(ran.report.ipcOwn).toEqual({ ok: true, milestones: expect.any(Number) });
    expect(ran.report.ipcOwn!.milestones).toBeGreaterThan(50);
    expect(ran.report.ipcForeign).toEqual({ ok: false, code: 'forbidden' });
    expect(ran.report.ipcBadInput).toEqual({ ok: false, code: 'invalid-input' });
    // The typed channel is the only way in: electron-store's renderer channel is closed.
    expect(callsTo(calls, 'ipcMain.handle').map((c) => c.args[0])).toEqual(['compass:invoke']);
    expect(ran.report.ipcListeners).toEqual([]);
  });

  it('saves an export through the save dialog, in Documents or (without one) the home folder', () => {
    expect(ran.report.saved).toEqual({ ok: true, value: { saved: true, fileName: 'my review.md' } });
    expect(readFileSync(join(ran.dir, 'saved', 'my review.md'), 'utf8')).toBe(ran.report.review!.content);
    const dialogOptions = callsTo(calls, 'dialog.showSaveDialog')[0]!.args[0] as { defaultPath: string };
    const folder = scenario.noDocuments ? ran.config.paths.home : ran.config.paths.documents;
    expect(dialogOptions.defaultPath).toBe(join(folder, 'compass-review-2025-12-31.md'));
  });

  it('hides the window on close where a tray is shown, and quits where none is (plain GNOME)', () => {
    const noTray = scenario.platform === 'linux' && scenario.desktop === 'GNOME';
    expect(ran.report.closed).toBe(noTray);
    expect(callsTo(calls, 'app.quit')).toHaveLength(noTray ? 1 : 0);
    expect(callsTo(calls, 'BrowserWindow.hide')).toHaveLength(noTray ? 0 : 1);
    // The services stop exactly once, when the app quits.
    expect(callsTo(calls, 'Tray.destroy')).toHaveLength(noTray ? 1 : 0);
  });

  it('tears down at quit what it set up, once: IPC handler, tray, power listeners (one before-quit)', () => {
    const after = ran.report.afterQuit!;
    expect(after.beforeQuit).toBe(1);
    expect(after.ipcHandlers).toEqual([]);
    expect(after.powerMonitor).toEqual([]);
    // Quit twice where closing the window quit already: still one teardown.
    expect(after.allCalls.filter((api) => api === 'Tray.destroy')).toHaveLength(1);
    expect(after.allCalls.filter((api) => api === 'ipcMain.removeHandler')).toHaveLength(1);
  });
});

describe('a second instance', () => {
  it('quits at once when another instance holds the lock: no window, no tray, no protocol', () => {
    const { report } = run({ platform: 'linux', packaged: false, singleInstanceLock: false });
    expect(report.startError).toBeNull();
    expect(callsTo(report.calls, 'app.quit')).toHaveLength(1);
    for (const api of ['new BrowserWindow', 'new Tray', 'session.protocol.handle', 'ipcMain.handle'])
      expect(index(report.calls, api)).toBe(-1);
    expect(report.trays).toBe(0);
  });
});

describe('the Electron stand-in', () => {
  it('throws where Electron throws: windows, trays and the session before "ready", schemes after it', async () => {
    const standIn: string = '../support/fake-electron.mjs';
    const fake = (await import(standIn)) as {
      app: { becomeReady(): void };
      BrowserWindow: new (options: object) => unknown;
      Tray: new (image: object) => unknown;
      session: { defaultSession: unknown };
      protocol: { registerSchemesAsPrivileged(schemes: object[]): void };
    };
    expect(() => new fake.BrowserWindow({})).toThrow(/before the app is ready/);
    expect(() => new fake.Tray({ path: 'x' })).toThrow(/before the app is ready/);
    expect(() => fake.session.defaultSession).toThrow(/before the app is ready/);
    fake.app.becomeReady();
    expect(() => fake.protocol.registerSchemesAsPrivileged([])).toThrow(/before app is ready/);
    expect(fake.session.defaultSession).toBeDefined();
  });
});
