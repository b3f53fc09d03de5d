import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

// Placeholder shell: the window only. Tray, notifications and IPC arrive with the shell issue.
function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  void window.loadFile(join(__dirname, '../renderer/index.html'));
}

void app.whenReady().then(createWindow);
