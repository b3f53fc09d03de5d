/**
 * The contract's typed API, built from its method names over two functions: invoke (validated on
 * the other side) and subscribe (main's events). Free of Electron and of zod: the preload plugs in
 * ipcRenderer and exposes the result via contextBridge; the web host's client plugs in HTTP and
 * server-sent events; main's own callers plug in the service.
 */
import type { ApiEventPayloads, ApiInput, CompassApi, CompassWire, Snapshot } from './api';
import {
  API_METHODS,
  isApiEvent,
  isChangeMethod,
  unwrapResult,
  type ApiEvent,
  type ApiResult,
  type ChangeAck,
  type ChangeMethod,
} from './wire';

export interface BridgeTransport {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Calls listener(event, payload) for every event from main; returns the unsubscribe. */
  subscribe(listener: (event: unknown, payload: unknown) => void): () => void;
}

export function createBridge(transport: BridgeTransport): CompassWire {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (input: unknown) => unwrapResult(await transport.invoke(method, input)),
    ]),
  ) as Omit<CompassWire, 'on'>;
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

/** How long a change waits for its `stateChanged` event before it asks for the state itself. */
export const STATE_EVENT_WAIT_MS = 2000;

/**
 * The API the UI uses, over the wire's: a change's reply names the revision it made, and the
 * change answers with the snapshot of that revision (or a newer one) from the `stateChanged`
 * event, which every window gets anyway. So the state crosses the wire once. Should the event not
 * come (a broken event stream), the change asks for the snapshot after STATE_EVENT_WAIT_MS.
 */
export function withStateReplies(wire: CompassWire): CompassApi {
  let latest: Snapshot | null = null;
  const waiting = new Set<{ revision: number; resolve: (snapshot: Snapshot) => void }>();
  const settle = (snapshot: Snapshot) => {
    if (!latest || snapshot.revision > latest.revision) latest = snapshot;
    for (const waiter of waiting)
      if (snapshot.revision >= waiter.revision) {
        waiting.delete(waiter);
        waiter.resolve(snapshot);
      }
  };
  wire.on('stateChanged', settle);

  const stateAt = (revision: number): Promise<Snapshot> => {
    if (latest && latest.revision >= revision) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const waiter = { revision, resolve };
      waiting.add(waiter);
      setTimeout(() => {
        if (!waiting.delete(waiter)) return;
        wire.getSnapshot({}).then(
          (snapshot) => {
            settle(snapshot);
            resolve(snapshot);
          },
          // The snapshot cannot be had either: the newest one seen, else the failure.
          (error: unknown) => (latest ? resolve(latest) : reject(error)),
        );
      }, STATE_EVENT_WAIT_MS);
    });
  };

  /** A change: its ack, then the state of its revision. */
  const change = (method: ChangeMethod) => async (input: unknown) => {
    const call = wire[method] as (input: unknown) => Promise<ChangeAck & Record<string, unknown>>;
    const { revision, ...rest } = await call(input);
    const snapshot = await stateAt(revision);
    // saveStrategy also says what it saved; every other change answers with the state alone.
    return Object.keys(rest).length ? { ...rest, snapshot } : snapshot;
  };
  const getSnapshot = async (input: ApiInput<'getSnapshot'>) => {
    const snapshot = await wire.getSnapshot(input);
    settle(snapshot);
    return snapshot;
  };
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      isChangeMethod(method) ? change(method) : method === 'getSnapshot' ? getSnapshot : wire[method],
    ]),
  ) as Omit<CompassApi, 'on'>;
  return { ...methods, on: wire.on };
}
