/**
 * The composition root: the one place where the store, the milestones, the reminders, the
 * notifications' words, the feed, the team sync and the app service are put together, for the
 * desktop app (electron/main), the web host and the command line. Each entry point passes what
 * differs (where the data is, which dataset, the day, the system's language, how notifications are
 * shown, the password seal, links and the save dialog) and gets the parts back, with start() and
 * one dispose() that tears down everything, including what the entry point added to
 * `disposables` (its IPC handler, listeners, intervals, servers).
 */
import { format } from 'date-fns';
import type { CompassWire, ExportedFile, SavedFile } from '../contract/api';
import { createBridge } from '../contract/bridge';
import type { IsoDate } from '../core/date-phrase';
import { DisposableStore } from '../core/disposable';
import type { AnyMilestone } from '../core/milestone';
import { notificationsFor, type NotificationContent } from '../core/notification-content';
import { resolveLocale, type Translate } from '../core/shell-locale';
import type { Locale, UserState } from '../core/user-state';
import { createAppService, type AppService } from './app-service';
import { createFeedController, followFeedSettings, type FeedController } from './feed-controller';
import { translator } from './i18n';
import { openMilestoneCatalog, type DatasetChoice, type MilestoneCatalog } from './milestone-catalog';
import { createReminderService, type ReminderService } from './scheduler';
import { openStateStore, type StateStore, type StoreEngineFactory } from './store';
import type { PasswordSeal } from './team/password';
import { createTeamService, type TeamService } from './team/team-service';

/** Where the data is and which dataset: all the command line needs. */
export interface DataOptions {
  /** The data folder: the store, saved strategies, the team's file, the public record. */
  dataDir: string;
  /** How the store's file is opened: electron-store in the desktop app; default conf. */
  engine?: StoreEngineFactory;
  dataset?: DatasetChoice;
}

/** The data of one folder, each part opened on first use (a command that needs no store opens none). */
export interface DataParts {
  readonly dataDir: string;
  /** The milestones (loaded on the first call; throws a DatasetError that says what to fix). */
  catalog(): MilestoneCatalog;
  /** The store (opened on the first call; throws what openStateStore throws). */
  store(): StateStore;
  /** All milestones now: the dataset and the own milestones of `state` (default: the store's). */
  milestones(state?: UserState): AnyMilestone[];
}

/** The dataset, then the store, each opened once when first asked for. */
export function openData(options: DataOptions): DataParts {
  let catalog: MilestoneCatalog | undefined;
  let store: StateStore | undefined;
  const parts: DataParts = {
    dataDir: options.dataDir,
    catalog: () => (catalog ??= openMilestoneCatalog(options.dataDir, options.dataset)),
    store: () =>
      (store ??= openStateStore({
        cwd: options.dataDir,
        ...(options.engine ? { engine: options.engine } : {}),
      })),
    milestones: (state) => parts.catalog().all(state ?? parts.store().read()),
  };
  return parts;
}

export interface AppOptions extends DataOptions {
  /** The day the app shows and records (the web host's --today). */
  today: () => IsoDate;
  /** The time entries are recorded at (default: the clock). */
  now?: () => Date;
  /** The operating system's language, e.g. "nl-NL". */
  systemLocale: () => string;
  /** The platform the notifications' words are for ('web': the web host's toasts). */
  platform: NodeJS.Platform | 'web';
  /**
   * Shows reminder notifications (the desktop's OS notifications). Called only after start();
   * default: in-app toasts in every window.
   */
  present?: (contents: readonly NotificationContent[]) => void;
  /** Seals the team password (the desktop's safeStorage); without one it stays in memory only. */
  seal?: PasswordSeal | null;
  /** Opens an already validated http(s) URL in the user's browser. */
  openExternal?: (url: string) => Promise<boolean>;
  /** Saves an exported file where the user chooses (the desktop's save dialog). */
  saveFile?: (file: ExportedFile) => Promise<SavedFile>;
  /** The environment the team sync reads a password from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where a failed API call is logged (the desktop logs them); default: nowhere. */
  log?: (message: string) => void;
}

