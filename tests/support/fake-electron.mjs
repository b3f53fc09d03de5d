/**
 * A STAND-IN for the `electron` module, for running the built main process (out/main/index.js)
 * under plain Node: it records every call in order and answers like Electron does, and it throws
 * where real Electron throws (a BrowserWindow, Tray or the default session before `ready`; a
 * privileged scheme after it; app.getPath('documents') where there is no Documents folder).
 * It is configured by the FAKE_ELECTRON env variable (JSON, see tests/support/run-main.mjs).
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const config = JSON.parse(process.env.FAKE_ELECTRON ?? '{}');

/** Every call, in order: { api, args }. */
export const calls = [];
const record = (api, ...args) => calls.push({ api, args });
let ready = false;
const beforeReady = (api) => {
  if (!ready) throw new Error(`${api} cannot be used before the app is ready`);
};

class FakeApp extends EventEmitter {
  isPackaged = config.isPackaged ?? false;
  commandLine = { hasSwitch: (name) => (config.switches ?? []).includes(name) };
  #paths = { ...config.paths };
  #readyWaiters = [];
  getPath(name) {
    record('app.getPath', name);
    if (name === 'documents' && config.noDocuments) throw new Error("Failed to get 'documents' path");
    const path = this.#paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name, path) {
    record('app.setPath', name, path);
    this.#paths[name] = path;
  }
  getAppPath() {
    return config.appPath;
  }
  getVersion() {
    return '0.1.0';
  }
  getName() {
    return 'Compass Timeline';
  }
  getLocale() {
    return config.locale ?? 'en-GB';
  }
  isReady() {
    return ready;
  }
  whenReady() {
    record('app.whenReady');
    return ready ? Promise.resolve() : new Promise((done) => this.#readyWaiters.push(done));
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return config.singleInstanceLock ?? true;
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', id);
  }
  setToastActivatorCLSID(id) {
    record('app.setToastActivatorCLSID', id);
  }
  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings) {
    record('app.setLoginItemSettings', settings);
  }
  setBadgeCount(count) {
    record('app.setBadgeCount', count);
    return true;
  }
  quit() {
    record('app.quit');
    this.emit('before-quit', { preventDefault() {} });
  }
  exit(code) {
    record('app.exit', code);
  }
  /** The stand-in's own control: Electron finished starting. */
  becomeReady() {
    ready = true;
    record('ready');
    this.emit('ready');
    this.#readyWaiters.splice(0).forEach((done) => done());
  }
}
export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  },
};

/** The app:// handlers, by scheme, as the session got them. */
export const handlers = new Map();
class FakeSession extends EventEmitter {
  protocol = {
    handle: (scheme, handler) => {
      record('session.protocol.handle', scheme);
      handlers.set(scheme, handler);
    },
  };
  webRequest = {
    onHeadersReceived: () => record('session.webRequest.onHeadersReceived'),
    onBeforeRequest: () => record('session.webRequest.onBeforeRequest'),
  };
  setPermissionRequestHandler = () => record('session.setPermissionRequestHandler');
  setPermissionCheckHandler = () => record('session.setPermissionCheckHandler');
  setDevicePermissionHandler = () => record('session.setDevicePermissionHandler');
  setDisplayMediaRequestHandler = () => record('session.setDisplayMediaRequestHandler');
}
let defaultSession = null;
export const session = {
  get defaultSession() {
    beforeReady('session.defaultSession');
    defaultSession ??= new FakeSession();
    return defaultSession;
  },
};

/** What a machine's file-type registry may say (a broken one maps .js to text/plain). */
const REGISTRY = { '.html': 'text/html', '.js': 'text/plain', '.css': 'text/plain' };
export const net = {
  async fetch(url) {
    const path = fileURLToPath(url);
    if (!existsSync(path)) throw new Error(`net::ERR_FILE_NOT_FOUND ${url}`);
    return new Response(readFileSync(path), {
      headers: { 'content-type': REGISTRY[extname(path)] ?? 'application/octet-stream' },
    });
  },
};

