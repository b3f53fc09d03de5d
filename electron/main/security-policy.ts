/**
 * The shell's security decisions as pure functions (tested without Electron): the
 * Content-Security-Policy, which URLs are the app's own, which may open in the browser, and how an
 * app:// request maps to a file of the built renderer.
 */
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './identity';

/**
 * The CSP sent with every page of the app (the production build's index.html carries the same as a
 * meta tag): only the app's own scripts and styles, no inline scripts, no plugins, no framing, no forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy as a meta tag, which the production build writes into index.html (electron.vite.config.ts);
 * the dev server's page has none, since its React preamble is an inline script. Browsers ignore
 * frame-ancestors in a meta tag, so it is left to the header.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/**
 * The Content-Type of each file the built renderer has, by extension: set by the app:// handler
 * itself, because the OS's file-type registry can be wrong (a Windows machine that maps .js to
 * text/plain would blank the page under nosniff).
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a file of the built renderer; anything unknown is plain bytes. */
export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Response headers with our CSP (replacing any the response had, whatever its case). */
export function withSecurityHeaders(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([name]) => !['content-security-policy', 'x-content-type-options'].includes(name.toLowerCase()),
    ),
  );
  return {
    ...kept,
    'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    'X-Content-Type-Options': ['nosniff'],
  };
}

const parse = (url: unknown): URL | null => {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** An origin the renderer may be served from (app://compass, or the dev server while developing). */
export interface TrustedOrigin {
  protocol: string;
  host: string;
}

export const APP_ORIGIN: TrustedOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

/** The dev server of `electron-vite dev` (only ever trusted when the app is not packaged). */
export function devServerOrigin(rendererUrl: string | undefined, packaged: boolean): TrustedOrigin | null {
  if (packaged || !rendererUrl) return null;
  const url = parse(rendererUrl);
  if (!url || url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    return null;
  return { protocol: url.protocol, host: url.host };
}

/** Whether a URL belongs to one of the trusted origins (scheme and host:port compared exactly). */
export function isTrustedUrl(url: unknown, trusted: readonly TrustedOrigin[]): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  return trusted.some((origin) => origin.protocol === parsed.protocol && origin.host === parsed.host);
}

/**
 * Whether a link may open in the user's browser: http(s) only, with a host, no credentials in it.
 * Everything else (file:, javascript:, custom schemes, smb:, …) is refused.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  const parsed = parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname.length > 0 &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The file of the built renderer that an app://compass/… request asks for, or null when the
 * request is for another host or tries to leave the folder. "/" serves index.html.
 */
export function resolveAppRequest(url: string, rendererRoot: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = normalize(join(rendererRoot, wanted));
  const inside = relative(rendererRoot, file);
  if (!inside || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}
