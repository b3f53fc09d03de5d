import {
  API_METHODS,
  apiEvents,
  unwrapResult,
  type ApiEvent,
  type ApiEventPayloads,
  type ApiResult,
  type CompassApi,
} from '../../../electron/contract/api';

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
 * The CompassApi over the web host's local HTTP bridge (browser tests and development):
 * POST /api/invoke/<method> with the token header; events arrive as server-sent events.
 */
export function createWebClient(token: string, base = ''): CompassApi {
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const connect = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    for (const event of Object.keys(apiEvents) as ApiEvent[]) {
      source.addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as never;
        listeners.get(event)?.forEach((listener) => listener(payload));
      });
    }
  };

  const invoke = async (method: string, input: unknown) => {
    const response = await fetch(`${base}/api/invoke/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-compass-token': token },
      body: JSON.stringify(input ?? {}),
    });
    return unwrapResult((await response.json()) as ApiResult<unknown>);
  };

  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, (input: unknown) => invoke(method, input)]),
  );
  return {
    ...(api as Omit<CompassApi, 'on'>),
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayloads[E]) => void) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
