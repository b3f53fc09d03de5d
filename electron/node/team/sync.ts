/**
 * One sync round with the team's CalDAV server. Offline first: the local log is what the app
 * reads; the server is where colleagues meet. A round
 *
 * 1. queues every local entry the server is not known to hold (the outbox in team.json, so it
 *    survives restarts and kills);
 * 2. sends each as its own VJOURNAL with If-None-Match: * — created once, never rewritten; a 412
 *    means the server already has it (sent before a crash): that counts as sent, never twice.
 *    Up to PARALLEL requests are in flight at once; what was sent leaves the outbox in batches
 *    (one team.json write per PERSIST_EVERY entries, and whatever is done when a round fails), so
 *    a kill loses at most the record of a batch, and those entries are answered 412 next time;
 * 3. pulls what changed: sync-collection (RFC 6578) from the stored token, or, where the server
 *    has none or refuses the token, a PROPFIND of every ETag compared with the stored ones; new
 *    journals are merged into the local log (union by entry id);
 * 4. writes the VTODO of every key whose derived state the server does not show yet: a task not
 *    seen yet is created at once (If-None-Match: *), a known one is read and rewritten with
 *    If-Match on the version read (keeping what other clients added); a 412 re-reads the task
 *    and re-derives, a task the server shows with more entries than known here is left for the next
 *    round (never a silent overwrite);
 * 5. publishes the deadline calendar: one event per resource, sent only when its text changed
 *    (If-None-Match / If-Match); on a 412 the higher SEQUENCE wins, as calendar clients do.
 *
 * Nothing local is changed by a failure: the error is recorded (in words) and thrown.
 */
import { createHash } from 'node:crypto';
import type { AnyMilestone } from '../../core/milestone';
import { compareEntries, parseLogKey, type LogEntry, type LogKey } from '../../core/progress-log';
import {
  deriveTodo,
  entryToJournal,
  eventIdentity,
  journalFileName,
  readProgressResource,
  splitFeed,
  todoFileName,
  todoResource,
} from '../../core/team-ical';
import {
  deleteWithEtag,
  explain,
  fetchObjects,
  getObject,
  listEtags,
  openSession,
  pathOf,
  putObject,
  syncChanges,
  type DavSession,
  type RemoteObject,
} from './dav';
import { TeamError } from './http';
import type { JsonFile } from './json-file';
import type { LocalLog } from './local-log';
import { entriesOnServer, type ProgressObject, type TeamState } from './team-state';

export interface SyncOptions {
  team: JsonFile<TeamState>;
  log: LocalLog;
  password: string;
  /** Milestones for the tasks' titles and due dates. */
  milestones: readonly AnyMilestone[];
  /** The iCal feed to publish (buildIcal/publishIcal); undefined: leave the calendar alone. */
  feed?: () => string;
  lang?: 'nl' | 'en';
  now?: () => Date;
  /** Use ETag comparison even where the server offers sync-collection. */
  forceEtag?: boolean;
  /** Called after each journal sent (tests use it to interrupt a round). */
  onSent?: (entry: LogEntry) => void;
}

export interface SyncResult {
  sent: number;
  alreadyThere: number;
  received: number;
  tasks: number;
  events: number;
  method: 'sync-collection' | 'etag';
  /** Tasks left for the next round because the server knew more than this side. */
  behind: LogKey[];
  requests: Record<string, number>;
}

/** Requests in flight at once (a first sync of thousands of entries is bound by round trips). */
const PARALLEL = 8;
/** Entries or tasks done between two writes of team.json. */
const PERSIST_EVERY = 100;
const MAX_ATTEMPTS = 4;

