/**
 * Who the app is to the OS. APP_ID is the installers' appId (build/electron-builder.yml) and the
 * Windows AppUserModelID: toasts only show when the two are equal.
 */
export const APP_ID = 'eu.compasstimeline.app';
/** The custom scheme the renderer is served from (Electron's checklist: no file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'compass';
/** The renderer's entry page. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
