/**
 * The live iCal feed over HTTP (node:http), for the desktop app (on 127.0.0.1) and `serve-feed`.
 *
 * - GET and HEAD of the feed path answer the current feed, built on every request by `feed()`, so
 *   it follows the state as it changes. Anything else: 404 for another path, 405 (with Allow) for
 *   another method.
 * - ETag: a SHA-256 of the body. Last-Modified: when this server first served the current body
 *   (whole seconds; a change within the same second moves it one second on, so it always grows).
 *   If-None-Match (which wins when both are sent) or If-Modified-Since that match give 304.
 * - Cache-Control: no-cache, so calendar clients revalidate on every refresh.
 * - Only requests addressed to a loopback name, the address it listens on or one of
 *   `allowedHosts` are answered (421 otherwise, against DNS rebinding); a malformed URL is a 400.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildIcal, ICAL_FILE_NAME, ICAL_MIME_TYPE, nextFeedSequences, type IcalOptions } from '../core/ical';
import { allMilestones, type Milestone } from '../core/milestone';
import type { UserState } from '../core/user-state';
import { hostAllowed, MALFORMED_URL, parseRequestTarget, WRONG_HOST } from './http-guard';
import { reviewWords } from './i18n';
import type { StateStore } from './store';

export const FEED_PATH = `/${ICAL_FILE_NAME}`;
export const DEFAULT_FEED_HOST = '127.0.0.1';

/**
 * Reads the state, records the SEQUENCE numbers of the events about to be published (so the next
 * change to an event publishes a higher one), and builds the feed. `dataset` is the dataset (the
 * Compass and the strategies beside it); the user's own milestones come from the state read here.
 * When the store cannot be written the feed is still built (with the numbers it would have stored)
 * and `onWarning` is told.
 */
export function publishIcal(
  store: Pick<StateStore, 'read' | 'update'>,
  dataset: readonly Milestone[],
  options: IcalOptions | ((state: UserState) => IcalOptions),
  onWarning: (message: string) => void = () => {},
): string {
  const all = (state: UserState) => allMilestones(dataset, state);
  let state = store.read();
  if (nextFeedSequences(all(state), state, reviewWords)) {
    try {
      state = store.update((current) => {
        const next = nextFeedSequences(all(current), current, reviewWords);
        return next ? { ...current, feedSequences: next } : current;
      });
    } catch (error) {
      onWarning(
        `Could not record the feed's SEQUENCE numbers in the store (${(error as Error).message}); ` +
          'calendars may miss a later change to an event until the store can be written again.',
      );
    }
  }
  return buildIcal(all(state), state, reviewWords, typeof options === 'function' ? options(state) : options);
}

export interface FeedServerOptions {
  /** Default 127.0.0.1: only this computer can subscribe. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Default FEED_PATH. */
  path?: string;
  /** The feed's current text; called for every GET and HEAD of the feed path. */
  feed: () => string;
  /** The clock for Last-Modified. */
  now?: () => Date;
  /**
   * Host names (or addresses) requests may be addressed to besides 127.0.0.1, localhost, [::1]
   * and the address the server listens on, e.g. the name a team's calendars use for it.
   */
  allowedHosts?: readonly string[];
}

export interface FeedServer {
  readonly host: string;
  readonly port: number;
  /** http://host:port/compass-timeline.ics */
  readonly url: string;
  /** The same with webcal://, which calendar apps open as a subscription. */
  readonly webcalUrl: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** A clear message for a port that cannot be used. */
export class FeedServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedServerError';
  }
}

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** Weak comparison (RFC 9110 §13.1.2): W/ prefixes do not matter; `*` matches anything. */
function noneMatchHits(header: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === etag);
}

const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Starts the feed server; resolves once it listens. */
export function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const host = options.host ?? DEFAULT_FEED_HOST;
  const path = options.path ?? FEED_PATH;
  const now = options.now ?? (() => new Date());
  let current: { etag: string; modifiedMs: number } | null = null;
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const allowedHosts = [...(wildcard ? [] : [host]), ...(options.allowedHosts ?? [])];

  /** ETag and Last-Modified of this body, remembering when it changed. */
  const versionOf = (body: string) => {
    const etag = etagOf(body);
    if (current?.etag !== etag) {
      const second = Math.floor(now().getTime() / 1000) * 1000;
      current = { etag, modifiedMs: current ? Math.max(second, current.modifiedMs + 1000) : second };
    }
    return current;
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const text = (status: number, message: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(message),
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      response.end(method === 'HEAD' ? undefined : message);
    };
    if (!hostAllowed(request.headers.host, allowedHosts)) {
      text(WRONG_HOST.status, WRONG_HOST.message);
      return;
    }
    const target = parseRequestTarget(request.url);
    if (!target) {
      text(MALFORMED_URL.status, MALFORMED_URL.message);
      return;
    }
    const { pathname } = target;
    if (method !== 'GET' && method !== 'HEAD') {
      text(405, `Method ${method} is not allowed: the feed is read-only (GET or HEAD ${path}).\n`, {
        Allow: 'GET, HEAD',
      });
      return;
    }
    if (pathname !== path) {
      text(404, `Not found. The calendar feed is at ${path}.\n`);
      return;
    }
    let body: string;
    try {
      body = options.feed();
    } catch (error) {
      text(500, `The feed could not be built: ${(error as Error).message}\n`);
      return;
    }
    const { etag, modifiedMs } = versionOf(body);
    const headers = {
      ETag: etag,
      'Last-Modified': new Date(modifiedMs).toUTCString(),
      'Cache-Control': 'no-cache',
    };
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const sinceMs = ifModifiedSince ? Date.parse(ifModifiedSince) : Number.NaN;
    const notModified =
      ifNoneMatch !== undefined
        ? noneMatchHits(ifNoneMatch, etag)
        : !Number.isNaN(sinceMs) && modifiedMs <= sinceMs;
    if (notModified) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': `${ICAL_MIME_TYPE}; charset=utf-8`,
      'Content-Length': Buffer.byteLength(body),
      'Content-Disposition': `inline; filename="${ICAL_FILE_NAME}"`,
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(method === 'HEAD' ? undefined : body);
  };

  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new FeedServerError(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on ${host} is already in use: choose another port.`
            : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
              ? `Cannot listen on ${host}: not an address of this computer. Use 127.0.0.1 or one of its own addresses.`
              : error.code === 'EACCES'
                ? `Not allowed to listen on port ${options.port}: choose a port from 1024 up.`
                : `Cannot start the feed server on ${host}:${options.port}: ${error.message}`,
        ),
      );
    });
    server.listen(options.port, host, () => {
      const port = (server.address() as AddressInfo).port;
      const where = `${hostForUrl(host)}:${port}${path}`;
      resolve({
        host,
        port,
        url: `http://${where}`,
        webcalUrl: `webcal://${where}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
