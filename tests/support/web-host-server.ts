/**
 * The web host's server (electron/node/web-host/server.ts) in this process, over the app's
 * composition root (the real app service, store on disk, reminder service and team sync, not
 * started), serving a one-file renderer folder:
 * for tests of its HTTP answers that need no build. Plus a raw HTTP client that sends exactly
 * what it is given (Host header, malformed targets, bytes).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../../electron/node/compose';
import type { StateStore } from '../../electron/node/store';
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
  const work = mkdtempSync(join(tmpdir(), 'compass-webhost-'));
  const rendererDir = join(work, 'renderer');
  const dataDir = join(work, 'data');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  // As the web host (the team sync without a seal), with the bundled dataset only, and not
  // started: no reminders, no feed, no rounds unless asked.
  const root = composeApp({
    dataDir,
    today: () => today,
    systemLocale: () => 'en-GB',
    platform: 'web',
    env: {},
  });
  const { store } = root;
  const token = 'test-token-0123456789';
  const server: Server = createWebHostServer({ service: root.service, rendererDir, token });
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
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await root.dispose();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
