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
import { IPC_CHANNEL, IPC_EVENT_CHANNEL, type CompassApi } from '../contract/api';
import { createBridge } from '../contract/bridge';
import type { IsoDate } from '../core/date-phrase';
import {
  notificationsFor,
  type NotificationAction,
  type NotificationContent,
} from '../core/notification-content';
import { deriveProgress } from '../core/progress';
import { resolveLocale, type Translate } from '../core/shell-locale';
import { trayModel, type TrayCommand } from '../core/tray-model';
import { withTeamTooltip } from '../core/team-tray';
import type { Locale, UserState } from '../core/user-state';
import { createAppService, type AppService } from '../node/app-service';
import {
  applyXdgAutostart,
  autostartDesktopEntry,
  autostartFilePath,
  launcher,
  loginItemSettings,
  shouldStartHidden,
} from '../node/autostart';
import { createFeedController, followFeedSettings, type FeedController } from '../node/feed-controller';
import { bundledMilestones } from '../node/milestones-source';
import { createReminderService, type ReminderService } from '../node/scheduler';
import { createTeamService } from '../node/team/team-service';
import { openStateStore, type StoreEngine, type StoreEngineFactory } from '../node/store';
import { createFileActions, type FileActions } from './file-actions';
import { hardenApp, openExternalSafely, registerAppScheme, serveRenderer } from './harden';
import { appUserModelId, devUserDataDir, TOAST_ACTIVATOR_CLSID } from './identity';
import { guardedInvoke } from './ipc-guard';
import { appMenuTemplate } from './menu-templates';
import { createNotificationPresenter } from './notifier';
import { APP_ORIGIN, devServerOrigin, type TrustedOrigin } from './security-policy';
import { translator as shellTranslator } from '../node/i18n';
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

/** electron-store with the store module's options, in the user-data folder (the CLI's default). */
const electronStoreEngine: StoreEngineFactory = (options) => {
  const { configName, ...rest } = options;
  return new ElectronStore<UserState>({ ...rest, name: configName }) as unknown as StoreEngine;
};

const today = (): IsoDate => format(new Date(), 'yyyy-MM-dd');

let quitting = false;
let mainWindow: BrowserWindow | null = null;
/** What start() set up and a quit must stop. */
let stopServices: () => void = () => undefined;

/** Where dialogs open: Documents, asked for only then (it can be missing or redirected on Windows), else home. */
function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch (error) {
    console.warn(`[compass] no Documents folder (${String(error)}): dialogs open in the home folder.`);
    return app.getPath('home');
  }
}

/** A call whose failure dispatch has already logged: nothing more to do with it. */
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

  const store = openStateStore({ cwd: app.getPath('userData'), engine: electronStoreEngine });
  // The Compass; the service adds the strategies imported (strategies/<slug>.json in userData).
  const compass = bundledMilestones();
  const dataset = () => service?.dataset() ?? compass;
  const systemLocale = () => app.getLocale();
  const locale = (state: UserState = store.read()): Locale =>
    resolveLocale(state.settings.locale, systemLocale());
  const t = (): Translate => shellTranslator(locale());

  let service: AppService | null = null;
  const dispatch = async (method: string, input: unknown) => {
    if (!service)
      return { ok: false as const, error: { code: 'failed' as const, message: 'Not started yet.' } };
    const result = await service.dispatch(method, input);
    if (!result.ok) console.error(`[compass] ${method}: ${result.error.message}`);
    return result;
  };
  /** The app service through the contract's typed bridge: the same API the renderer has. */
  const api: CompassApi = createBridge({
    invoke: dispatch,
    subscribe: (listener) =>
      service ? service.subscribe((event, payload) => listener(event, payload)) : () => undefined,
  });

  const openMilestone = (id: string | null) => {
    showMain();
    if (id) service?.emit('openMilestone', { id });
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

  const presenter = createNotificationPresenter({
    open: openMilestone,
    act,
    // Refused by the OS (e.g. an unsigned macOS build): the window shows it as a toast instead.
    failed(content, reason) {
      console.warn(`[compass] notification not shown (${reason}): shown in the window instead.`);
      service?.emit('toast', {
        title: content.title,
        body: content.body,
        milestoneId: content.milestoneId,
        reminderKey: content.reminderKey,
      });
    },
    icon: appIcon,
  });
  // Windows: a toast clicked in the Action Center after its object is gone (or after a restart).
  if (platform === 'win32') Notification.handleActivation(() => showMain());

  const files: FileActions = createFileActions({
    api,
    window: () => mainWindow,
    t,
    today,
    documentsDir,
    preloadDir: join(outDir, 'preload'),
    devServerUrl,
  });
  const reminders: ReminderService = createReminderService({
    store,
    milestones: () => [...dataset(), ...store.read().ownMilestones],
    notifier: {
      show(batch) {
        const state = store.read();
        presenter.show(
          notificationsFor(batch, {
            today: today(),
            locale: locale(state),
            t: shellTranslator(locale(state)),
            platform,
          }),
        );
      },
    },
  });

  // The team sync (CalDAV); its password is sealed by safeStorage, never written in clear.
  const team = createTeamService({ store, dataset, seal: safeStorageSeal(safeStorage, platform) });

  service = createAppService({
    store,
    dataset: compass,
    strategiesDir: app.getPath('userData'),
    today,
    systemLocale,
    reminders,
    openExternal: openExternalSafely,
    saveFile: files.saveFile,
    team,
  });

  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, payload: unknown) =>
    guardedInvoke(event.senderFrame, method, payload, {
      trusted,
      dispatch: (name, input) => dispatch(name, input),
      onRefused: (reason) => console.warn(`[compass] refused IPC call: ${reason}`),
    }),
  );

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

  const feed: FeedController = createFeedController({
    store,
    dataset,
    strategyNames: () => service?.strategyNames() ?? new Map(),
  });

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
        void files.exportIcal();
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

  let menuLocale: Locale | null = null;
  let autostartApplied = '';
  /** Everything the shell shows or registers that follows the state: called on every change. */
  const refresh = () => {
    const state = store.read();
    const lang = locale(state);
    const tr = shellTranslator(lang);
    const model = trayModel({
      milestones: [...dataset(), ...state.ownMilestones],
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
              exportIcal: () => void files.exportIcal(),
              exportReview: () => void files.exportReview(),
              exportData: () => void files.exportData(),
              importData: () => void files.importData(),
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

  service.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
    if (event === 'stateChanged' || event === 'teamStatus') refresh();
  });
  // Starts and stops the feed with the settings; when it does, a new snapshot refreshes the tray too.
  followFeedSettings(feed, service);

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
      presenter.show([
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
  setInterval(refresh, 15 * 60_000).unref();

  const resumed = () => {
    reminders.onResume();
    team.wake();
    refresh();
  };
  powerMonitor.on('resume', resumed);
  powerMonitor.on('unlock-screen', resumed);
  stopServices = () => {
    reminders.stop();
    void team.dispose();
    void feed.stop();
    tray.destroy();
  };

  reminders.start();
  team.start();
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
  app.on('before-quit', () => {
    quitting = true;
    stopServices();
    stopServices = () => undefined;
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
