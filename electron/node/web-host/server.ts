/**
 * The web host's HTTP server: the built renderer as static files plus the app service over a
 * local HTTP bridge. For tests and development only; loopback only; every API call needs the
 * per-run token.
 *
 * API calls answer `ApiResult` JSON: 200 when the call succeeded; a refused call carries the same
 * `{ ok: false, error }` with a 4xx status: 400 bad input, 401 no token, 404 an unknown method or
 * id, 413 a body above LIMITS.httpBodyBytes. 500 only for a failure of the server itself.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { apiEvents, isApiMethod, type ApiError, type ApiEvent, type ApiResult } from '../../contract/wire';
import { LIMITS, tooLarge } from '../../core/limits';
import type { AppService } from '../app-service';
import { hostAllowed, MALFORMED_URL, parseRequestTarget, WRONG_HOST } from '../http-guard';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../web-content';

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

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

/** The HTTP status of a refused API call. */
const STATUS_OF: Record<ApiError['code'], number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  failed: 500,
};

class BodyTooLarge extends Error {
  constructor() {
    super(`Request body ${tooLarge(LIMITS.httpBodyBytes)}.`);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > LIMITS.httpBodyBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMITS.httpBodyBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createWebHostServer({ service, rendererDir, token }: WebHostOptions): Server {
  /** `urlPath` is already decoded (parseRequestTarget). */
  const serveFile = (res: ServerResponse, urlPath: string) => {
    const relative = normalize(urlPath).replace(/^([/\\])+/, '');
    const path = join(rendererDir, relative === '' ? 'index.html' : relative);
    if (!path.startsWith(rendererDir + sep) && path !== rendererDir) return send(res, 404, 'Not found');
    try {
      if (!statSync(path).isFile()) return send(res, 404, 'Not found');
    } catch {
      return send(res, 404, 'Not found');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': contentTypeOf(path),
    });
    createReadStream(path).pipe(res);
  };

  /** An API answer: the result as JSON, with the status its error code calls for. */
  const reply = (res: ServerResponse, result: ApiResult<unknown>, headers: Record<string, string> = {}) => {
    res.writeHead(result.ok ? 200 : STATUS_OF[result.error.code], {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      ...headers,
    });
    res.end(JSON.stringify(result));
  };
  const refuse = (res: ServerResponse, code: ApiError['code'], message: string) =>
    reply(res, { ok: false, error: { code, message } });

  const server = createServer((req, res) => {
    void (async () => {
      // DNS rebinding: only answer requests addressed to the loopback host itself.
      if (!hostAllowed(req.headers.host)) return send(res, WRONG_HOST.status, WRONG_HOST.message);
      const url = parseRequestTarget(req.url);
      if (!url) return send(res, MALFORMED_URL.status, MALFORMED_URL.message);

      if (url.pathname.startsWith('/api/')) {
        const given =
          url.pathname === '/api/events' ? url.searchParams.get('token') : req.headers['x-compass-token'];
        if (!sameToken(typeof given === 'string' ? given : null, token)) {
          res.writeHead(401, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
          return res.end(
            JSON.stringify({
              ok: false,
              error: {
                code: 'forbidden',
                message: 'Missing or wrong token: open the URL the web host printed.',
              },
            }),
          );
        }

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
        const match = /^\/api\/invoke\/([^/]+)$/.exec(url.pathname);
        if (!match) return refuse(res, 'not-found', `No API at ${url.pathname.slice(0, 100)}.`);
        if (req.method !== 'POST') {
          res.setHeader('allow', 'POST');
          res.writeHead(405, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
          return res.end(
            JSON.stringify({
              ok: false,
              error: { code: 'invalid-input', message: 'API calls are POST requests.' },
            }),
          );
        }
        const method = match[1]!;
        if (!isApiMethod(method)) {
          return refuse(res, 'not-found', `Unknown API method ${JSON.stringify(method.slice(0, 80))}.`);
        }
        let payload: unknown;
        try {
          const body = await readBody(req);
          payload = body.trim() === '' ? undefined : JSON.parse(body);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            // Stop reading: answer, then close the connection.
            res.on('finish', () => req.destroy());
            res.writeHead(413, {
              ...SECURITY_HEADERS,
              'content-type': 'application/json; charset=utf-8',
              connection: 'close',
            });
            return res.end(
              JSON.stringify({ ok: false, error: { code: 'invalid-input', message: error.message } }),
            );
          }
          return refuse(
            res,
            'invalid-input',
            `Bad request: the body is not JSON (${(error as Error).message}).`,
          );
        }
        return reply(res, await service.dispatch(method, payload));
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
    })().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      send(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  return server;
}
