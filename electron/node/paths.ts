import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron derives the user-data folder from (package.json "productName"). */
export const PRODUCT_NAME = 'Compass Timeline';

/**
 * Electron's app.getPath('userData') for this app, computed without Electron, so that the CLI
 * reads and writes the same store as the desktop app: appData/<productName>.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, PRODUCT_NAME);
}