export const windows = [];
class FakeWebContents extends EventEmitter {
  sent = [];
  send(channel, ...args) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler() {}
  async executeJavaScript() {
    return true;
  }
  async printToPDF() {
    return Buffer.from('%PDF-1.7 stand-in');
  }
}
export class BrowserWindow extends EventEmitter {
  static getAllWindows = () => windows.filter((w) => !w.destroyed);
  destroyed = false;
  visible = false;
  constructor(options) {
    super();
    beforeReady('new BrowserWindow');
    record('new BrowserWindow', options);
    this.options = options;
    this.webContents = new FakeWebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', url);
    this.url = url;
    setImmediate(() => this.emit('ready-to-show'));
  }
  isDestroyed = () => this.destroyed;
  destroy() {
    this.destroyed = true;
  }
  isMinimized = () => false;
  restore() {}
  show() {
    record('BrowserWindow.show');
    this.visible = true;
  }
  hide() {
    record('BrowserWindow.hide');
    this.visible = false;
  }
  focus() {}
  /** The stand-in's own control: the user clicks the close button. */
  userClose() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
    return !prevented;
  }
}

export const trays = [];
export class Tray extends EventEmitter {
  destroyed = false;
  constructor(image) {
    super();
    beforeReady('new Tray');
    record('new Tray', image.path);
    trays.push(this);
  }
  setToolTip(text) {
    this.tooltip = text;
  }
  setTitle(title) {
    this.title = title;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  isDestroyed = () => this.destroyed;
  destroy() {
    record('Tray.destroy');
    this.destroyed = true;
  }
}

export const nativeImage = {
  createFromPath(path) {
    record('nativeImage.createFromPath', path);
    return { path, empty: !existsSync(path), setTemplateImage() {}, isEmpty: () => !existsSync(path) };
  },
};
export const nativeTheme = { shouldUseDarkColors: false };

export const ipcHandlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', channel);
    ipcHandlers.set(channel, handler);
  },
  listeners: new Map(),
  on(channel, listener) {
    record('ipcMain.on', channel);
    ipcMain.listeners.set(channel, [...(ipcMain.listeners.get(channel) ?? []), listener]);
  },
  removeAllListeners(channel) {
    record('ipcMain.removeAllListeners', channel);
    ipcMain.listeners.delete(channel);
  },
  removeHandler(channel) {
    record('ipcMain.removeHandler', channel);
    ipcHandlers.delete(channel);
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: () => record('Menu.setApplicationMenu'),
};

export class Notification extends EventEmitter {
  static isSupported = () => true;
  static handleActivation = () => record('Notification.handleActivation');
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record('Notification.show', this.options.title);
  }
}

export const dialog = {
  async showSaveDialog(...args) {
    const options = args.at(-1);
    record('dialog.showSaveDialog', options);
    return config.savePath ? { canceled: false, filePath: config.savePath } : { canceled: true };
  },
  async showOpenDialog(...args) {
    record('dialog.showOpenDialog', args.at(-1));
    return { canceled: true, filePaths: [] };
  },
  async showMessageBox(...args) {
    record('dialog.showMessageBox', args.at(-1));
    return { response: 0 };
  },
  showErrorBox(title, content) {
    record('dialog.showErrorBox', title, content);
  },
};

export const powerMonitor = new EventEmitter();
/**
 * safeStorage as on Linux: usable only after ready, with the backend FAKE_ELECTRON names (default a
 * keyring). Its "encryption" is a marked, reversible stand-in (NOT encryption): enough to see that
 * the shell seals the team password before storing it.
 */
export const safeStorage = {
  isEncryptionAvailable: () => (record('safeStorage.isEncryptionAvailable'), ready),
  getSelectedStorageBackend: () => (ready ? (config.safeStorageBackend ?? 'gnome_libsecret') : 'unknown'),
  encryptString: (text) => (beforeReady('safeStorage.encryptString'), Buffer.from(`fake-sealed:${text}`)),
  decryptString: (buffer) => buffer.toString().replace(/^fake-sealed:/, ''),
};
export const clipboard = { writeText: (text) => record('clipboard.writeText', text) };
export const shell = {
  openExternal: async (url) => record('shell.openExternal', url),
  openPath: async (path) => (record('shell.openPath', path), ''),
};

export default {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
};
