/** What the desktop offers, read from its environment: pure, tested. */

/**
 * Whether the desktop shows tray icons, so that closing the window may hide it there. Windows and
 * macOS always do. On Linux the tray needs a StatusNotifier host: plain GNOME has none (only with
 * the AppIndicator extension, which Ubuntu's GNOME session ships), the other desktops have one.
 * Unknown desktops are assumed to have one.
 */
export function trayIsShown(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return true;
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '')
    .split(':')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (!desktops.includes('gnome') && !desktops.includes('gnome-classic')) return true;
  return desktops.includes('ubuntu');
}
