/**
 * The Electron shell: wires electron/core and electron/node to Electron's APIs and nothing more.
 * One instance; a window that hides to the tray; the tray; OS notifications for the reminder
 * engine; the typed IPC bridge; the app menu; start at login; locked down per Electron's checklist.
 */
import { join } from 'node:path';
import { format } from 'date-fns';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  safeStorage,
  session,
  shell,
} from 'electron';
import ElectronStore from 'electron-store';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/wire';
import type { IsoDate } from '../core/date-phrase';
import type { NotificationAction, NotificationContent } from '../core/notification-content';
import { deriveProgress } from '../core/progress';
import type { Translate } from '../core/shell-locale';
import { trayModel, type TrayCommand } from '../core/tray-model';
import { withTeamTooltip } from '../core/team-tray';
import type { UserState, Locale } from '../core/user-state';
import {
  applyXdgAutostart,
  autostartDesktopEntry,
  autostartFilePath,
  launcher,
  loginItemSettings,
  shouldStartHidden,
} from '../node/autostart';
import { composeApp, type AppRoot } from '../node/compose';
import type { StoreEngineFactory } from '../node/store';
import { createFileActions, type FileActions } from './file-actions';
import { hardenApp, openExternalSafely, registerAppScheme, serveRenderer } from './harden';
import { appUserModelId, devUserDataDir, TOAST_ACTIVATOR_CLSID } from './identity';
import { guardedInvoke } from './ipc-guard';
import { appMenuTemplate } from './menu-templates';
import { createNotificationPresenter, type NotificationPresenter } from './notifier';
import { APP_ORIGIN, devServerOrigin, type TrustedOrigin } from './security-policy';
import { createTray, type ShellTray } from './tray';
import { trayIsShown } from './desktop-env';
import { createMainWindow, showWindow } from './window';
import { safeStorageSeal } from './team-seal';

const platform = process.platform;
const devServerUrl = app.isPackaged ? null : process.env.ELECTRON_RENDERER_URL || null;
const devServer = devServerOrigin(devServerUrl ?? undefined, app.isPackaged);
const trusted: TrustedOrigin[] = devServer ? [APP_ORIGIN, devServer] : [APP_ORIGIN];
const outDir = join(import.meta.dirname, '..');
const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');
const iconDir = join(resources, 'tray');
const appIcon = app.isPackaged ? join(resources, 'icon.png') : join(resources, 'icons', '256x256.png');

// Must happen before "ready": app:// is a standard, secure scheme.
registerAppScheme();
// A development run keeps its own data and single-instance lock (unless told a folder).
if (!app.isPackaged && !app.commandLine.hasSwitch('user-data-dir'))
  app.setPath('userData', devUserDataDir(app.getPath('userData')));
if (platform === 'win32') {
  // Windows shows toasts only for an app whose AppUserModelID matches its Start-menu shortcut;
  // a fixed activator lets clicks from the Action Center reach the app after a restart.
  app.setAppUserModelId(appUserModelId(app.isPackaged));
  app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
}

/** The IPC channel electron-store opens for stores made in a renderer (the app makes none there). */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/** electron-store with the store module's options, in the user-data folder (the CLI's default). */
const electronStoreEngine: StoreEngineFactory = (options) => {
  const { configName, ...rest } = options;
  const engine = new ElectronStore<UserState>({ ...rest, name: configName });
  // The renderer reaches main only through the typed channel: close the one electron-store opened.
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return engine;
};

const today = (): IsoDate => format(new Date(), 'yyyy-MM-dd');

let quitting = false;
let mainWindow: BrowserWindow | null = null;
/** The composition root once started: one dispose() at quit tears down all it and the shell set up. */
let root: AppRoot | null = null;

/** Where dialogs open: Documents, asked for only then (it can be missing or redirected on Windows), else home. */
function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch (error) {
    console.warn(`[compass] no Documents folder (${String(error)}): dialogs open in the home folder.`);
    return app.getPath('home');
  }
}

/** A call whose failure the root has already logged: nothing more to do with it. */
const settle = (call: Promise<unknown>): void => void call.catch(() => undefined);

function quit(): void {
  quitting = true;
  app.quit();
}

function showMain(): void {
  if (mainWindow && !mainWindow.isDestroyed()) showWindow(mainWindow);
}

