/**
 * The gate every IPC call passes: the sending frame must be the app's own page. A call from
 * anywhere else gets an error result and goes no further; nothing throws. The method and payload
 * are checked against the contract once, by the app service's `dispatch` (the one place every
 * caller — IPC, the web host, the CLI — goes through).
 */
import type { ApiResult } from '../contract/api';
import { isTrustedUrl, type TrustedOrigin } from './security-policy';

/** The app service's `dispatch`: validates the method and payload, then runs the call. */
export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

export interface IpcGuardOptions {
  /** The origins the app's page is served from (app://compass; the dev server when not packaged). */
  trusted: readonly TrustedOrigin[];
  dispatch: Dispatch;
  /** Where refused calls are reported (the main process log). */
  onRefused?: (reason: string) => void;
}

/** The sending frame as Electron gives it (event.senderFrame): its URL, or null when it is gone. */
export interface SenderFrame {
  url: string;
}

/**
 * Handles one `ipcMain.handle(IPC_CHANNEL, …)` call. Checks the sender frame, then dispatches (which
 * validates). Always resolves to an ApiResult.
 */
export async function guardedInvoke(
  sender: SenderFrame | null | undefined,
  method: unknown,
  payload: unknown,
  options: IpcGuardOptions,
): Promise<ApiResult<unknown>> {
  let senderUrl: unknown;
  try {
    senderUrl = sender?.url;
  } catch {
    senderUrl = undefined;
  }
  if (!isTrustedUrl(senderUrl, options.trusted)) {
    options.onRefused?.(`IPC from an untrusted frame: ${String(senderUrl).slice(0, 200)}`);
    return {
      ok: false,
      error: { code: 'forbidden', message: 'This page may not use the Compass Timeline API.' },
    };
  }
  try {
    const result = await options.dispatch(method, payload);
    if (!result.ok && result.error.code === 'invalid-input') options.onRefused?.(result.error.message);
    return result;
  } catch (error) {
    return {
      ok: false,
      error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
