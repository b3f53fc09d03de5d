/**
 * The gate every IPC call passes: the sending frame must be the app's own page, and the payload must
 * match the contract's schema for the method. Anything else gets an error result; nothing throws.
 */
import { parseApiInput, type ApiMethod, type ApiResult } from '../contract/api';
import { isTrustedUrl, type TrustedOrigin } from './security-policy';

export type Dispatch = (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>;

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
 * Handles one `ipcMain.handle(IPC_CHANNEL, …)` call. Checks the sender frame, validates the method
 * and payload against the contract, then dispatches. Always resolves to an ApiResult.
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
  let parsed: ReturnType<typeof parseApiInput>;
  try {
    parsed = parseApiInput(method, payload);
  } catch (error) {
    // A payload zod cannot even walk (e.g. a getter that throws); data from IPC cannot do this,
    // but the gate must not crash whatever it is handed.
    return {
      ok: false,
      error: { code: 'invalid-input', message: `Invalid input: ${String(error).slice(0, 200)}` },
    };
  }
  if (!parsed.ok) {
    options.onRefused?.(parsed.error.message);
    return parsed;
  }
  try {
    return await options.dispatch(parsed.method, parsed.input);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
