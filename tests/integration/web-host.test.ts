import { request } from 'node:http';
import { format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../e2e/timeline-harness';

let host: WebHost;
let token: string;

beforeAll(async () => {
  host = await startWebHost({ today: '2025-06-01' });
  token = new URL(host.url).searchParams.get('token')!;
}, 90_000);
afterAll(() => host?.stop());

/** A raw request, so the Host header can be set as a DNS-rebinding page would. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const { port } = new URL(host.origin);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

const invoke = (
  method: string,
  body: unknown,
  headers: Record<string, string> = { 'x-compass-token': token },
) =>
  raw(`/api/invoke/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the web host', () => {
  it('serves the app only with the per-run token, with a strict CSP', async () => {
    expect((await raw('/')).status).toBe(401);
    const page = await raw(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('answers API calls with the token and refuses them without', async () => {
    expect((await invoke('getSnapshot', {}, {})).status).toBe(401);
    expect((await invoke('getSnapshot', {}, { 'x-compass-token': 'wrong' })).status).toBe(401);
    const reply = await invoke('getSnapshot', {});
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; value: { today: string; milestones: unknown[] } };
    expect(result.ok).toBe(true);
    expect(result.value.today).toBe('2025-06-01');
    expect(result.value.milestones.length).toBeGreaterThan(80);
  });

  it('turns bad requests into errors the page can show', async () => {
    const badJson = await raw('/api/invoke/getSnapshot', {
      method: 'POST',
      headers: { 'x-compass-token': token },
      body: '{not json',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const invalid = await invoke('appendLogEntry', { key: 'x', status: 'bogus' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses other hosts (DNS rebinding) and paths outside the built renderer', async () => {
    expect((await raw(`/?token=${token}`, { headers: { host: 'evil.example:80' } })).status).toBe(421);
    expect((await raw('/../../package.json')).status).toBe(404);
    expect((await raw('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await raw('/', { method: 'DELETE' })).status).toBe(405);
  });

  it('pushes state changes to the page as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/api/events?token=${token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await invoke('appendLogEntry', { key: 'act-rapid-deployment-capacity', status: 'in-progress' });
    let text = '';
    while (!text.includes('event: stateChanged'))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('"status":"in-progress"');
  });

  it("shows a due reminder as a toast with the notification's Dutch words", async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/api/events?token=${token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    // The reminder engine runs on the real clock: a milestone of one's own due today, reminded on the day at 00:00.
    const today = format(new Date(), 'yyyy-MM-dd');
    await invoke('updateSettings', { leadTimesDays: [0], timeOfDay: '00:00', shiftWeekends: false });
    await invoke('saveOwnMilestone', {
      id: 'own-toast-check',
      own: true,
      chapter: 'general',
      section: 'Eigen',
      title: { nl: 'Toastcontrole', en: 'Toast check' },
      datePhrase: null,
      kind: 'deadline',
      start: null,
      due: today,
      window: null,
      recurrence: null,
      actor: 'EU',
    });
    let text = '';
    while (!text.includes('event: toast')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const data = JSON.parse(/event: toast\ndata: (.*)\n/.exec(text)![1]!) as {
      title: string;
      body: string;
      milestoneId: string;
    };
    expect(data).toMatchObject({ title: 'Toastcontrole', milestoneId: 'own-toast-check' });
    expect(data.body).toMatch(/vandaag/);
  });
});
