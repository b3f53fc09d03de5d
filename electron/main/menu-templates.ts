/**
 * Electron menu templates built from data: the tray's menu model (electron/core/tray-model) and the
 * app menu. Only Electron's types are used here, so tests read the templates without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../core/shell-locale';
import type { TrayCommand, TrayMenuItem } from '../core/tray-model';

/** The tray's context menu as Electron's template; a click runs the item's command. */
export function trayMenuTemplate(
  items: readonly TrayMenuItem[],
  run: (command: TrayCommand) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { type: 'submenu', label: item.label, submenu: trayMenuTemplate(item.submenu, run) };
      case 'checkbox':
        return { type: 'checkbox', label: item.label, checked: item.checked, click: () => run(item.command) };
      case 'normal': {
        const command = item.command;
        return {
          type: 'normal',
          label: item.label,
          enabled: item.enabled,
          ...(command ? { click: () => run(command) } : {}),
        };
      }
    }
  });
}

export interface AppMenuActions {
  exportIcal(): void;
  exportReview(): void;
  exportData(): void;
  importData(): void;
  about(): void;
  openDataFolder(): void;
  quit(): void;
}

/**
 * The app menu: the usual roles (edit, view, window; the app menu on macOS) plus our File items
 * and Help/About. Quit is always there (File on Windows and Linux, the app menu on macOS).
 */
export function appMenuTemplate(options: {
  t: Translate;
  platform: string;
  devTools: boolean;
  actions: AppMenuActions;
}): MenuItemConstructorOptions[] {
  const { t, actions } = options;
  const mac = options.platform === 'darwin';
  const quit: MenuItemConstructorOptions = {
    label: t('menu.quit'),
    accelerator: 'CmdOrCtrl+Q',
    click: () => actions.quit(),
  };
  const about: MenuItemConstructorOptions = { label: t('menu.about'), click: () => actions.about() };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: t('appName'),
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            quit,
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.exportIcal'), accelerator: 'CmdOrCtrl+E', click: () => actions.exportIcal() },
      { label: t('menu.exportReview'), click: () => actions.exportReview() },
      { type: 'separator' },
      { label: t('menu.exportData'), click: () => actions.exportData() },
      { label: t('menu.importData'), click: () => actions.importData() },
      ...(mac ? [] : [{ type: 'separator' } as const, quit]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools
        ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: t('menu.window'),
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    submenu: [
      { label: t('menu.openDataFolder'), click: () => actions.openDataFolder() },
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };

  return [...appMenu, file, edit, view, window, help];
}
