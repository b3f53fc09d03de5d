import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from '../../electron/main/identity';
import {
  APP_ORIGIN,
  devServerOrigin,
  isSafeExternalUrl,
  isTrustedUrl,
  resolveAppRequest,
  withSecurityHeaders,
} from '../../electron/main/security-policy';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  META_CONTENT_SECURITY_POLICY,
} from '../../electron/node/web-content';
import { mainWindowWebPreferences } from '../../electron/main/web-preferences';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );

describe('the window’s web preferences', () => {
  const prefs = mainWindowWebPreferences({ preload: '/app/out/preload/index.cjs', devTools: false });

  it('isolate and sandbox the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keep web security on and every risky feature off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('offer developer tools only when asked (the unpackaged app)', () => {
    expect(mainWindowWebPreferences({ preload: 'p', devTools: true }).devTools).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it("allows only the app's own scripts: no inline scripts, no eval, no remote hosts", () => {
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
  });

  it('is what the production build writes as its meta tag, minus frame-ancestors (ignored there)', () => {
    const fromMeta = directives(META_CONTENT_SECURITY_POLICY);
    expect(fromMeta.has('frame-ancestors')).toBe(false);
    expect(META_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    // Every source the page's own policy allows, the header allows too (else the page breaks).
    for (const [name, value] of fromMeta) expect(policy.get(name), name).toBe(value);
    expect(fromMeta.size).toBe(policy.size - 1);
  });

  it('is not in the source page, so the dev server’s inline React preamble runs', () => {
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/http-equiv="Content-Security-Policy"/i);
  });

  it('replaces whatever CSP a response brought, in any letter case', () => {
    const headers = withSecurityHeaders({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers).not.toHaveProperty('content-security-policy');
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('the Content-Type of app:// responses', () => {
  it('comes from the extension, whatever the OS registry says', () => {
    expect(contentTypeOf('/out/renderer/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('C:\\app\\assets\\index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('assets/index.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('assets/font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('assets/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('assets/unknown.xyz')).toBe('application/octet-stream');
    expect(contentTypeOf('LICENSE')).toBe('application/octet-stream');
  });
});

describe('links that may open in the browser', () => {
  it('are plain http(s) links with a host', () => {
    expect(isSafeExternalUrl('https://www.eeas.europa.eu/strategic-compass')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/report.pdf')).toBe(true);
  });

  it('are never file:, javascript:, custom schemes, credentials or garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://compass/index.html',
      'https://user:secret@example.org/',
      'https://',
      'not a url',
      '',
      `https://example.org/${'a'.repeat(5000)}`,
      42,
      null,
      { href: 'https://example.org' },
    ]) {
      expect(isSafeExternalUrl(url), String(url).slice(0, 40)).toBe(false);
    }
  });
});

describe("the app's own origin", () => {
  it('is app://compass and nothing that merely looks like it', () => {
    expect(isTrustedUrl(APP_INDEX_URL, [APP_ORIGIN])).toBe(true);
    expect(isTrustedUrl('app://compass/index.html#/review?print=1', [APP_ORIGIN])).toBe(true);
    for (const url of [
      'app://compass.evil.example/index.html',
      'app://evil/index.html',
      'app://user@compass/index.html',
      'https://compass/index.html',
      'file:///app/out/renderer/index.html',
      'http://localhost:5173/',
      'about:blank',
      undefined,
      null,
    ]) {
      expect(isTrustedUrl(url, [APP_ORIGIN]), String(url)).toBe(false);
    }
  });

  it('trusts the dev server only when unpackaged and on loopback', () => {
    expect(devServerOrigin('http://localhost:5173', false)).toEqual({
      protocol: 'http:',
      host: 'localhost:5173',
    });
    expect(devServerOrigin('http://localhost:5173', true)).toBeNull();
    expect(devServerOrigin('http://192.168.1.10:5173', false)).toBeNull();
    expect(devServerOrigin('https://evil.example', false)).toBeNull();
    expect(devServerOrigin(undefined, false)).toBeNull();
    const dev = devServerOrigin('http://localhost:5173', false)!;
    expect(isTrustedUrl('http://localhost:5173/index.html', [APP_ORIGIN, dev])).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/index.html', [APP_ORIGIN, dev])).toBe(false);
  });
});

describe('app:// requests', () => {
  const root = '/app/out/renderer';

  it('serve files of the built renderer, index.html for the root', () => {
    expect(resolveAppRequest('app://compass/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://compass/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://compass/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets/index-abc.js'),
    );
    expect(resolveAppRequest('app://compass/assets/a%20b.css', root)).toBe(join(root, 'assets/a b.css'));
  });

  it('never leave the renderer folder', () => {
    for (const url of [
      'app://compass/../main/index.js',
      'app://compass/%2e%2e/%2e%2e/etc/passwd',
      'app://compass/assets/..%2f..%2fpreload/index.cjs',
      'app://compass/..%5c..%5cmain/index.js',
      'app://compass/..',
      'app://compass//etc/passwd',
    ]) {
      const file = resolveAppRequest(url, root);
      expect(file === null || file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true);
    }
    expect(resolveAppRequest('app://compass/assets/..%2f..%2fpreload/index.cjs', root)).toBeNull();
  });

  it('refuse other hosts, NUL bytes and broken escapes', () => {
    for (const url of [
      'app://other/index.html',
      'https://compass/index.html',
      'app://compass/%00index.html',
      'app://compass/%E0%A4%A',
    ]) {
      expect(resolveAppRequest(url, root), url).toBeNull();
    }
  });
});
