/**
 * The one way the team sync talks to a CalDAV server: a `fetch` for tsdav built on node:http(s),
 * so that every request
 * - trusts the system's CAs plus an optional extra CA file (a company's own certificate authority);
 * - goes only to the origins of the connection (a redirect or a discovery answer pointing at
 *   another host is refused, never followed with the user's password);
 * - reads at most `maxBytes` of a response (a runaway or hostile server cannot fill memory);
 * - gives up after `timeoutMs` without data;
 * and every failure becomes a `TeamError` whose message says what happened and what to do.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

/** A problem with the team connection, in words for the user; local data is never touched by it. */
export class TeamError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'auth'
      | 'not-found'
      | 'server'
      | 'redirect'
      | 'too-large'
      | 'tls'
      | 'network'
      | 'insecure'
      | 'config'
      | 'conflict'
      | 'protocol',
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

/** The largest response read (a multiget of a few hundred resources is well below 1 MB). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
export const REQUEST_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Plain http is refused for anything but loopback unless the user explicitly allowed it. */
export function checkUrl(url: string, allowInsecureHttp: boolean, what = 'The server URL'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TeamError(`${what} "${url}" is not a URL; give it as https://host/path.`, 'config');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TeamError(`${what} "${url}" must start with https:// (or http:// on this computer).`, 'config');
  }
  if (parsed.protocol === 'http:' && !LOOPBACK.test(parsed.hostname) && !allowInsecureHttp) {
    throw new TeamError(
      `${what} "${url}" uses plain http to another computer: the password and the team's data would travel ` +
        'unencrypted. Use https://, or pass --allow-insecure-http if you really mean it.',
      'insecure',
    );
  }
  if (parsed.username || parsed.password) {
    throw new TeamError(
      `${what} must not contain a user name or password; use --user and the password options.`,
      'config',
    );
  }
  return parsed;
}

export interface HttpOptions {
  /** Origins requests may go to (scheme://host:port). */
  origins: readonly string[];
  /** An extra CA certificate file (PEM), trusted besides the system's CAs. */
  caFile?: string | null;
  maxBytes?: number;
  timeoutMs?: number;
}

export interface TeamHttp {
  fetch: typeof globalThis.fetch;
  /** The first fatal problem any request met (tsdav sometimes swallows errors and carries on). */
  readonly problem: TeamError | null;
  /** Requests made, by method (for the benchmarks and tests). */
  readonly requests: Record<string, number>;
}

function readCa(file: string): string {
  try {
    const pem = readFileSync(file, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
    return pem;
  } catch (error) {
    throw new TeamError(
      `Cannot use the CA file ${file}: ${(error as Error).message}. Give a PEM certificate file (--ca FILE).`,
      'config',
    );
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function networkError(error: NodeJS.ErrnoException, url: URL): TeamError {
  const code = error.code ?? '';
  if (TLS_CODES.has(code)) {
    return new TeamError(
      `The certificate of ${url.host} is not trusted (${code}: ${error.message}). If your organisation uses ` +
        'its own certificate authority, give its certificate with --ca FILE.',
      'tls',
    );
  }
  return new TeamError(
    `Cannot reach the server at ${url.origin} (${code || error.message}). Check the address and the network; ` +
      'what you recorded stays here and is sent at the next sync.',
    'network',
  );
}

function statusError(status: number, method: string, url: URL): TeamError | null {
  if (status === 401) {
    return new TeamError(
      `The server refused the user name or password (401 on ${method} ${url.pathname}). Check --user and the ` +
        'password (COMPASS_TIMELINE_PASSWORD or --password-file).',
      'auth',
    );
  }
  if (status >= 500) {
    return new TeamError(
      `The server failed (${status} on ${method} ${url.pathname}). Nothing was changed here; try again later or ` +
        'ask the server’s administrator.',
      'server',
    );
  }
  return null;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

export function createTeamHttp(options: HttpOptions): TeamHttp {
  const extraCa = options.caFile ? readCa(options.caFile) : null;
  const ca = extraCa ? [...rootCertificates, extraCa] : undefined;
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const origins = new Set(options.origins.map((o) => new URL(o).origin));
  const requests: Record<string, number> = {};
  let problem: TeamError | null = null;
  const fail = (error: TeamError): never => {
    problem ??= error;
    throw error;
  };

  const once = (url: URL, method: string, headers: Record<string, string>, body: string | undefined) =>
    new Promise<{ response: IncomingMessage; body: Buffer }>((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method, headers, ca, timeout: timeoutMs }, (response) => {
        const declared = Number(response.headers['content-length'] ?? 0);
        const tooLarge = () =>
          new TeamError(
            `The server sent more than ${Math.round(maxBytes / 1024 / 1024)} MB for ${method} ${url.pathname}; ` +
              'that is not a CalDAV answer the app expects. Nothing was changed here; check the collection URL.',
            'too-large',
          );
        if (declared > maxBytes) {
          response.destroy();
          reject(tooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(tooLarge());
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
        response.on('error', (error) => reject(networkError(error, url)));
      });
      req.on('timeout', () => {
        req.destroy(
          Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' }),
        );
      });
      req.on('error', (error: NodeJS.ErrnoException) => reject(networkError(error, url)));
      if (body !== undefined) req.write(body);
      req.end();
    });

  const teamFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = headersOf(init);
    const body = init?.body == null ? undefined : String(init.body);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    for (let hop = 0; ; hop += 1) {
      if (!origins.has(url.origin)) {
        fail(
          new TeamError(
            `The server sent the app to another host (${url.origin}), which this connection does not trust with ` +
              'your password. If that host is right, connect to it directly.',
            'redirect',
          ),
        );
      }
      requests[method] = (requests[method] ?? 0) + 1;
      let result;
      try {
        result = await once(url, method, headers, body);
      } catch (error) {
        return fail(error instanceof TeamError ? error : networkError(error as NodeJS.ErrnoException, url));
      }
      const { response } = result;
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location && init?.redirect !== 'manual') {
        if (hop >= MAX_REDIRECTS) fail(new TeamError(`Too many redirects from ${url.origin}.`, 'redirect'));
        url = new URL(location, url);
        continue;
      }
      const error = statusError(status, method, url);
      if (error) fail(error);
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
      }
      const noBody = status === 204 || status === 304 || method === 'HEAD' || status < 200;
      const out = new Response(noBody ? null : new Uint8Array(result.body), {
        status: status < 200 ? 200 : status,
        statusText: response.statusMessage ?? '',
        headers: responseHeaders,
      });
      Object.defineProperty(out, 'url', { value: url.href });
      return out;
    }
  };

  return {
    fetch: teamFetch as typeof globalThis.fetch,
    get problem() {
      return problem;
    },
    requests,
  };
}