async function start(): Promise<void> {
  serveRenderer(session.defaultSession, join(outDir, 'renderer'));
  hardenApp(trusted);

  // Notifications and the save dialog need the root's API, and the root needs them: they are
  // made just after it, and the root calls them only once started.
  let presenter: NotificationPresenter | null = null;
  let files: FileActions | null = null;
  const composed = composeApp({
    dataDir: app.getPath('userData'),
    engine: electronStoreEngine,
    // The Compass, and the strategies imported (strategies/<slug>.json in userData).
    dataset: { savedStrategies: true },
    today,
    systemLocale: () => app.getLocale(),
    platform,
    present: (contents) => presenter?.show(contents),
    // The team sync (CalDAV); its password is sealed by safeStorage, never written in clear.
    seal: safeStorageSeal(safeStorage, platform),
    openExternal: openExternalSafely,
    saveFile: (file) => {
      if (!files) throw new Error('Not started yet.');
      return files.saveFile(file);
    },
    log: (message) => console.error(`[compass] ${message}`),
  });
  root = composed;
  const { api, service, store, team, feed, disposables } = composed;
  const t = () => composed.t();

  const openMilestone = (id: string | null) => {
    showMain();
    if (id) service.emit('openMilestone', { id });
  };

  const act = (action: NotificationAction, content: NotificationContent) => {
    if (action === 'snooze' && content.reminderKey) {
      settle(api.snooze({ key: content.reminderKey, option: 'tomorrow' }));
    } else if (action === 'achieve' && content.milestoneId) {
      // The user says it is achieved now: recorded as achieved today, for the reminder's own cycle.
      settle(
        api.appendLogEntry({
          key: content.reminderKey?.split('#')[0] ?? content.milestoneId,
          status: 'achieved',
          on: today(),
        }),
      );
    }
  };

  presenter = createNotificationPresenter({
    open: openMilestone,
    act,
    // Refused by the OS (e.g. an unsigned macOS build): the window shows it as a toast instead.
    failed(content, reason) {
      console.warn(`[compass] notification not shown (${reason}): shown in the window instead.`);
      composed.toast(content);
    },
    icon: appIcon,
  });
  // Windows: a toast clicked in the Action Center after its object is gone (or after a restart).
  if (platform === 'win32') Notification.handleActivation(() => showMain());

  files = createFileActions({
    api,
    window: () => mainWindow,
    t,
    today,
    documentsDir,
    preloadDir: join(outDir, 'preload'),
    devServerUrl,
  });
  const fileActions = files;

  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, payload: unknown) =>
    guardedInvoke(event.senderFrame, method, payload, {
      trusted,
      dispatch: composed.dispatch,
      onRefused: (reason) => console.warn(`[compass] refused IPC call: ${reason}`),
    }),
  );
  disposables.addFn(() => ipcMain.removeHandler(IPC_CHANNEL));

  const about = async () => {
    await dialog.showMessageBox({
      type: 'info',
      title: t()('menu.about'),
      message: t()('appName'),
      detail: t()('dialog.aboutDetail', {
        version: app.getVersion(),
        electron: process.versions.electron ?? '',
        dataDir: app.getPath('userData'),
      }),
      buttons: [t()('dialog.ok')],
    });
  };

  const run = (command: TrayCommand): void => {
    switch (command.type) {
      case 'open':
        return showMain();
      case 'open-milestone':
        return openMilestone(command.id);
      case 'pause':
        return settle(api.updateSettings({ pausedUntil: command.until }));
      case 'resume':
        return settle(api.updateSettings({ pausedUntil: null }));
      case 'export-ical':
        void fileActions.exportIcal();
        return;
      case 'copy':
        clipboard.writeText(command.text);
        return;
      case 'set-start-at-login':
        return settle(api.updateSettings({ startAtLogin: command.value }));
      case 'quit':
        return quit();
    }
  };

  const tray: ShellTray = createTray({ iconDir, platform, run });
  disposables.addFn(() => tray.destroy());

  let menuLocale: Locale | null = null;
  let autostartApplied = '';
  /** Everything the shell shows or registers that follows the state: called on every change. */
  const refresh = () => {
    const state = store.read();
    const lang = composed.locale(state);
    const tr = composed.t(state);
    const model = trayModel({
      milestones: composed.catalog.all(state),
      progress: deriveProgress(state),
      settings: state.settings,
      today: today(),
      now: new Date(),
      locale: lang,
      t: tr,
      feed: feed.urls(),
    });
    // The team sync's state (last synced, waiting, failed) after the deadlines in the tooltip.
    tray.update({ ...model, tooltip: withTeamTooltip(model.tooltip, team.status(), tr, lang, new Date()) });
    if (menuLocale !== lang) {
      menuLocale = lang;
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          appMenuTemplate({
            t: tr,
            platform,
            devTools: !app.isPackaged,
            actions: {
              exportIcal: () => void fileActions.exportIcal(),
              exportReview: () => void fileActions.exportReview(),
              exportData: () => void fileActions.exportData(),
              importData: () => void fileActions.importData(),
              about: () => void about(),
              openDataFolder: () => void shell.openPath(app.getPath('userData')),
              quit,
            },
          }),
        ),
      );
    }
    const { startAtLogin, startHidden } = state.settings;
    const wanted = `${startAtLogin}:${startHidden}`;
    if (wanted !== autostartApplied) {
      autostartApplied = wanted;
      applyAutostart(startAtLogin, startHidden, tr);
    }
  };

  // Every event to every window; the tray and menus follow the state and the team's status.
  disposables.addFn(
    service.subscribe((event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
      }
      if (event === 'stateChanged' || event === 'teamStatus') refresh();
    }),
  );

  const settings = store.read().settings;
  const hidden = shouldStartHidden({
    startHidden: settings.startHidden,
    argv: process.argv,
    openedAtLogin: platform === 'darwin' ? app.getLoginItemSettings().wasOpenedAtLogin : false,
  });
  mainWindow = createMainWindow({
    preloadDir: join(outDir, 'preload'),
    devServerUrl,
    devTools: !app.isPackaged,
    startHidden: hidden,
    icon: appIcon,
    isQuitting: () => quitting,
    hideOnClose: trayIsShown(platform, process.env),
    quit,
    onHiddenToTray: () => {
      const tr = t();
      presenter?.show([
        {
          title: tr('appName'),
          body: tr('notification.hiddenToTray'),
          actions: [],
          milestoneId: null,
          reminderKey: null,
        },
      ]);
    },
  });

  refresh();
  // The tray's counts follow the calendar: refresh them every quarter of an hour (and on wake).
  const everyQuarter = setInterval(refresh, 15 * 60_000);
  everyQuarter.unref();
  disposables.addFn(() => clearInterval(everyQuarter));

  const resumed = () => {
    composed.reminders.onResume();
    team.wake();
    refresh();
  };
  powerMonitor.on('resume', resumed);
  powerMonitor.on('unlock-screen', resumed);
  disposables.addFn(() => {
    powerMonitor.off('resume', resumed);
    powerMonitor.off('unlock-screen', resumed);
  });

  composed.start();
}

