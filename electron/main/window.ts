/** The main window: secure web preferences, shown when ready, hidden (not closed) on close where a tray is shown. */
import { join } from 'node:path';
import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron';
import { APP_INDEX_URL } from './identity';
import { mainWindowWebPreferences } from './web-preferences';

export interface MainWindowOptions {
  /** Folder of the built preload (out/preload). */
  preloadDir: string;
  /** The dev server (electron-vite dev) instead of app://compass, when not packaged. */
  devServerUrl: string | null;
  devTools: boolean;
  startHidden: boolean;
  icon?: string;
  /** Whether a close should really close (the user quits) or only hide to the tray. */
  isQuitting(): boolean;
  /** Whether a tray icon is shown: only then does closing hide the window; else it quits the app. */
  hideOnClose: boolean;
  /** Quits the app (a close where no tray is shown). */
  quit(): void;
  /** Told the first time a close hid the window, so the user learns where the app went. */
  onHiddenToTray(): void;
}

/**
 * The one place the app makes a BrowserWindow: always with the locked-down web preferences of
 * web-preferences.ts and the preload bridge.
 */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  page: { preloadDir: string; devTools: boolean },
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: mainWindowWebPreferences({
      preload: join(page.preloadDir, 'index.cjs'),
      devTools: page.devTools,
    }),
  });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = createSecureWindow(
    {
      width: 1280,
      height: 820,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'Compass Timeline',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
      ...(options.icon ? { icon: options.icon } : {}),
    },
    options,
  );

  window.once('ready-to-show', () => {
    if (!options.startHidden) window.show();
  });

  let toldAboutTray = false;
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    // Without a tray (GNOME without the AppIndicator extension) a hidden window could not be
    // brought back: closing it quits, as in any other app.
    if (!options.hideOnClose) return options.quit();
    event.preventDefault();
    window.hide();
    if (!toldAboutTray) {
      toldAboutTray = true;
      options.onHiddenToTray();
    }
  });

  void window.loadURL(options.devServerUrl ?? APP_INDEX_URL);
  return window;
}

/** Brings the window to the front (tray click, second launch, notification click). */
export function showWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