/**
 * Runs `fn` over `items` with at most `limit` running at once. After the first failure no new
 * item starts; the running ones finish, then that failure is thrown.
 */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (failures.length === 0 && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await fn(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length) throw failures[0];
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');

export async function syncOnce(options: SyncOptions): Promise<SyncResult> {
  const { team } = options;
  const now = options.now ?? (() => new Date());
  const start = team.read();
  const connection = start.connection;
  if (!connection) {
    throw new TeamError('No team connection yet: run "team connect URL --user NAME" first.', 'config');
  }
  const session = openSession(connection, options.password);
  try {
    const result = await round(session, options, connection.progressUrl, connection.calendarUrl);
    team.update((s) => ({
      ...s,
      lastSync: {
        at: now().toISOString(),
        sent: result.sent,
        received: result.received,
        tasks: result.tasks,
        events: result.events,
        method: result.method,
      },
      lastError: null,
    }));
    return result;
  } catch (error) {
    const problem = explain(session, error);
    team.update((s) => ({
      ...s,
      lastError: { at: now().toISOString(), message: problem.message, code: problem.code },
    }));
    throw problem;
  }
}

async function round(
  session: DavSession,
  options: SyncOptions,
  progressUrl: string,
  calendarUrl: string,
): Promise<SyncResult> {
  const { team, log } = options;
  const result: SyncResult = {
    sent: 0,
    alreadyThere: 0,
    received: 0,
    tasks: 0,
    events: 0,
    method: 'sync-collection',
    behind: [],
    requests: session.http.requests,
  };

  // 1. Queue what the server does not have.
  const queued = team.update((s) => {
    const known = entriesOnServer(s);
    const waiting = new Set(s.outbox.map((e) => e.id));
    const fresh = log.entries().filter((e) => !known.has(e.id) && !waiting.has(e.id));
    return fresh.length ? { ...s, outbox: [...s.outbox, ...fresh].sort(compareEntries) } : s;
  }).outbox;

  // 2. Send the outbox, one create-only PUT per entry, PARALLEL at once.
  let done: { entry: LogEntry; path: string; object: ProgressObject }[] = [];
  const persist = () => {
    if (!done.length) return;
    const sent = done;
    done = [];
    team.update((s) => {
      const ids = new Set(sent.map((d) => d.entry.id));
      const objects = { ...s.progress.objects };
      for (const d of sent) objects[d.path] = d.object;
      return { ...s, outbox: s.outbox.filter((e) => !ids.has(e.id)), progress: { ...s.progress, objects } };
    });
  };
  try {
    await inParallel(queued, PARALLEL, async (entry) => {
      const url = new URL(journalFileName(entry.id), progressUrl).href;
      const put = await putObject(session, url, entryToJournal(entry), null);
      if (put.status === 412) result.alreadyThere += 1;
      else if (put.status === 201 || put.status === 204 || put.status === 200) result.sent += 1;
      else throw unexpected(put.status, 'PUT', url);
      done.push({
        entry,
        path: pathOf(url, progressUrl),
        object: { etag: put.status === 412 ? null : put.etag, kind: 'journal', id: entry.id },
      });
      options.onSent?.(entry);
      if (done.length >= PERSIST_EVERY) persist();
    });
  } finally {
    persist();
  }

  // 3. Pull what changed.
  const state = team.read();
  const objects = { ...state.progress.objects };
  let changed: RemoteObject[];
  let deleted: string[];
  let token: string | null = null;
  const changes = options.forceEtag
    ? ({ supported: false } as const)
    : await syncChanges(session, progressUrl, state.progress.syncToken);
  if (changes.supported) {
    token = changes.token;
    changed = changes.changed.filter((o) => !o.etag || objects[o.path]?.etag !== o.etag);
    deleted = changes.deleted;
  } else {
    result.method = 'etag';
    const listed = await listEtags(session, progressUrl);
    const present = new Set(listed.map((o) => o.path));
    changed = listed.filter((o) => !o.etag || objects[o.path]?.etag !== o.etag);
    deleted = Object.keys(objects).filter((path) => !present.has(path));
  }
  const fetched = await fetchObjects(
    session,
    progressUrl,
    changed.map((o) => o.path),
  );
  const incoming: LogEntry[] = [];
  for (const [path, { etag, data }] of fetched) {
    const resource = readProgressResource(data);
    if (resource.kind === 'journal') {
      incoming.push(resource.entry);
      objects[path] = { etag, kind: 'journal', id: resource.entry.id };
    } else if (resource.kind === 'todo') {
      objects[path] = {
        etag,
        kind: 'todo',
        id: resource.key,
        count: resource.count,
        entryId: resource.entryId,
      };
    } else {
      objects[path] = { etag, kind: 'other', id: null };
    }
  }
  // A journal someone deleted is forgotten here, so the next round sends it again: nothing is lost.
  for (const path of deleted) delete objects[path];
  const before = new Set(log.entries().map((e) => e.id));
  log.addRemote(incoming);
  result.received = incoming.filter((e) => !before.has(e.id)).length;
  team.update((s) => ({ ...s, progress: { syncToken: token ?? s.progress.syncToken, objects } }));

  // 4. Tasks whose derived state the server does not show yet.
  const entries = log.entries();
  const byKey = new Map<LogKey, LogEntry[]>();
  for (const e of entries) {
    const list = byKey.get(e.key);
    if (list) list.push(e);
    else byKey.set(e.key, [e]);
  }
  const tasks = new Map<LogKey, { path: string; object: ProgressObject }>();
  for (const [path, object] of Object.entries(objects)) {
    if (object.kind === 'todo' && object.id) tasks.set(object.id, { path, object });
  }
  const milestones = new Map(options.milestones.map((m) => [m.id, m]));
  const stale: [LogKey, LogEntry[]][] = [];
  for (const [key, list] of byKey) {
    const derived = deriveTodo(key, list);
    const onServer = tasks.get(key)?.object;
    if (
      onServer &&
      onServer.count === derived.count &&
      (onServer.entryId ?? null) === (derived.entry?.id ?? null)
    ) {
      continue;
    }
    if (onServer && (onServer.count ?? 0) > derived.count) result.behind.push(key);
    else stale.push([key, list]);
  }
  let writtenTasks: [string, ProgressObject][] = [];
  const persistTasks = () => {
    if (!writtenTasks.length) return;
    const batch = writtenTasks;
    writtenTasks = [];
    team.update((s) => ({
      ...s,
      progress: { ...s.progress, objects: { ...s.progress.objects, ...Object.fromEntries(batch) } },
    }));
  };
  try {
    await inParallel(stale, PARALLEL, async ([key, list]) => {
      const written = await writeTask(
        session,
        progressUrl,
        key,
        list,
        milestones.get(parseLogKey(key).milestoneId),
        options.lang,
        tasks.get(key)?.path,
      );
      if (written === 'behind') {
        result.behind.push(key);
        return;
      }
      result.tasks += 1;
      const derived = deriveTodo(key, list);
      writtenTasks.push([
        written.path,
        {
          etag: written.etag,
          kind: 'todo',
          id: key,
          count: derived.count,
          entryId: derived.entry?.id ?? null,
        },
      ]);
      if (writtenTasks.length >= PERSIST_EVERY) persistTasks();
    });
  } finally {
    persistTasks();
  }

  // 5. The deadline calendar.
  if (options.feed) result.events = await publishCalendar(session, options, calendarUrl);
  return result;
}

function unexpected(status: number, method: string, url: string): TeamError {
  if (status === 404) {
    return new TeamError(
      `The collection for ${url} is gone (404 on ${method}). Run "team connect" again to find or create it.`,
      'not-found',
    );
  }
  if (status === 403) {
    return new TeamError(
      `The server does not let this user write ${url} (403). Ask for write access to the collection.`,
      'auth',
    );
  }
  return new TeamError(`The server answered ${status} to ${method} ${url}.`, 'protocol');
}

/**
 * Writes one task: create-only when the server has none, else If-Match on the version just read.
 * A 412 re-reads and re-derives; a server version derived from more entries wins ('behind').
 */
async function writeTask(
  session: DavSession,
  progressUrl: string,
  key: LogKey,
  entries: readonly LogEntry[],
  milestone: AnyMilestone | undefined,
  lang: 'nl' | 'en' | undefined,
  knownPath: string | undefined,
): Promise<{ path: string; etag: string | null } | 'behind'> {
  const url = knownPath
    ? new URL(encodeURI(knownPath), progressUrl).href
    : new URL(todoFileName(key), progressUrl).href;
  const derived = deriveTodo(key, entries);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    // A task this side has never seen is created without reading it first (If-None-Match: *);
    // if someone made it meanwhile, the 412 leads to the read below.
    if (attempt === 0 && !knownPath) {
      const put = await putObject(session, url, todoResource({ key, entries, milestone, lang }), null);
      if (put.status >= 200 && put.status < 300) return { path: pathOf(url, progressUrl), etag: put.etag };
      if (put.status !== 412) throw unexpected(put.status, 'PUT', url);
      continue;
    }
    const current = await getObject(session, url);
    let existing: string | undefined;
    let ifMatch: string | null = null;
    if (current.status === 200) {
      const resource = readProgressResource(current.data);
      if (resource.kind === 'todo') {
        if (resource.count > derived.count) return 'behind';
        if (resource.count === derived.count && resource.entryId === (derived.entry?.id ?? null)) {
          return { path: pathOf(url, progressUrl), etag: current.etag };
        }
      }
      existing = current.data;
      ifMatch = current.etag;
    } else if (current.status !== 404) {
      throw unexpected(current.status, 'GET', url);
    }
    const text = todoResource({ key, entries, milestone, lang }, existing);
    const put = await putObject(session, url, text, ifMatch ?? (existing ? '*' : null));
    if (put.status === 412) continue; // changed meanwhile: read again and re-derive
    if (put.status >= 200 && put.status < 300) return { path: pathOf(url, progressUrl), etag: put.etag };
    throw unexpected(put.status, 'PUT', url);
  }
  throw new TeamError(
    `The task for ${key} kept changing on the server while the app wrote it; it was not overwritten. The next sync tries again.`,
    'conflict',
  );
}

