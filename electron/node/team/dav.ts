/**
 * CalDAV through tsdav, over the bounded `fetch` of http.ts: discovery of the user's calendar home
 * (RFC 6764 well-known, current-user-principal, calendar-home-set), finding or creating the
 * team's two collections, and the few requests the sync makes (PROPFIND, sync-collection,
 * calendar-multiget, conditional PUT and DELETE).
 */
import {
  calendarMultiGet,
  createAccount,
  deleteObject,
  fetchCalendars,
  getBasicAuthHeaders,
  makeCalendar,
  propfind,
  syncCollection,
  type DAVResponse,
} from 'tsdav';
import { checkUrl, createTeamHttp, TeamError, type TeamHttp } from './http';
import type { TeamConnection } from './team-state';

export const PROGRESS_COLLECTION = 'compass-progress/';
export const CALENDAR_COLLECTION = 'compass-deadlines/';
const PROGRESS_NAME = 'Compass Timeline – team progress';
const CALENDAR_NAME = 'Compass Timeline – team deadlines';

export interface DavSession {
  http: TeamHttp;
  headers: Record<string, string>;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export function openSession(
  connection: Pick<
    TeamConnection,
    'serverUrl' | 'progressUrl' | 'calendarUrl' | 'caFile' | 'user' | 'allowInsecureHttp'
  >,
  password: string,
): DavSession {
  const urls = [connection.serverUrl, connection.progressUrl, connection.calendarUrl].filter(Boolean);
  for (const url of urls) checkUrl(url, connection.allowInsecureHttp);
  return {
    http: createTeamHttp({ origins: urls, caFile: connection.caFile }),
    headers: getBasicAuthHeaders({ username: connection.user, password }),
  };
}

/** The problem the requests met, else a TeamError made from whatever tsdav threw. */
export function explain(session: DavSession, error: unknown): TeamError {
  if (session.http.problem) return session.http.problem;
  if (error instanceof TeamError) return error;
  return new TeamError(
    `The CalDAV exchange failed: ${(error as Error).message ?? String(error)}.`,
    'protocol',
  );
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const v = value as { _cdata?: unknown; _text?: unknown };
    if (typeof v._cdata === 'string') return v._cdata;
    if (typeof v._text === 'string') return v._text;
  }
  return null;
};

/** A collection must exist and be a calendar: 404 and other answers get a clear message. */
export async function checkCollection(
  session: DavSession,
  url: string,
  flag: string,
): Promise<{ syncToken: string | null }> {
  const [response] = await propfind({
    url,
    props: { 'd:resourcetype': {}, 'd:sync-token': {}, 'c:supported-calendar-component-set': {} },
    depth: '0',
    headers: session.headers,
    fetch: session.http.fetch,
  });
  if (!response || response.status === 404) {
    throw new TeamError(
      `The collection ${url} does not exist on the server (404). Check ${flag}, or leave the collection options ` +
        'out to let the app find or create its collections.',
      'not-found',
    );
  }
  if (!response.ok) {
    throw new TeamError(
      `The server answered ${response.status} ${response.statusText ?? ''} for the collection ${url}. Check ${flag}.`,
      'protocol',
    );
  }
  if (!Object.keys(response.props?.resourcetype ?? {}).includes('calendar')) {
    throw new TeamError(`${url} is not a calendar collection. Check ${flag}.`, 'not-found');
  }
  return { syncToken: text(response.props?.syncToken) };
}

export interface Discovered {
  progressUrl: string;
  calendarUrl: string;
  /** Collections the app created. */
  created: string[];
}

/**
 * Finds the team's collections: the given URLs (checked), else the user's calendars named like
 * ours, else new ones made in the calendar home.
 */
export async function discover(
  session: DavSession,
  serverUrl: string,
  user: string,
  given: { progressUrl?: string | null; calendarUrl?: string | null },
): Promise<Discovered> {
  const created: string[] = [];
  if (given.progressUrl) await checkCollection(session, given.progressUrl, '--progress-collection');
  if (given.calendarUrl) await checkCollection(session, given.calendarUrl, '--calendar-collection');
  if (given.progressUrl && given.calendarUrl) {
    return { progressUrl: withSlash(given.progressUrl), calendarUrl: withSlash(given.calendarUrl), created };
  }
  const account = await createAccount({
    account: { serverUrl, accountType: 'caldav', credentials: { username: user } },
    headers: session.headers,
    fetch: session.http.fetch,
  });
  if (!account.homeUrl)
    throw new TeamError(
      'The server did not say where your calendars are (no calendar-home-set).',
      'protocol',
    );
  const calendars = await fetchCalendars({ account, headers: session.headers, fetch: session.http.fetch });
  const find = async (
    wanted: string | null | undefined,
    path: string,
    name: string,
    components: string[],
  ) => {
    if (wanted) return withSlash(wanted);
    const url = new URL(path, withSlash(account.homeUrl!)).href;
    const existing =
      calendars.find((c) => withSlash(c.url) === url) ?? calendars.find((c) => c.displayName === name);
    if (existing) return withSlash(existing.url);
    const [response] = await makeCalendar({
      url,
      props: {
        'd:displayname': name,
        'c:supported-calendar-component-set': {
          'c:comp': components.map((n) => ({ _attributes: { name: n } })),
        },
      },
      headers: session.headers,
      fetch: session.http.fetch,
    });
    if (!response?.ok) {
      throw new TeamError(
        `The server did not let the app create the collection ${url} (${response?.status} ${response?.statusText ?? ''}). ` +
          'Create it yourself and give it with --progress-collection / --calendar-collection.',
        'protocol',
      );
    }
    created.push(url);
    return url;
  };
  const progressUrl = await find(given.progressUrl, PROGRESS_COLLECTION, PROGRESS_NAME, [
    'VJOURNAL',
    'VTODO',
  ]);
  const calendarUrl = await find(given.calendarUrl, CALENDAR_COLLECTION, CALENDAR_NAME, ['VEVENT']);
  return { progressUrl, calendarUrl, created };
}

