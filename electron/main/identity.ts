/**
 * Who the app is to the OS. APP_ID is the installers' appId (build/electron-builder.yml) and the
 * Windows AppUserModelID: toasts only show when the two are equal.
 */
import { basename, dirname, join } from 'node:path';

export const APP_ID = 'eu.compasstimeline.app';
/** The custom scheme the renderer is served from (Electron's checklist: no file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'compass';
/** The renderer's entry page. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The Windows AppUserModelID: the installed app's is the appId; a development run (not packaged)
 * gets its own, so its toasts and taskbar button are not mixed up with an installed copy's.
 */
export const appUserModelId = (packaged: boolean): string => (packaged ? APP_ID : `${APP_ID}.dev`);

/**
 * The COM class Windows activates when a toast in the Action Center is clicked after the
 * notification object is gone (or the app restarted). Fixed, so it survives restarts and updates.
 */
export const TOAST_ACTIVATOR_CLSID = '{B1B044D2-7294-447D-9F5B-5C7B8FCF165C}';

/**
 * A development run's user-data folder, next to the installed app's: its own store, and its own
 * single-instance lock (Electron keys the lock on this folder), so `npm run dev` does not quit
 * silently while an installed copy runs, and does not touch the installed copy's data.
 */
export const devUserDataDir = (userData: string): string =>
  join(dirname(userData), `${basename(userData)} (development)`);
