/**
 * Electron's security checklist, applied: the app:// protocol (no file://), the CSP as a response
 * header, no remote content, no permissions, no navigation, no new windows, no webviews, and
 * shell.openExternal only for validated http(s) links.
 */
import { pathToFileURL } from 'node:url';
import { app, net, protocol, session, shell, type Session, type WebContents } from 'electron';
import { APP_SCHEME } from './identity';
import { contentTypeOf } from '../node/web-content';
import {
  isSafeExternalUrl,
  isTrustedUrl,
  resolveAppRequest,
  withSecurityHeaders,
  type TrustedOrigin,
} from './security-policy';

/** Must run before the app is ready: app:// behaves like https (standard, secure, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer folder on app://compass/, with our CSP and the file's own type on every response. */
export function serveRenderer(target: Session, rendererRoot: string): void {
  target.protocol.handle(APP_SCHEME, async (request) => {
    const notFound = () =>
      new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const file = resolveAppRequest(request.url, rendererRoot);
    if (!file || request.method !== 'GET') return notFound();
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).toString());
    } catch {
      return notFound();
    }
    const headers = new Headers(response.headers);
    for (const [name, values] of Object.entries(withSecurityHeaders({}))) {
      headers.set(name, Array.isArray(values) ? values.join(', ') : values);
    }
    headers.set('Content-Type', contentTypeOf(file));
    return new Response(response.body, { status: response.status, headers });
  });
}

/** Opens a link in the user's browser when it is a plain http(s) URL; refuses everything else. */
export async function openExternalSafely(url: unknown): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** Session-wide rules: CSP header, no permissions, no remote requests. */
export function hardenSession(target: Session, trusted: readonly TrustedOrigin[]): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  // No remote content: every http(s)/ws(s) request ('*' in a match pattern) is cancelled unless it goes to the dev server.
  target.webRequest.onBeforeRequest({ urls: ['*://*/*'] }, (details, callback) =>
    callback({ cancel: !isTrustedUrl(details.url, trusted) }),
  );
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  target.on('will-download', (event) => event.preventDefault());
}

/** Per page: no navigation away, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, trusted: readonly TrustedOrigin[]): void {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(url, trusted)) return;
    event.preventDefault();
    void openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, trusted)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedUrl(event.url, trusted)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Applies the rules above to the default session and every page the app ever creates. */
export function hardenApp(trusted: readonly TrustedOrigin[]): void {
  hardenSession(session.defaultSession, trusted);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trusted));
}