async function publishCalendar(
  session: DavSession,
  options: SyncOptions,
  calendarUrl: string,
): Promise<number> {
  const { team } = options;
  const resources = splitFeed(options.feed!());
  const stored = team.read().calendar.objects;
  const objects = { ...stored };
  let written = 0;
  const wanted = new Set<string>();
  const save = () => team.update((s) => ({ ...s, calendar: { objects } }));
  try {
    const changed = resources.filter((resource) => {
      const path = pathOf(new URL(resource.fileName, calendarUrl).href, calendarUrl);
      wanted.add(path);
      return objects[path]?.hash !== hashOf(resource.text);
    });
    await inParallel(changed, PARALLEL, async (resource) => {
      const url = new URL(resource.fileName, calendarUrl).href;
      const path = pathOf(url, calendarUrl);
      const hash = hashOf(resource.text);
      const known = objects[path];
      let ifMatch = known ? (known.etag ?? '*') : null;
      for (let attempt = 0; ; attempt += 1) {
        const put = await putObject(session, url, resource.text, ifMatch);
        if (put.status >= 200 && put.status < 300) {
          objects[path] = { etag: put.etag, uid: resource.uid, hash };
          written += 1;
          break;
        }
        if (put.status !== 412 || attempt >= MAX_ATTEMPTS) throw unexpected(put.status, 'PUT', url);
        // Someone else published this event meanwhile: the higher SEQUENCE wins.
        const theirs = await getObject(session, url);
        if (theirs.status === 404) {
          ifMatch = null;
          continue;
        }
        const mine = eventIdentity(resource.text);
        const other = eventIdentity(theirs.data);
        if (other && mine && other.sequence >= mine.sequence) {
          objects[path] = { etag: theirs.etag, uid: resource.uid, hash };
          break;
        }
        ifMatch = theirs.etag ?? '*';
      }
    });
    const gone = Object.entries(objects).filter(([path]) => !wanted.has(path));
    await inParallel(gone, PARALLEL, async ([path, object]) => {
      const status = await deleteWithEtag(session, new URL(encodeURI(path), calendarUrl).href, object.etag);
      if (status === 412) return; // changed by someone else: leave it, and keep the record
      delete objects[path];
    });
  } finally {
    save();
  }
  return written;
}