/** Start at login: login items on Windows and macOS, an XDG autostart entry on Linux. */
function applyAutostart(startAtLogin: boolean, startHidden: boolean, t: Translate): void {
  const target = launcher(process.execPath, app.isPackaged ? [] : [app.getAppPath()]);
  try {
    if (platform === 'linux') {
      const entry = startAtLogin
        ? autostartDesktopEntry({ target, startHidden, comment: t('appName') })
        : null;
      applyXdgAutostart(autostartFilePath(), entry);
    } else {
      app.setLoginItemSettings(
        loginItemSettings({ platform, openAtLogin: startAtLogin, startHidden, target }),
      );
    }
  } catch (error) {
    console.error(`[compass] start at login: ${String(error)}`);
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it gets "second-instance" and shows its window; this one leaves.
  app.quit();
} else {
  app.on('second-instance', showMain);
  // macOS: a click on the Dock icon brings the window back.
  app.on('activate', showMain);
  // Closing the window only hides it; should every window be gone, keep running in the tray.
  app.on('window-all-closed', () => undefined);
  // The one before-quit: everything start() set up is torn down once (a second quit finds it done).
  app.on('before-quit', () => {
    quitting = true;
    root?.dispose().catch((error: unknown) => console.error(`[compass] stopping: ${String(error)}`));
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Compass Timeline',
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      app.exit(1);
    });
}
