/**
 * The team sync inside an app (the desktop shell and the web host): connect, disconnect, the
 * status Settings and the tray show, and automatic sync: at start, a few seconds after each local
 * change, every few minutes, on resume, and on demand. One round at a time; a request for a round
 * while one runs gets one more round after it. The outbox lives in team.json (see sync.ts), so
 * nothing recorded is lost to an outage, a quit or a crash.
 *
 * The password is never written in clear: with a `PasswordSeal` (the desktop app's Electron
 * safeStorage) its sealed form is kept in team.json; without one (the web host) it is kept in this
 * process's memory only, so after a restart the user connects again (or sets
 * COMPASS_TIMELINE_PASSWORD, as for the CLI).
 */
import { dirname } from 'node:path';
import { icalOptionsFromSettings } from '../../core/ical';
import { allMilestones, type Milestone } from '../../core/milestone';
import type { TeamProblem, TeamStatus } from '../../contract/api';
import { publishIcal } from '../feed-server';
import type { StateStore } from '../store';
import { connectTeam, type ConnectOptions } from './connect';
import { TeamError } from './http';
import { storeLocalLog } from './local-log';
import { PASSWORD_ENV, resolvePassword, type PasswordSeal } from './password';
import { syncOnce } from './sync';
import { EMPTY_TEAM_STATE, entriesOnServer, openTeamFile, type TeamState } from './team-state';

/** How long after a local change the sync waits (more changes in that time make one round). */
export const CHANGE_DEBOUNCE_MS = 3000;
/** The regular round. */
export const SYNC_INTERVAL_MS = 5 * 60_000;
/** After a network failure (offline, server down): try again sooner. */
export const RETRY_AFTER_NETWORK_MS = 60_000;

export type ConnectInput = Pick<
  ConnectOptions,
  'serverUrl' | 'user' | 'password' | 'caFile' | 'allowInsecureHttp' | 'progressUrl' | 'calendarUrl'
>;

export interface TeamServiceOptions {
  store: StateStore;
  /** The Compass dataset (own milestones come from the store), or a function giving it as it is now (imported strategies). */
  dataset: readonly Milestone[] | (() => readonly Milestone[]);
  /** Electron safeStorage's pair in the desktop app; absent: the password stays in memory only. */
  seal?: PasswordSeal | null;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  log?: (message: string) => void;
  debounceMs?: number;
  intervalMs?: number;
  retryMs?: number;
}

export interface TeamService {
  status(): TeamStatus;
  /** The connection's user name (null when not connected): cheap, without counting what is pending. */
  user(): string | null;
  /** Connects (discovery, find or create the collections); throws a TeamError and saves nothing on failure. */
  connect(input: ConnectInput): Promise<TeamStatus>;
  disconnect(): TeamStatus;
  /** One round now (or right after the one running); resolves with the status after it. Never throws. */
  syncNow(): Promise<TeamStatus>;
  /** A local change: a round follows after the debounce. */
  localChanged(): void;
  /** The computer woke up or came back online: a round now. */
  wake(): void;
  /**
   * Listens for `status` changes (a round started or ended, a connect, a disconnect; the shells
   * send them to the window and the tray) and for `received` (a round merged colleagues' entries
   * into the local log). Returns the unsubscribe.
   */
  subscribe(listener: TeamListener): () => void;
  /** Starts the automatic sync (a round now, then every interval). */
  start(): void;
  /** Stops every timer and starts no more rounds; resolves when a round still running has ended. */
  dispose(): Promise<void>;
}

export interface TeamListener {
  status?(status: TeamStatus): void;
  received?(): void;
}

/** The engine's problem codes, and 'no-password', as the contract names them. */
const problemOf = (code: string): TeamProblem => code as TeamProblem;

