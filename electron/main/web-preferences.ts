import type { WebPreferences } from 'electron';

/**
 * The main window's web preferences: Electron's security checklist as one object. The renderer is
 * sandboxed and isolated, has no Node, and reaches main only through the preload's typed bridge.
 */
export function mainWindowWebPreferences(options: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}
