/**
 * The checks every HTTP server of the app (the feed server, the web host) makes before it looks
 * at a request: the Host header names this computer (against DNS rebinding: a web page whose
 * name is made to point at 127.0.0.1 sends its own name), and the request target is a
 * well-formed path. One place, so both servers answer the same way.
 */

/** The names a request to a loopback server carries in its Host header. */
export const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** A refusal: the status and a short plain-text message. */
export interface HttpRefusal {
  status: number;
  message: string;
}

/** A host name or address as it appears in a Host header: lower case, IPv6 in brackets. */
export function hostHeaderName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/**
 * Whether a Host header names a loopback name or one of `extraHosts`, with or without a port.
 * A missing or empty header, a user-info part or anything after the port is refused.
 */
export function hostAllowed(header: string | undefined, extraHosts: readonly string[] = []): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^\s:[\]/@]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  return [...LOOPBACK_HOST_NAMES, ...extraHosts.map(hostHeaderName)].includes(name);
}

/** 421 Misdirected Request: this server does not answer for that name. */
export const WRONG_HOST: HttpRefusal = {
  status: 421,
  message:
    'Misdirected request: this server only answers requests addressed to 127.0.0.1, localhost or [::1] (or a host name it was started with).\n',
};

/** 400 for a request target that is not a path or does not decode (e.g. "/%" or "/%E0%A4%A"). */
export const MALFORMED_URL: HttpRefusal = {
  status: 400,
  message:
    'Bad request: the URL is malformed (a path starting with "/"; each % followed by two hex digits of valid UTF-8).\n',
};

/** The decoded path and the query of a request target, or null when it is malformed. */
export function parseRequestTarget(
  target: string | undefined,
): { pathname: string; searchParams: URLSearchParams } | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  const at = target.indexOf('?');
  const rawPath = at < 0 ? target : target.slice(0, at);
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath.split('#')[0]!);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  return { pathname, searchParams: new URLSearchParams(at < 0 ? '' : target.slice(at + 1)) };
}
