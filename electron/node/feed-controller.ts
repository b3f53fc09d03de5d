/**
 * The live iCal feed on 127.0.0.1 (feed-server), started, moved and stopped as settings.feed says,
 * for both shells (the desktop and the web host). The feed is built on every request, so it always
 * follows the state.
 */
import type { CompassWire } from '../contract/api';
import { toDisposable, type Disposable } from '../core/disposable';
import { icalOptionsFromSettings } from '../core/ical';
import type { Milestone } from '../core/milestone';
import type { UserState } from '../core/user-state';
import type { AppService } from './app-service';
import { DEFAULT_FEED_HOST, publishIcal, startFeedServer, type FeedServer } from './feed-server';
import type { StateStore } from './store';

export interface FeedController {
  /** The subscribe addresses while the feed runs, else null. */
  urls(): { http: string; webcal: string } | null;
  /** Starts, moves or stops the server to match the settings. */
  sync(state: Pick<UserState, 'settings'>): void;
  /** Called after the server started or stopped (the tray shows its addresses); dispose to stop. */
  onChange(listener: () => void): Disposable;
  /** Stops the server. */
  stop(): Promise<void>;
}

export function createFeedController(options: {
  store: StateStore;
  /** The dataset, or a function giving it as it is now (the app's changes when a strategy is imported). */
  dataset: readonly Milestone[] | (() => readonly Milestone[]);
  /** Milestone id → its imported strategy's name: a category per strategy in the feed. */
  strategyNames?: () => ReadonlyMap<string, string>;
  log?: (message: string) => void;
}): FeedController {
  const log = options.log ?? ((message: string) => console.error(`[compass] feed: ${message}`));
  let server: FeedServer | null = null;
  /** The port asked for (null: off), to skip work when nothing about the feed changed. */
  let wanted: number | null = null;
  let queue: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  const feed = () =>
    publishIcal(
      options.store,
      typeof options.dataset === 'function' ? options.dataset() : options.dataset,
      (state) => ({
        ...icalOptionsFromSettings(state.settings.feed),
        ...(options.strategyNames ? { strategyNames: options.strategyNames() } : {}),
      }),
      log,
    );

  /** Runs start/stop steps one after another, never two at once. */
  const enqueue = (step: () => Promise<void>) => {
    queue = queue
      .then(step)
      .catch((error: unknown) => log(error instanceof Error ? error.message : String(error)));
  };

  const close = async () => {
    if (!server) return;
    const running = server;
    server = null;
    await running.close();
    changed();
  };

  return {
    urls: () => (server ? { http: server.url, webcal: server.webcalUrl } : null),
    sync(state) {
      const port = state.settings.feed.enabled ? state.settings.feed.port : null;
      if (port === wanted) return;
      wanted = port;
      enqueue(async () => {
        await close();
        if (port === null) return;
        server = await startFeedServer({ host: DEFAULT_FEED_HOST, port, feed });
        changed();
      });
    },
    onChange(listener) {
      const own = () => listener(); // the same function twice is two listeners
      listeners.add(own);
      return toDisposable(() => void listeners.delete(own));
    },
    stop() {
      wanted = null;
      enqueue(close);
      return queue;
    },
  };
}

/**
 * Keeps the feed in step with the settings: syncs now and on every state change (heard through
 * the typed API), and when the server starts or stops tells every window (a fresh snapshot, whose
 * `feed` has the addresses). Disposing stops both; the server itself stops with feed.stop().
 */
export function followFeedSettings(
  feed: FeedController,
  service: Pick<AppService, 'snapshot' | 'emit'>,
  api: Pick<CompassWire, 'on'>,
): Disposable {
  const unsubscribe = api.on('stateChanged', (snapshot) => feed.sync(snapshot));
  const announce = feed.onChange(() => service.emit('stateChanged', service.snapshot()));
  feed.sync(service.snapshot());
  return toDisposable(() => {
    unsubscribe();
    return announce.dispose();
  });
}
