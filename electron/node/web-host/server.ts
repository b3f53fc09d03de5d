/**
 * The web host's HTTP server: the built renderer as static files plus the app service over a
 * local HTTP bridge. For tests and development only; loopback only; every API call needs the
 * per-run token.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { apiEvents, type ApiEvent } from '../../contract/api';
import type { AppService } from '../app-service';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const MAX_BODY = 60 * 1024 * 1024;

export interface WebHostOptions {
  service: AppService;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createWebHostServer({ service, rendererDir, token }: WebHostOptions): Server {
  const serveFile = (res: ServerResponse, urlPath: string) => {
    const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
    const path = join(rendererDir, relative === '' ? 'index.html' : relative);
    if (!path.startsWith(rendererDir + sep) && path !== rendererDir) return send(res, 404, 'Not found');
    try {
      if (!statSync(path).isFile()) return send(res, 404, 'Not found');
    } catch {
      return send(res, 404, 'Not found');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    });
    createReadStream(path).pipe(res);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // DNS rebinding: only answer requests addressed to the loopback host itself.
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return send(res, 403, 'Forbidden host');

      if (url.pathname.startsWith('/api/')) {
        const given =
          url.pathname === '/api/events' ? url.searchParams.get('token') : req.headers['x-compass-token'];
        if (!sameToken(typeof given === 'string' ? given : null, token))
          return send(res, 401, 'Missing or wrong token');

        if (url.pathname === '/api/events' && req.method === 'GET') {
          res.writeHead(200, {
            ...SECURITY_HEADERS,
            'content-type': 'text/event-stream',
            connection: 'keep-alive',
          });
          res.write(': connected\n\n');
          const unsubscribe = service.subscribe((event: ApiEvent, payload) => {
            if (event in apiEvents) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
          });
          req.on('close', unsubscribe);
          return;
        }
        const match = /^\/api\/invoke\/([A-Za-z]+)$/.exec(url.pathname);
        if (!match || req.method !== 'POST') return send(res, 404, 'Not found');
        let payload: unknown;
        try {
          const body = await readBody(req);
          payload = body === '' ? undefined : JSON.parse(body);
        } catch (error) {
          return send(
            res,
            400,
            JSON.stringify({
              ok: false,
              error: { code: 'invalid-input', message: `Bad request: ${(error as Error).message}` },
            }),
            'application/json',
          );
        }
        const result = await service.dispatch(match[1], payload);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      if (url.pathname === '/' || url.pathname === '/index.html') {
        // The page itself only loads with the token, so another local user's browser gets nothing.
        if (!sameToken(url.searchParams.get('token'), token)) {
          return send(res, 401, 'Open the URL the web host printed: it carries the per-run token.');
        }
        return serveFile(res, 'index.html');
      }
      return serveFile(res, url.pathname);
    })().catch((error: unknown) => send(res, 500, `Internal error: ${String(error)}`));
  });
  return server;
}
