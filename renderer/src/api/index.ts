import type { CompassApi } from '../../../electron/contract/api';
import { withStateReplies } from '../../../electron/contract/bridge';
import { createWebClient, webToken } from './web-client';

export class NoApiError extends Error {
  constructor() {
    super('No connection to Compass Timeline: open the app, or the web host URL printed with its token.');
    this.name = 'NoApiError';
  }
}

/** The one API the UI uses: the preload bridge in the desktop app, the web host's HTTP bridge in a browser. */
export function getApi(): CompassApi {
  const bridge = window.compass;
  if (bridge) return withStateReplies(bridge);
  const token = webToken();
  if (!token) throw new NoApiError();
  return withStateReplies(createWebClient(token));
}
