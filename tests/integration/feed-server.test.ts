/**
 * The live feed over HTTP, as calendar apps poll it: a real server on loopback, fed from a real
 * store on disk that changes between requests.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { icalOptionsFromSettings } from '../../electron/core/ical';
import { applyProgressPatch } from '../support/log';
import { reviewText } from '../support/review-words';
import { loadMilestones } from '../../electron/node/milestones-source';
import {
  FeedServerError,
  publishIcal,
  startFeedServer,
  type FeedServer,
} from '../../electron/node/feed-server';
import { openStateStore, type StateStore } from '../../electron/node/store';
import { TRICKY_OWN } from '../unit/ical-fixtures';
import { eventByUid } from '../unit/ical-text';
import { tempDir } from './ical-support';

const dataset = loadMilestones();
const dir = tempDir('feed-server');
afterAll(() => dir.remove());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One plain HTTP request (node:http, no caching in between). */
function call(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

let store: StateStore;
let server: FeedServer;
let n = 0;

beforeEach(async () => {
  n += 1;
  store = openStateStore({ cwd: `${dir.path}/store-${n}` });
  store.update((state) => ({ ...state, ownMilestones: TRICKY_OWN }));
  server = await startFeedServer({
    port: 0,
    feed: () => publishIcal(store, dataset, (state) => icalOptionsFromSettings(state.settings.feed)),
  });
});
afterEach(async () => {
  await server.close();
});

describe('the feed server', () => {
  it('listens on 127.0.0.1 and shows http and webcal addresses of the feed', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/compass-timeline.ics`);
    expect(server.webcalUrl).toBe(`webcal://127.0.0.1:${server.port}/compass-timeline.ics`);
    // Not reachable on the computer's other addresses.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal);
    for (const address of others) {
      await expect(call(`http://${address!.address}:${server.port}/compass-timeline.ics`)).rejects.toThrow();
    }
  });

  it('answers GET with the current feed, ETag, Last-Modified and no-cache', async () => {
    const reply = await call(server.url);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(reply.headers['etag']).toMatch(/^"[\w-]+"$/);
    expect(Number.isNaN(Date.parse(String(reply.headers['last-modified'])))).toBe(false);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.body));
    expect(reply.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(eventByUid(reply.body, 'own-national-plan@compass-timeline').get('SUMMARY')).toBe(
      TRICKY_OWN[0]!.title.nl,
    );
    // The same state gives the same body and the same ETag.
    const again = await call(server.url);
    expect(again.body).toBe(reply.body);
    expect(again.headers['etag']).toBe(reply.headers['etag']);
    expect(again.headers['last-modified']).toBe(reply.headers['last-modified']);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const get = await call(server.url);
    const head = await call(server.url, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    for (const name of ['etag', 'last-modified', 'content-type', 'content-length', 'cache-control']) {
      expect(head.headers[name], name).toBe(get.headers[name]);
    }
  });

  it('answers 304 without a body when If-None-Match or If-Modified-Since match', async () => {
    const first = await call(server.url);
    const etag = String(first.headers['etag']);
    const modified = String(first.headers['last-modified']);
    for (const headers of <Record<string, string>[]>[
      { 'If-None-Match': etag },
      { 'If-None-Match': `"other", W/${etag}` },
      { 'If-None-Match': '*' },
      { 'If-Modified-Since': modified },
      { 'If-Modified-Since': new Date(Date.parse(modified) + 86_400_000).toUTCString() },
    ]) {
      const reply = await call(server.url, 'GET', headers);
      expect(reply.status, JSON.stringify(headers)).toBe(304);
      expect(reply.body).toBe('');
      expect(reply.headers['etag']).toBe(etag);
    }
    expect((await call(server.url, 'HEAD', { 'If-None-Match': etag })).status).toBe(304);
    // No match: the whole feed. If-None-Match wins over If-Modified-Since.
    for (const headers of <Record<string, string>[]>[
      { 'If-None-Match': '"something-else"' },
      { 'If-None-Match': '"something-else"', 'If-Modified-Since': modified },
      { 'If-Modified-Since': new Date(Date.parse(modified) - 86_400_000).toUTCString() },
      { 'If-Modified-Since': 'not a date' },
    ]) {
      const reply = await call(server.url, 'GET', headers);
      expect(reply.status, JSON.stringify(headers)).toBe(200);
      expect(reply.body).toBe(first.body);
    }
  });

  it('follows the state: after a change the old validators no longer match and the event has a higher SEQUENCE', async () => {
    const first = await call(server.url);
    const uid = 'act-rapid-deployment-capacity@compass-timeline';
    expect(eventByUid(first.body, uid).get('SEQUENCE')).toBe('0');

    store.update((state) =>
      applyProgressPatch(
        state,
        'act-rapid-deployment-capacity',
        { status: 'achieved' },
        new Date('2025-06-01T10:00:00Z'),
      ),
    );
    const second = await call(server.url, 'GET', {
      'If-None-Match': String(first.headers['etag']),
    });
    expect(second.status).toBe(200);
    expect(second.headers['etag']).not.toBe(first.headers['etag']);
    expect(eventByUid(second.body, uid).get('SEQUENCE')).toBe('1');
    expect(eventByUid(second.body, uid).get('DESCRIPTION')).toContain(
      `Status: ${reviewText('nl').status.achieved} (op 2025-06-01)`,
    );
    // Last-Modified moved on, so a client that only sends If-Modified-Since gets the change too.
    expect(Date.parse(String(second.headers['last-modified']))).toBeGreaterThan(
      Date.parse(String(first.headers['last-modified'])),
    );
    const byDate = await call(server.url, 'GET', {
      'If-Modified-Since': String(first.headers['last-modified']),
    });
    expect(byDate.status).toBe(200);
    // The SEQUENCE it published is kept in the store, so it stays 1 until the next change.
    expect(store.read().feedSequences?.[uid]?.sequence).toBe(1);
    expect(eventByUid((await call(server.url)).body, uid).get('SEQUENCE')).toBe('1');

    // The feed settings apply too: English titles, achieved ones left out.
    store.update((state) => ({
      ...state,
      settings: { ...state.settings, feed: { ...state.settings.feed, lang: 'en', includeAchieved: false } },
    }));
    const english = await call(server.url);
    expect(english.body).toContain('X-WR-CALNAME:Strategic Compass – deadlines');
    expect(english.body).not.toContain(`UID:${uid}`);
  });

  it('answers 404 for any other path and 405 for any other method', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    for (const path of ['/', '/feed.ics', '/compass-timeline.ics/extra', '/COMPASS-TIMELINE.ICS']) {
      const reply = await call(`${base}${path}`);
      expect(reply.status, path).toBe(404);
      expect(reply.body).toContain('/compass-timeline.ics');
    }
    expect((await call(`${server.url}?lang=en`)).status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await call(server.url, method);
      expect(reply.status, method).toBe(405);
      expect(reply.headers['allow']).toBe('GET, HEAD');
    }
    expect((await call(`${base}/elsewhere`, 'POST')).status).toBe(405);
  });

  it('says what went wrong when the feed cannot be built, and keeps serving', async () => {
    let broken = true;
    const fragile = await startFeedServer({
      port: 0,
      feed: () => {
        if (broken) throw new Error('the store is being repaired');
        return 'BEGIN:VCALENDAR\r\nEND:VCALENDAR';
      },
    });
    try {
      const reply = await call(fragile.url);
      expect(reply.status).toBe(500);
      expect(reply.body).toContain('the store is being repaired');
      broken = false;
      expect((await call(fragile.url)).status).toBe(200);
    } finally {
      await fragile.close();
    }
  });

  it('refuses a port that is taken with a message saying what to do', async () => {
    await expect(startFeedServer({ port: server.port, feed: () => '' })).rejects.toThrow(FeedServerError);
    await expect(startFeedServer({ port: server.port, feed: () => '' })).rejects.toThrow(
      /already in use: choose another port/,
    );
  });

  it('stops listening when closed', async () => {
    const url = server.url;
    await server.close();
    await expect(call(url)).rejects.toThrow();
    server = await startFeedServer({ port: 0, feed: () => '' }); // for afterEach
  });
});
