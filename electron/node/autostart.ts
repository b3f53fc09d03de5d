/**
 * Start at login. Windows and macOS: the settings object for Electron's app.setLoginItemSettings
 * (built here, applied by the shell). Linux: an XDG autostart entry
 * (~/.config/autostart/compass-timeline.desktop), written and removed here.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { PRODUCT_NAME } from './paths';

/** The flag the login item passes so the app starts hidden in the tray. */
export const HIDDEN_FLAG = '--hidden';

export const AUTOSTART_FILE_NAME = 'compass-timeline.desktop';

/** The part of Electron's login-item Settings we use (app.setLoginItemSettings takes it as is). */
export interface LoginItemSettings {
  openAtLogin: boolean;
  /** Windows: the executable to start. */
  path?: string;
  /** Windows: its arguments. */
  args?: string[];
}

export interface Launcher {
  /** What to start: the AppImage file itself for an AppImage (its mount point changes every run), else the executable. */
  executable: string;
  /** Arguments before our own (the app folder when running from source with a bare Electron). */
  args: string[];
}

/** The command that starts this app again: the AppImage when running from one. */
export function launcher(
  execPath: string,
  appArgs: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Launcher {
  return { executable: env.APPIMAGE ?? execPath, args: [...appArgs] };
}

const launchArgs = (target: Launcher, startHidden: boolean) => [
  ...target.args,
  ...(startHidden ? [HIDDEN_FLAG] : []),
];

/**
 * The settings for app.setLoginItemSettings on Windows and macOS. macOS cannot pass arguments to a
 * login item: the shell reads getLoginItemSettings().wasOpenedAtLogin there instead.
 */
export function loginItemSettings(options: {
  platform: NodeJS.Platform;
  openAtLogin: boolean;
  startHidden: boolean;
  target: Launcher;
}): LoginItemSettings {
  if (options.platform === 'win32') {
    return {
      openAtLogin: options.openAtLogin,
      path: options.target.executable,
      args: launchArgs(options.target, options.startHidden),
    };
  }
  return { openAtLogin: options.openAtLogin };
}

/** Whether this launch should stay in the tray: the user chose so, and the OS started us at login. */
export function shouldStartHidden(options: {
  startHidden: boolean;
  argv: readonly string[];
  /** macOS: app.getLoginItemSettings().wasOpenedAtLogin. */
  openedAtLogin?: boolean;
}): boolean {
  return options.startHidden && (options.argv.includes(HIDDEN_FLAG) || options.openedAtLogin === true);
}

/**
 * One argument of a desktop entry's Exec key: quoted when it holds a reserved character, with the
 * quoting rules of the Desktop Entry Specification (and '%' doubled, as field codes start with it).
 */
export function quoteExecArg(arg: string): string {
  const escapedPercent = arg.replaceAll('%', '%%');
  if (escapedPercent !== '' && !/[\s"'\\><~|&;$*?#()`]/.test(escapedPercent)) return escapedPercent;
  // Inside quotes, ", `, $ and \ take a backslash; the string-value rules then double every backslash.
  const quoted = escapedPercent.replace(/(["`$\\])/g, '\\$1');
  return `"${quoted}"`.replaceAll('\\', '\\\\');
}

/** A desktop entry string value holds no newlines. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/** The XDG autostart entry that starts the app at login. */
export function autostartDesktopEntry(options: {
  target: Launcher;
  startHidden: boolean;
  comment: string;
}): string {
  const exec = [options.target.executable, ...launchArgs(options.target, options.startHidden)]
    .map(quoteExecArg)
    .join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${PRODUCT_NAME}`,
    `Comment=${oneLine(options.comment)}`,
    `Exec=${exec}`,
    'Icon=compass-timeline',
    'Terminal=false',
    'StartupNotify=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** $XDG_CONFIG_HOME/autostart/compass-timeline.desktop (~/.config when unset). */
export function autostartFilePath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const configHome =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/**
 * Writes the autostart entry (atomically, only when its content changed) or removes it.
 * Returns what happened, for the log and the tests.
 */
export function applyXdgAutostart(
  file: string,
  entry: string | null,
): 'written' | 'unchanged' | 'removed' | 'absent' {
  if (entry === null) {
    try {
      rmSync(file);
      return 'removed';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
      throw error;
    }
  }
  try {
    if (readFileSync(file, 'utf8') === entry) return 'unchanged';
  } catch {
    // Not there yet (or unreadable): write it.
  }
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, entry, { encoding: 'utf8', mode: 0o644 });
  renameSync(temp, file);
  return 'written';
}
