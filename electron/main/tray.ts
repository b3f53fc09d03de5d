/** The tray icon: drawn from the pure tray model, rebuilt on every change. */
import { join } from 'node:path';
import { app, Menu, nativeImage, Tray } from 'electron';
import type { TrayCommand, TrayModel } from '../core/tray-model';
import { trayMenuTemplate } from './menu-templates';

/** The tray icon file per OS: a template image on macOS, ICO on Windows, PNG on Linux. */
export function trayIconFile(iconDir: string, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join(iconDir, 'trayTemplate.png');
  if (platform === 'win32') return join(iconDir, 'tray.ico');
  return join(iconDir, 'tray.png');
}

export interface ShellTray {
  update(model: TrayModel): void;
  destroy(): void;
}

export function createTray(options: {
  iconDir: string;
  platform: NodeJS.Platform;
  run(command: TrayCommand): void;
}): ShellTray {
  const image = nativeImage.createFromPath(trayIconFile(options.iconDir, options.platform));
  if (options.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  // Windows and Linux: a left click opens the window (macOS opens the menu, as users expect there).
  if (options.platform !== 'darwin') tray.on('click', () => options.run({ type: 'open' }));

  return {
    update(model) {
      if (tray.isDestroyed()) return;
      tray.setToolTip(model.tooltip);
      if (options.platform === 'darwin') tray.setTitle(model.title);
      // Always set a context menu: Linux shows nothing without one.
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(model.menu, options.run)));
      // Dock (macOS) and launcher (Unity) badge; Windows has none, and setBadgeCount says so.
      if (options.platform !== 'win32') app.setBadgeCount(model.badgeCount);
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