export interface AppRoot {
  readonly dataDir: string;
  readonly store: StateStore;
  readonly catalog: MilestoneCatalog;
  readonly reminders: ReminderService;
  readonly feed: FeedController;
  readonly team: TeamService;
  readonly service: AppService;
  /** The service through the contract's typed bridge, as the wire carries it (a change answers its ack). */
  readonly api: CompassWire;
  /** The service's untrusted entry (IPC, HTTP), logging failures to `log`. */
  dispatch: AppService['dispatch'];
  /** The language the app speaks now (the setting, else the system's). */
  locale(state?: UserState): Locale;
  /** The shell's words in that language. */
  t(state?: UserState): Translate;
  /** Shows a notification in every window as a toast (also where the OS refused one). */
  toast(content: NotificationContent): void;
  /** Torn down with the root, newest first: what the entry point sets up around it. */
  readonly disposables: DisposableStore;
  /** Starts the feed (as the settings say), the reminders and the team sync. Once. */
  start(): void;
  /** Stops everything, in reverse order of setting up; once (a second call gets the same promise). */
  dispose(): Promise<void>;
}

/** Builds the app: the dataset first (its problems are the user's to fix), then the store. */
export function composeApp(options: AppOptions): AppRoot {
  const data = openData(options);
  const catalog = data.catalog();
  const store = data.store();
  const disposables = new DisposableStore();
  const locale = (state: UserState = store.read()): Locale =>
    resolveLocale(state.settings.locale, options.systemLocale());
  const t = (state?: UserState): Translate => translator(locale(state));

  // The engine runs on the real clock (even with --today), so "today" in its words is the real one.
  const clock = () => new Date();
  const reminders = createReminderService({
    store,
    milestones: (state) => catalog.all(state),
    notifier: {
      show(batch, state) {
        const lang = locale(state);
        const contents = notificationsFor(batch, {
          today: format(clock(), 'yyyy-MM-dd'),
          locale: lang,
          t: translator(lang),
          platform: options.platform,
        });
        if (options.present) options.present(contents);
        else contents.forEach(toast);
      },
    },
  });
  disposables.addFn(() => reminders.stop());

  const team = createTeamService({
    store,
    dataset: catalog.dataset,
    seal: options.seal ?? null,
    ...(options.env ? { env: options.env } : {}),
  });
  disposables.addFn(() => team.dispose());

  // The live iCal feed: on while settings.feed.enabled, on its port.
  const feed = createFeedController({
    store,
    dataset: catalog.dataset,
    strategyNames: catalog.strategyNames,
  });
  disposables.addFn(() => feed.stop());

  const service = createAppService({
    store,
    catalog,
    today: options.today,
    ...(options.now ? { now: options.now } : {}),
    systemLocale: options.systemLocale,
    reminders,
    feedUrls: () => feed.urls(),
    team,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    ...(options.saveFile ? { saveFile: options.saveFile } : {}),
  });

  const dispatch: AppService['dispatch'] = async (method, input) => {
    const result = await service.dispatch(method, input);
    if (!result.ok) options.log?.(`${String(method)}: ${result.error.message}`);
    return result;
  };
  const api = createBridge({
    invoke: dispatch,
    subscribe: (listener) => service.subscribe((event, payload) => listener(event, payload)),
  });

  const toast = (content: NotificationContent): void => service.emit('toast', content);

  let started = false;
  return {
    dataDir: options.dataDir,
    store,
    catalog,
    reminders,
    feed,
    team,
    service,
    api,
    dispatch,
    locale,
    t,
    toast,
    disposables,
    start() {
      if (started || disposables.isDisposed) return;
      started = true;
      // Starts and stops the feed with the settings; when it does, every window gets a snapshot.
      disposables.add(followFeedSettings(feed, service, api));
      reminders.start();
      team.start();
    },
    dispose: () => disposables.dispose(),
  };
}
