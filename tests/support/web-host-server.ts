/**
 * The web host's server (electron/node/web-host/server.ts) in this process, over the real app
 * service, store on disk and reminder service (not started), serving a one-file renderer folder:
 * for tests of its HTTP answers that need no build. Plus a raw HTTP client that sends exactly
 * what it is given (Host header, malformed targets, bytes).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppService } from '../../electron/node/app-service';
import { bundledMilestones } from '../../electron/node/milestones-source';
import { createReminderService } from '../../electron/node/scheduler';
import { openStateStore, type StateStore } from '../../electron/node/store';
import { createTeamService } from '../../electron/node/team/team-service';
import { createWebHostServer } from '../../electron/node/web-host/server';

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these headers and body (no agent, no normalisation of the path). */
export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface InProcessWebHost {
  port: number;
  token: string;
  store: StateStore;
  dataDir: string;
  /** POST /api/invoke/<method> with the token and this raw body. */
  invoke(method: string, body: string | Buffer, headers?: Record<string, string>): Promise<RawReply>;
  close(): Promise<void>;
}

export async function startInProcessWebHost(today = '2025-06-01'): Promise<InProcessWebHost> {
  const root = mkdtempSync(join(tmpdir(), 'compass-webhost-'));
  const rendererDir = join(root, 'renderer');
  const dataDir = join(root, 'data');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  const store = openStateStore({ cwd: dataDir });
  const dataset = bundledMilestones();
  const reminders = createReminderService({
    store,
    milestones: () => [...dataset, ...store.read().ownMilestones],
    notifier: { show: () => {} },
  });
  // As the web host: the team sync without a seal (not started: no rounds unless asked).
  const team = createTeamService({ store, dataset, env: {} });
  const service = createAppService({
    store,
    dataset,
    today: () => today,
    systemLocale: () => 'en-GB',
    reminders,
    team,
  });
  const token = 'test-token-0123456789';
  const server: Server = createWebHostServer({ service, rendererDir, token });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    token,
    store,
    dataDir,
    invoke: (method, body, headers = {}) =>
      rawRequest(port, `/api/invoke/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-compass-token': token, ...headers },
        body,
      }),
    close: () =>
      new Promise<void>((done) => {
        reminders.stop();
        void team.dispose();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          done();
        });
        server.closeAllConnections();
      }),
  };
}
