/**
 * What the renderer's pages are served with, the same by every host: the desktop app's app://
 * handler, the web host and the production build's index.html.
 */
import { extname } from 'node:path';

/**
 * The CSP sent with every page of the app, by the desktop app and the web host (the production
 * build's index.html carries the same as a meta tag): only the app's own scripts and styles, no inline scripts, no plugins, no framing, no forms.
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
