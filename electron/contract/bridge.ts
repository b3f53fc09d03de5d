/**
 * The renderer's typed API, built from the contract's method table over two functions: invoke
 * (validated on the other side) and subscribe (main's events). Free of Electron: the preload plugs
 * in ipcRenderer and exposes the result via contextBridge; the web host's client plugs in HTTP and
 * server-sent events.
 */
import {
  API_METHODS,
  apiEvents,
  unwrapResult,
  type ApiEvent,
  type ApiEventPayloads,
  type ApiResult,
  type CompassApi,
} from './api';

export interface BridgeTransport {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Calls listener(event, payload) for every event from main; returns the unsubscribe. */
  subscribe(listener: (event: unknown, payload: unknown) => void): () => void;
}

const isApiEvent = (name: unknown): name is ApiEvent =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiEvents, name);

export function createBridge(transport: BridgeTransport): CompassApi {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (input: unknown) => unwrapResult(await transport.invoke(method, input)),
    ]),
  ) as Omit<CompassApi, 'on'>;
  return {
    ...methods,
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayloads[E]) => void): () => void {
      if (!isApiEvent(event)) throw new Error(`Unknown event ${JSON.stringify(String(event)).slice(0, 80)}`);
      if (typeof listener !== 'function') throw new Error('The listener must be a function.');
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as ApiEventPayloads[E]);
      });
    },
  };
}