// ---- the requests of a sync

export interface RemoteObject {
  /** The resource's path on the server (decoded, as the app stores it). */
  path: string;
  etag: string | null;
}

export const pathOf = (href: string, base: string) => decodeURIComponent(new URL(href, base).pathname);

/** Every resource of a collection with its ETag (PROPFIND depth 1). */
export async function listEtags(session: DavSession, collectionUrl: string): Promise<RemoteObject[]> {
  const responses = await propfind({
    url: collectionUrl,
    props: { 'd:getetag': {}, 'd:resourcetype': {} },
    depth: '1',
    headers: session.headers,
    fetch: session.http.fetch,
  });
  const self = pathOf(collectionUrl, collectionUrl);
  const bad = responses.find((r) => !r.ok && r.status !== 200 && r.status !== 207 && r.status !== undefined);
  if (bad && bad.status === 404) await checkCollection(session, collectionUrl, 'the collection URL');
  return responses
    .filter(
      (r) =>
        r.href && pathOf(r.href, collectionUrl) !== self && !Object.keys(r.props?.resourcetype ?? {}).length,
    )
    .map((r) => ({ path: pathOf(r.href!, collectionUrl), etag: text(r.props?.getetag) }));
}

export type SyncChanges =
  { supported: true; token: string; changed: RemoteObject[]; deleted: string[] } | { supported: false };

/** RFC 6578 sync-collection from a token (null: from the start). `supported: false` when refused. */
export async function syncChanges(
  session: DavSession,
  collectionUrl: string,
  token: string | null,
): Promise<SyncChanges> {
  const responses: DAVResponse[] = await syncCollection({
    url: collectionUrl,
    props: { 'd:getetag': {} },
    syncLevel: 1,
    syncToken: token ?? '',
    headers: { ...session.headers, depth: '0' },
    fetch: session.http.fetch,
  });
  const raw = responses.find((r) => r.raw !== undefined && !r.props);
  if (raw && !raw.ok) return { supported: false };
  const first = responses[0] as (DAVResponse & { syncToken?: unknown }) | undefined;
  // tsdav puts the multistatus's own sync-token on the parsed responses' first element.
  const newToken =
    text(
      (first as { raw?: { multistatus?: { syncToken?: unknown } } } | undefined)?.raw?.multistatus?.syncToken,
    ) ?? null;
  const changed: RemoteObject[] = [];
  const deleted: string[] = [];
  const self = pathOf(collectionUrl, collectionUrl);
  for (const r of responses) {
    if (!r.href) continue;
    const path = pathOf(r.href, collectionUrl);
    if (path === self) continue;
    if (r.status === 404) deleted.push(path);
    else changed.push({ path, etag: text(r.props?.getetag) });
  }
  if (!newToken) return { supported: false };
  return { supported: true, token: newToken, changed, deleted };
}

/** The calendar data of resources, in batches (calendar-multiget). */
export async function fetchObjects(
  session: DavSession,
  collectionUrl: string,
  paths: readonly string[],
  batch = 200,
): Promise<Map<string, { etag: string | null; data: string }>> {
  const out = new Map<string, { etag: string | null; data: string }>();
  for (let i = 0; i < paths.length; i += batch) {
    const responses = await calendarMultiGet({
      url: collectionUrl,
      props: { 'd:getetag': {}, 'c:calendar-data': {} },
      objectUrls: paths.slice(i, i + batch).map((p) => new URL(encodeURI(p), collectionUrl).pathname),
      depth: '1',
      headers: session.headers,
      fetch: session.http.fetch,
    });
    for (const r of responses) {
      const data = text(r.props?.calendarData);
      if (r.href && data) out.set(pathOf(r.href, collectionUrl), { etag: text(r.props?.getetag), data });
    }
  }
  return out;
}

export interface PutResult {
  status: number;
  etag: string | null;
}

/** PUT with If-None-Match: * (etag null: create only) or If-Match (replace only that version). */
export async function putObject(
  session: DavSession,
  url: string,
  data: string,
  ifMatch: string | null,
): Promise<PutResult> {
  const response = await session.http.fetch(url, {
    method: 'PUT',
    body: data,
    headers: {
      ...session.headers,
      'content-type': 'text/calendar; charset=utf-8',
      ...(ifMatch ? { 'if-match': ifMatch } : { 'if-none-match': '*' }),
    },
  });
  await response.arrayBuffer();
  return { status: response.status, etag: response.headers.get('etag') };
}

export async function getObject(
  session: DavSession,
  url: string,
): Promise<{ status: number; etag: string | null; data: string }> {
  const response = await session.http.fetch(url, { method: 'GET', headers: session.headers });
  return { status: response.status, etag: response.headers.get('etag'), data: await response.text() };
}

export async function deleteWithEtag(session: DavSession, url: string, etag: string | null): Promise<number> {
  const response = await deleteObject({
    url,
    etag: etag ?? undefined,
    headers: session.headers,
    fetch: session.http.fetch,
  });
  await response.arrayBuffer();
  return response.status;
}
