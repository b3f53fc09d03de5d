/**
 * The installers' configuration, read and validated by electron-builder's own loader (what
 * `npm run dist` does before it downloads anything), so it cannot rot silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../electron/main/identity';
import { PRODUCT_NAME } from '../../electron/node/paths';
import { drawIcon, iconFiles } from '../../scripts/make-icons';

const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Record<string, unknown>;
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, 'build/electron-builder.yml', null);
});

type Target = { target: string; arch?: string[] };
const targets = (platform: 'win' | 'mac' | 'linux') =>
  ((config[platform]?.target ?? []) as Target[]).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('has the fixed appId the app sets as AppUserModelID, and the product name of the user-data folder', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('builds NSIS (per user or per machine) and a per-machine MSI with a fixed upgrade code on Windows', () => {
    expect(targets('win')).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('builds a dmg with the hardened runtime, signed ad hoc, with only the JIT and ad hoc entitlements on macOS', () => {
    expect(targets('mac')).toEqual(['dmg']);
    // Ad hoc ('-'): an unsigned bundle's notifications are dropped silently by macOS.
    expect(config.mac).toMatchObject({ hardenedRuntime: true, identity: '-' });
    const entitlements = readFileSync(resolve(root, config.mac!.entitlements!), 'utf8');
    const keys = [...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    // Library validation off: the hardened runtime refuses an ad hoc signed app's frameworks otherwise.
    expect(keys).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.cs.disable-library-validation',
    ]);
  });

  it('builds an AppImage and a deb with a desktop entry on Linux', () => {
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(config.linux?.desktop?.entry).toMatchObject({
      Name: PRODUCT_NAME,
      Categories: expect.stringContaining('Office'),
    });
    expect(config.linux?.executableName).toBe('compass-timeline');
    // Windows match their launcher: Electron's app_id / WM_CLASS is desktopName, and so is the .desktop file.
    expect(pkg.desktopName).toBe('compass-timeline.desktop');
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('ships no UI library in app.asar: the renderer is bundled, so React is a devDependency', () => {
    const dependencies = Object.keys(pkg.dependencies as Record<string, string>);
    for (const name of ['react', 'react-dom', 'react-i18next']) expect(dependencies).not.toContain(name);
  });

  it('flips the security fuses: no run-as-node, no NODE_OPTIONS or --inspect, asar only and checked, cookies encrypted', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the built app and the tray icons', () => {
    // (electron-builder's validation normalises these lists into { filter } objects, hence the strings.)
    expect(JSON.stringify(config.files)).toContain('"out/**/*"');
    expect(JSON.stringify(config.extraResources)).toContain('"from":"build/tray","to":"tray"');
  });
});

describe('icons', () => {
  it('exist where the configuration and the shell look for them', () => {
    for (const file of [
      config.win!.icon as string,
      config.mac!.icon as string,
      ...['16x16', '32x32', '48x48', '256x256', '512x512'].map((size) => `${config.linux!.icon}/${size}.png`),
      'build/tray/trayTemplate.png',
      'build/tray/trayTemplate@2x.png',
      'build/tray/tray.ico',
      'build/tray/tray.png',
    ]) {
      expect(existsSync(resolve(root, file)), file).toBe(true);
    }
  });

  it('are what scripts/make-icons.ts draws (run it after changing the drawing)', () => {
    for (const [path, content] of iconFiles()) {
      expect(readFileSync(resolve(root, 'build', path)).equals(content), `build/${path} is stale`).toBe(true);
    }
  });

  it('have the formats each OS wants: ICO with a 256 px image, ICNS, PNG; a black-and-alpha macOS template', () => {
    const ico = readFileSync(resolve(root, 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    expect(readFileSync(resolve(root, 'build/icon.icns')).subarray(0, 4).toString('ascii')).toBe('icns');
    const template = readFileSync(resolve(root, 'build/tray/trayTemplate.png'));
    expect(template.subarray(1, 4).toString('ascii')).toBe('PNG');
    // A template image is black with alpha: every visible pixel is 0,0,0, and some are visible.
    for (const size of [16, 32]) {
      const pixels = drawIcon(size, 'template');
      let visible = 0;
      for (let at = 0; at < pixels.length; at += 4) {
        if (pixels[at + 3] === 0) continue;
        visible += 1;
        expect([pixels[at], pixels[at + 1], pixels[at + 2]]).toEqual([0, 0, 0]);
      }
      expect(visible).toBeGreaterThan(size);
    }
  });
});