export function createTeamService(options: TeamServiceOptions): TeamService {
  const { store } = options;
  const datasetNow = () => (typeof options.dataset === 'function' ? options.dataset() : options.dataset);
  const dataDir = dirname(store.path);
  const team = openTeamFile(dataDir, (message) => log(message));
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(`[compass] team: ${message}`));
  const seal = options.seal ?? null;
  const localLog = storeLocalLog(store);
  /** The password given at connect, for hosts without a seal (never written anywhere). */
  let remembered: string | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let disposed = false;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const passwordSource = (state: TeamState): TeamStatus['password'] => {
    const c = state.connection;
    if (!c) return 'none';
    if (c.sealedPassword && seal) return 'sealed';
    if (remembered !== null) return 'memory';
    if (c.passwordFile || env[PASSWORD_ENV]) return 'file';
    return 'none';
  };

  const status = (): TeamStatus => {
    const state = team.read();
    const c = state.connection;
    let pending = 0;
    if (c) {
      const known = entriesOnServer(state);
      const ids = new Set(state.outbox.map((e) => e.id));
      for (const e of localLog.entries()) if (!known.has(e.id)) ids.add(e.id);
      pending = ids.size;
    }
    return {
      connection: c
        ? {
            serverUrl: c.serverUrl,
            user: c.user,
            progressUrl: c.progressUrl,
            calendarUrl: c.calendarUrl,
            caFile: c.caFile,
            allowInsecureHttp: c.allowInsecureHttp,
            connectedAt: c.connectedAt,
          }
        : null,
      password: passwordSource(state),
      canSeal: seal !== null,
      pending,
      syncing: running !== null,
      lastSync: state.lastSync
        ? { at: state.lastSync.at, sent: state.lastSync.sent, received: state.lastSync.received }
        : null,
      lastError: state.lastError
        ? {
            at: state.lastError.at,
            problem: problemOf(state.lastError.code),
            message: state.lastError.message,
          }
        : null,
    };
  };

  const listeners = new Set<TeamListener>();
  const announce = () => {
    if (disposed || listeners.size === 0) return;
    const current = status();
    listeners.forEach((l) => l.status?.(current));
  };

  const passwordFor = (state: TeamState): string | null => {
    if (remembered !== null) return remembered;
    try {
      return resolvePassword({ env, connection: state.connection, seal: seal ?? undefined });
    } catch {
      return null;
    }
  };

  const recordError = (problem: TeamProblem, message: string) =>
    team.update((s) =>
      s.lastError?.message === message && s.lastError.code === problem
        ? s
        : { ...s, lastError: { at: now().toISOString(), code: problem, message } },
    );

  let nextDelay = options.intervalMs ?? SYNC_INTERVAL_MS;
  let started = false;
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (disposed || !started) return;
    timer = setTimeout(() => void syncNow(), ms);
    timer.unref?.();
  };

  const round = async () => {
    const state = team.read();
    if (!state.connection) return;
    const password = passwordFor(state);
    if (password === null) {
      recordError(
        'no-password',
        'No password at hand for the team server: connect again in Settings to enter it.',
      );
      return;
    }
    const local = store.read();
    try {
      const result = await syncOnce({
        team,
        log: localLog,
        password,
        milestones: allMilestones(datasetNow(), local),
        lang: local.settings.feed.lang,
        feed: () => publishIcal(store, datasetNow(), (s) => icalOptionsFromSettings(s.settings.feed)),
        now,
      });
      nextDelay = options.intervalMs ?? SYNC_INTERVAL_MS;
      if (result.received > 0) listeners.forEach((l) => l.received?.());
    } catch (error) {
      if (!(error instanceof TeamError)) {
        log(`sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        recordError('protocol', error instanceof Error ? error.message : String(error));
        return;
      }
      // syncOnce records what it met; a problem found before its first request is recorded here.
      recordError(problemOf(error.code), error.message);
      nextDelay =
        error.code === 'network'
          ? (options.retryMs ?? RETRY_AFTER_NETWORK_MS)
          : (options.intervalMs ?? SYNC_INTERVAL_MS);
    }
  };

  const syncNow = (): Promise<TeamStatus> => {
    if (disposed) return Promise.resolve(status());
    if (running) {
      again = true;
      return running.then(status);
    }
    const rounds = async () => {
      await Promise.resolve(); // `running` is set before the first round starts
      do {
        again = false;
        await round();
      } while (again && !disposed);
    };
    const current = rounds().finally(() => {
      running = null;
      schedule(nextDelay);
      announce();
    });
    running = current;
    // The status says "syncing" from here until the rounds end.
    announce();
    return current.then(status);
  };

  return {
    status,
    user: () => team.read().connection?.user ?? null,
    async connect(input) {
      await connectTeam({ ...input, dataDir, seal: seal ?? undefined, now: now() });
      remembered = seal ? null : input.password;
      // The server just took the password: an earlier problem (a wrong or missing one) is over.
      team.update((s) => (s.lastError ? { ...s, lastError: null } : s));
      announce();
      void syncNow();
      return status();
    },
    disconnect() {
      remembered = null;
      team.update(() => structuredClone(EMPTY_TEAM_STATE));
      announce();
      return status();
    },
    syncNow,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    localChanged() {
      if (disposed || !team.read().connection) return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => {
        debounce = null;
        void syncNow();
      }, options.debounceMs ?? CHANGE_DEBOUNCE_MS);
      debounce.unref?.();
    },
    wake() {
      if (!disposed && team.read().connection) void syncNow();
    },
    start() {
      if (started || disposed) return;
      started = true;
      if (team.read().connection) void syncNow();
      else schedule(nextDelay);
    },
    dispose() {
      disposed = true;
      if (debounce) clearTimeout(debounce);
      if (timer) clearTimeout(timer);
      debounce = null;
      timer = null;
      listeners.clear();
      return running ? running.then(() => undefined) : Promise.resolve();
    },
  };
}
