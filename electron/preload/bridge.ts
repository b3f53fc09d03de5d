/**
 * The renderer's typed API, built from the contract's method table over two functions: invoke
 * (one IPC channel, validated in main) and subscribe (main's events). Kept free of Electron so the
 * mapping can be tested; index.ts plugs in ipcRenderer and exposes the result via contextBridge.
 */
import {
  API_METHODS,
  apiEvents,
  unwrapResult,
  type ApiEvent,
  type ApiEventPayloads,
  type ApiResult,
  type CompassApi,
} from '../contract/api';

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
