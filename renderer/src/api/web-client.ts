import type { CompassWire } from '../../../electron/contract/api';
import { apiEvents, type ApiEvent, type ApiResult } from '../../../electron/contract/wire';
import { createBridge } from '../../../electron/contract/bridge';
import { downloadFile } from '../app/download';

const TOKEN_KEY = 'compass-web-token';

/** The web host's per-run token: from ?token= on first load, then kept for the tab's session. */
export function webToken(location: Pick<Location, 'search'> = window.location): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * The CompassApi over the web host's local HTTP bridge (browser tests and development): the same
 * bridge as the preload's, with POST /api/invoke/<method> (token header) for calls and server-sent
 * events for main's events. Saving a file is the browser's own download.
 */
export function createWebClient(token: string, base = ''): CompassWire {
  const listeners = new Set<(event: unknown, payload: unknown) => void>();
  let source: EventSource | null = null;
  const bridge = createBridge({
    async invoke(method, input) {
      const response = await fetch(`${base}/api/invoke/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-compass-token': token },
        body: JSON.stringify(input ?? {}),
      });
      // A refused call answers 4xx with the same ApiResult JSON; anything else (a proxy's page,
      // a plain-text refusal) becomes an error with the server's words.
      const text = await response.text();
      try {
        return JSON.parse(text) as ApiResult<unknown>;
      } catch {
        return {
          ok: false,
          error: {
            code: response.status === 404 ? 'not-found' : response.status < 500 ? 'invalid-input' : 'failed',
            message: text.trim().slice(0, 300) || `HTTP ${response.status}`,
          },
        };
      }
    },
    subscribe(listener) {
      if (!source) {
        source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
        for (const event of Object.keys(apiEvents) as ApiEvent[]) {
          source.addEventListener(event, (message) => {
            const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
            listeners.forEach((notify) => notify(event, payload));
          });
        }
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    ...bridge,
    // A browser has no save dialog to ask main for: it downloads the file (and asks where, if set to).
    saveFile: async (file) => {
      downloadFile(file);
      return { saved: true, fileName: file.fileName };
    },
  };
}
