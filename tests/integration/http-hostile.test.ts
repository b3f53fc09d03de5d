/**
 * Both HTTP servers (the feed server and the web host) as an attacker or an unlucky client meets
 * them: a foreign Host header (DNS rebinding), malformed URLs, refused API calls and bodies that
 * are too large. Real servers on 127.0.0.1 port 0, raw requests.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../electron/core/limits';
import { startFeedServer, type FeedServer } from '../../electron/node/feed-server';
import { hostAllowed, parseRequestTarget } from '../../electron/node/http-guard';
import { rawRequest, startInProcessWebHost, type InProcessWebHost } from '../support/web-host-server';

const FEED = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
const MALFORMED = ['/%', '/%E0%A4%A', '/compass-timeline.ics%', '/%C0%80', '//evil.example/x', '*'];

describe('the host check both servers share', () => {
  it('accepts loopback names (with or without a port) and the names it is given, nothing else', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:8080', 'localhost', 'LOCALHOST:1', '[::1]', '[::1]:17863'])
      expect(hostAllowed(host), host).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example',
      'evil.example:80',
      '127.0.0.1.evil.example',
      'localhost.',
      'user@127.0.0.1',
      '127.0.0.1:80/x',
      '127.0.0.1:abc',
      '::1',
      '0.0.0.0',
    ])
      expect(hostAllowed(host), String(host)).toBe(false);
    expect(hostAllowed('feeds.example:8080', ['feeds.example'])).toBe(true);
    expect(hostAllowed('[fe80::1]:8080', ['fe80::1'])).toBe(true);
    expect(hostAllowed('other.example', ['feeds.example'])).toBe(false);
  });

  it('decodes well-formed targets and refuses malformed ones', () => {
    expect(parseRequestTarget('/a%20b?token=x')).toMatchObject({ pathname: '/a b' });
    expect(parseRequestTarget('/a?token=x')!.searchParams.get('token')).toBe('x');
    for (const target of [...MALFORMED, undefined, '', 'http://127.0.0.1/', '/%00'])
      expect(parseRequestTarget(target), String(target)).toBeNull();
  });
});

describe('the feed server', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({ port: 0, feed: () => FEED });
  });
  afterAll(() => server.close());

  it('answers only requests addressed to this computer (no DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '192.0.2.1']) {
      const reply = await rawRequest(server.port, '/compass-timeline.ics', { headers: { host } });
      expect(reply.status, host).toBe(421);
      expect(reply.body).toMatch(/only answers requests addressed to 127\.0\.0\.1, localhost or \[::1\]/);
      expect(reply.body).not.toContain('BEGIN:VCALENDAR');
    }
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, '[::1]'])
      expect((await rawRequest(server.port, '/compass-timeline.ics', { headers: { host } })).status).toBe(
        200,
      );
  });

  it('also answers the host names it was started with', async () => {
    const team = await startFeedServer({ port: 0, feed: () => FEED, allowedHosts: ['feeds.example'] });
    try {
      const get = (host: string) => rawRequest(team.port, '/compass-timeline.ics', { headers: { host } });
      expect((await get(`feeds.example:${team.port}`)).status).toBe(200);
      expect((await get('evil.example')).status).toBe(421);
    } finally {
      await team.close();
    }
  });

  it('answers a malformed URL with 400 and a short message', async () => {
    for (const path of MALFORMED) {
      const reply = await rawRequest(server.port, path);
      expect(reply.status, path).toBe(400);
      expect(reply.body).toMatch(/^Bad request: the URL is malformed/);
    }
  });
});

describe('the web host', () => {
  let host: InProcessWebHost;
  beforeAll(async () => {
    host = await startInProcessWebHost();
  });
  afterAll(() => host.close());

  const storeText = () => readFileSync(host.store.path, 'utf8');
  const json = (body: string) =>
    JSON.parse(body) as { ok: boolean; error?: { code: string; message: string } };

  it('refuses a foreign Host header with 421', async () => {
    const reply = await rawRequest(host.port, `/?token=${host.token}`, { headers: { host: 'evil.example' } });
    expect(reply.status).toBe(421);
  });

  it('answers a malformed URL with 400, not 500', async () => {
    for (const path of [...MALFORMED, '/api/invoke/%E0%A4%A']) {
      const reply = await rawRequest(host.port, path);
      expect(reply.status, path).toBe(400);
      expect(reply.body).toMatch(/^Bad request: the URL is malformed/);
    }
  });

  it('answers refused API calls with a 4xx and the same clear message, and changes nothing', async () => {
    const before = storeText();
    const cases: [string, string, number, string, RegExp][] = [
      ['appendLogEntry', '{"key":"x","status":"bogus"}', 400, 'invalid-input', /appendLogEntry: .*status/],
      ['appendLogEntry', '{not json', 400, 'invalid-input', /not JSON/],
      [
        'appendLogEntry',
        JSON.stringify({ key: 'no-such-milestone', status: 'achieved', on: '2024-01-01' }),
        404,
        'not-found',
        /no-such-milestone/,
      ],
      ['deleteOwnMilestone', '{"id":"own-nothing"}', 404, 'not-found', /No milestone of your own/],
      ['deleteEverything', '{}', 404, 'not-found', /Unknown API method "deleteEverything"/],
      ['importState', '{"content":"{}"}', 400, 'invalid-input', /not a Compass Timeline data export/],
      [
        'saveOwnMilestone',
        JSON.stringify({
          id: 'own-long',
          own: true,
          chapter: 'act',
          section: 'Eigen',
          title: { nl: 'x'.repeat(LIMITS.titleChars + 1), en: 'x' },
          datePhrase: null,
          kind: 'undated',
          start: null,
          due: null,
          window: null,
          recurrence: null,
          actor: 'NL',
        }),
        400,
        'invalid-input',
        /at most 1,000 characters at title\.nl/,
      ],
    ];
    for (const [method, body, status, code, message] of cases) {
      const reply = await host.invoke(method, body);
      expect(reply.status, `${method} ${body.slice(0, 60)}`).toBe(status);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      const result = json(reply.body);
      expect(result).toMatchObject({ ok: false, error: { code } });
      expect(result.error!.message).toMatch(message);
    }
    expect((await host.invoke('getSnapshot', '{}', { 'x-compass-token': 'wrong' })).status).toBe(401);
    expect(storeText()).toBe(before);
    expect((await host.invoke('getSnapshot', '')).status).toBe(200);
  });

  it('refuses a body above the limit with 413 (by its Content-Length, and while reading)', async () => {
    const before = storeText();
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      // Only the headers and a first piece are sent: the answer comes without reading the rest.
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: host.port,
            path: '/api/invoke/importState',
            method: 'POST',
            agent: false,
            headers: {
              'x-compass-token': host.token,
              'content-length': String(LIMITS.httpBodyBytes + 1),
            },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => {
              req.destroy();
              resolve({ status: res.statusCode!, body });
            });
          },
        );
        req.on('error', reject);
        req.write('{"content":"');
      }, reject);
    });
    expect(declared.status).toBe(413);
    expect(json(declared.body).error!.message).toMatch(/too large: at most 25,000,000 bytes/);

    const streamed = await host
      .invoke('importState', Buffer.alloc(LIMITS.httpBodyBytes + 1024, 0x20), {
        'transfer-encoding': 'chunked',
      })
      .catch((error: NodeJS.ErrnoException) => ({ status: error.code, body: '' }));
    // The server answers 413 and closes; the client may see the answer or the closed socket.
    if (typeof streamed.status === 'number') expect(streamed.status).toBe(413);
    else expect(streamed.status).toMatch(/EPIPE|ECONNRESET/);
    expect(storeText()).toBe(before);
    expect((await host.invoke('getSnapshot', '{}')).status).toBe(200);
  });
});
