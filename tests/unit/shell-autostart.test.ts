import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyXdgAutostart,
  autostartDesktopEntry,
  autostartFilePath,
  HIDDEN_FLAG,
  launcher,
  loginItemSettings,
  quoteExecArg,
  shouldStartHidden,
} from '../../electron/node/autostart';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'compass-autostart-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The Exec key's arguments as a desktop-entry reader gets them (string unescaping, then quoting). */
function parseExec(entry: string): string[] {
  const line = entry.split('\n').find((l) => l.startsWith('Exec='))!;
  const value = line
    .slice('Exec='.length)
    .replace(/\\(.)/g, (_, c: string) => (c === 's' ? ' ' : c === '\\' ? '\\' : `\\${c}`));
  const args: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === ' ') {
      i += 1;
      continue;
    }
    let arg = '';
    if (value[i] === '"') {
      i += 1;
      while (value[i] !== '"') {
        if (value[i] === '\\') i += 1;
        arg += value[i];
        i += 1;
      }
      i += 1;
    } else {
      while (i < value.length && value[i] !== ' ') arg += value[i++];
    }
    args.push(arg.replaceAll('%%', '%'));
  }
  return args;
}

describe('XDG autostart entry (Linux)', () => {
  it('starts the installed executable, with --hidden when the user wants to start in the tray', () => {
    const target = launcher('/opt/Compass Timeline/compass-timeline', [], {});
    const entry = autostartDesktopEntry({ target, startHidden: true, comment: 'Compass Timeline' });
    expect(entry.split('\n')).toEqual(
      expect.arrayContaining([
        '[Desktop Entry]',
        'Type=Application',
        'Name=Compass Timeline',
        'Exec="/opt/Compass Timeline/compass-timeline" --hidden',
        'X-GNOME-Autostart-enabled=true',
      ]),
    );
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(parseExec(entry)).toEqual(['/opt/Compass Timeline/compass-timeline', HIDDEN_FLAG]);
    const shown = autostartDesktopEntry({ target, startHidden: false, comment: 'x' });
    expect(parseExec(shown)).toEqual(['/opt/Compass Timeline/compass-timeline']);
  });

  it('starts the AppImage file, not its temporary mount point', () => {
    const target = launcher('/tmp/.mount_CompasXYZ/compass-timeline', [], {
      APPIMAGE: '/home/ana/Apps/compass-timeline-0.1.0-x86_64.AppImage',
    });
    const entry = autostartDesktopEntry({ target, startHidden: false, comment: 'x' });
    expect(parseExec(entry)).toEqual(['/home/ana/Apps/compass-timeline-0.1.0-x86_64.AppImage']);
  });

  it('quotes paths with reserved characters so they survive the desktop-entry unescaping', () => {
    const nasty = [`/home/o'neil/a b/$HOME/\\x/100%/"q"/\`cmd\``, '/plain/path', 'a=b', ''];
    for (const path of nasty) {
      const entry = autostartDesktopEntry({
        target: { executable: path, args: ['--flag'] },
        startHidden: true,
        comment: 'x',
      });
      expect(parseExec(entry)).toEqual([path, '--flag', HIDDEN_FLAG]);
    }
    expect(quoteExecArg('/usr/bin/app')).toBe('/usr/bin/app');
    expect(quoteExecArg('/a b')).toBe('"/a b"');
    expect(quoteExecArg('100%')).toBe('100%%');
  });

  it('keeps a comment on one line', () => {
    const entry = autostartDesktopEntry({
      target: launcher('/x', [], {}),
      startHidden: false,
      comment: 'a\nb',
    });
    expect(entry).toContain('Comment=a b\n');
  });

  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartFilePath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(
      '/cfg/autostart/compass-timeline.desktop',
    );
    expect(autostartFilePath({}, '/home/ana')).toBe('/home/ana/.config/autostart/compass-timeline.desktop');
    // The spec ignores a relative XDG_CONFIG_HOME.
    expect(autostartFilePath({ XDG_CONFIG_HOME: 'rel' }, '/home/ana')).toBe(
      '/home/ana/.config/autostart/compass-timeline.desktop',
    );
  });

  it('writes the entry (creating the folder), leaves an equal one alone, and removes it when turned off', () => {
    const file = join(tempDir(), 'config', 'autostart', 'compass-timeline.desktop');
    const entry = autostartDesktopEntry({
      target: launcher('/usr/bin/compass-timeline', [], {}),
      startHidden: false,
      comment: 'x',
    });
    expect(applyXdgAutostart(file, entry)).toBe('written');
    expect(readFileSync(file, 'utf8')).toBe(entry);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(applyXdgAutostart(file, entry)).toBe('unchanged');
    const hidden = autostartDesktopEntry({
      target: launcher('/usr/bin/compass-timeline', [], {}),
      startHidden: true,
      comment: 'x',
    });
    expect(applyXdgAutostart(file, hidden)).toBe('written');
    expect(readFileSync(file, 'utf8')).toContain('--hidden');
    expect(applyXdgAutostart(file, null)).toBe('removed');
    expect(() => statSync(file)).toThrow();
    expect(applyXdgAutostart(file, null)).toBe('absent');
  });

  it('replaces an entry the user edited by hand', () => {
    const file = join(tempDir(), 'compass-timeline.desktop');
    writeFileSync(file, '[Desktop Entry]\nExec=/old/path\n');
    const entry = autostartDesktopEntry({
      target: launcher('/new/path', [], {}),
      startHidden: false,
      comment: 'x',
    });
    expect(applyXdgAutostart(file, entry)).toBe('written');
    expect(parseExec(readFileSync(file, 'utf8'))).toEqual(['/new/path']);
  });
});

describe('login items (Windows and macOS)', () => {
  const target = launcher(
    'C:\\Users\\ana\\AppData\\Local\\Programs\\Compass Timeline\\Compass Timeline.exe',
    [],
    {},
  );

  it('on Windows registers the executable, with --hidden when starting in the tray', () => {
    expect(loginItemSettings({ platform: 'win32', openAtLogin: true, startHidden: true, target })).toEqual({
      openAtLogin: true,
      path: target.executable,
      args: ['--hidden'],
    });
    expect(loginItemSettings({ platform: 'win32', openAtLogin: false, startHidden: false, target })).toEqual({
      openAtLogin: false,
      path: target.executable,
      args: [],
    });
  });

  it('passes the app folder first when running from source with a bare Electron', () => {
    const dev = launcher('/repo/node_modules/electron/dist/electron.exe', ['/repo'], {});
    expect(
      loginItemSettings({ platform: 'win32', openAtLogin: true, startHidden: true, target: dev }).args,
    ).toEqual(['/repo', '--hidden']);
  });

  it('on macOS only turns the login item on or off (macOS passes no arguments)', () => {
    expect(loginItemSettings({ platform: 'darwin', openAtLogin: true, startHidden: true, target })).toEqual({
      openAtLogin: true,
    });
  });
});

describe('start hidden', () => {
  it('starts in the tray only when the user chose so and the OS started the app at login', () => {
    expect(shouldStartHidden({ startHidden: true, argv: ['app', '--hidden'] })).toBe(true);
    expect(shouldStartHidden({ startHidden: true, argv: ['app'], openedAtLogin: true })).toBe(true);
    // Started by the user: show the window.
    expect(shouldStartHidden({ startHidden: true, argv: ['app'], openedAtLogin: false })).toBe(false);
    // Started at login but the user turned "start hidden" off since.
    expect(shouldStartHidden({ startHidden: false, argv: ['app', '--hidden'], openedAtLogin: true })).toBe(
      false,
    );
  });
});
