/**
 * Runs the built main process (out/main/index.js, or its copy in a packaged layout) under plain
 * Node with the recording Electron stand-in (fake-electron.mjs, resolved by electron-loader.mjs),
 * as process.platform = FAKE_ELECTRON.platform. It makes the app ready, then acts as Electron and
 * the user would: requests every file of the built renderer over app://, calls the IPC channel
 * from the app's page and from a foreign frame, saves an export, closes the window, quits. Prints
 * one JSON report line (prefixed REPORT ) and exits.
 */
import { readdirSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.env.FAKE_ELECTRON ?? '{}');
register('./electron-loader.mjs', import.meta.url);
Object.defineProperty(process, 'platform', { value: config.platform, configurable: true });
if (config.resourcesPath) process.resourcesPath = config.resourcesPath;

const fake = await import('electron');
let startError = null;
try {
  await import(pathToFileURL(config.main).href);
} catch (error) {
  startError = String(error?.stack ?? error);
}

const until = async (test, ms = 15_000) => {
  for (let waited = 0; waited < ms && !test(); waited += 20) await new Promise((r) => setTimeout(r, 20));
  return test();
};

const beforeReady = fake.calls.map((call) => call.api);
fake.app.becomeReady();
const started = await until(
  () => fake.windows.length > 0 || fake.calls.some((c) => c.api === 'dialog.showErrorBox'),
  config.singleInstanceLock === false ? 500 : 15_000,
);
// Let start() finish what it does after the window (tray refresh, reminders).
await new Promise((r) => setTimeout(r, 200));

const report = { startError, beforeReady, started };
const handler = fake.handlers.get('app');
if (handler && config.rendererDir) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(config.rendererDir, path).split('\\').join('/'));
    }
  };
  walk(config.rendererDir);
  report.assets = [];
  for (const file of files) {
    const response = await handler({ url: `app://compass/${file}`, method: 'GET' });
    const body = Buffer.from(await response.arrayBuffer());
    report.assets.push({
      file,
      status: response.status,
      type: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      nosniff: response.headers.get('x-content-type-options'),
      bytes: body.length,
    });
  }
  const outside = await handler({ url: 'app://compass/../../package.json', method: 'GET' });
  report.outsideStatus = outside.status;
}

const invoke = fake.ipcHandlers.get('compass:invoke');
if (invoke) {
  const from = (url) => ({ senderFrame: { url } });
  const snapshot = await invoke(from('app://compass/index.html'), 'getSnapshot', {});
  report.ipcOwn = { ok: snapshot.ok, milestones: snapshot.ok ? snapshot.value.milestones.length : 0 };
  const foreign = await invoke(from('https://evil.example/'), 'getSnapshot', {});
  report.ipcForeign = foreign.ok ? { ok: true } : { ok: false, code: foreign.error.code };
  const badInput = await invoke(from('app://compass/index.html'), 'saveFile', {
    fileName: '../x',
    content: '',
    mimeType: 'text/plain',
  });
  report.ipcBadInput = badInput.ok ? { ok: true } : { ok: false, code: badInput.error.code };
  const review = await invoke(from('app://compass/index.html'), 'exportReview', {
    asOf: '2025-12-31',
    format: 'md',
  });
  report.review = review.ok ? review.value : null;
  const saved = review.ok ? await invoke(from('app://compass/index.html'), 'saveFile', review.value) : null;
  report.saved = saved;
}

const window = fake.windows[0];
if (window) {
  report.window = { options: window.options, url: window.url, visible: window.visible };
  report.closed = window.userClose();
}
report.ipcListeners = [...fake.ipcMain.listeners.keys()];
report.calls = [...fake.calls];
report.trays = fake.trays.length;
// Then the user quits (again, where closing the window quit already): what start() set up is gone.
if (window) {
  fake.app.quit();
  await new Promise((r) => setTimeout(r, 200));
  report.afterQuit = {
    calls: fake.calls.slice(report.calls.length),
    ipcHandlers: [...fake.ipcHandlers.keys()],
    powerMonitor: fake.powerMonitor.eventNames(),
    beforeQuit: fake.app.listenerCount('before-quit'),
    allCalls: fake.calls.map((c) => c.api),
  };
}
console.log(
  `REPORT ${JSON.stringify(report, (_key, value) => (typeof value === 'function' ? undefined : value))}`,
);
process.exit(0);
