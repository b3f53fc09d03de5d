/**
 * The shell's security decisions as pure functions (tested without Electron): the headers, which
 * URLs are the app's own, which may open in the browser, and how an
 * app:// request maps to a file of the built renderer.
 */
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../node/web-content';
import { APP_HOST, APP_SCHEME } from './identity';

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
