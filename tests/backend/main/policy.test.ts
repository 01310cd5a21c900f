import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../../../electron/backend/server/csp';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  appResponseHeaders,
  externalUrlToOpen,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  resolveAppFile,
  restartDelayMs,
} from '../../../electron/main/policy';

const ROOT = '/opt/eoc/out/renderer';

describe('the app:// origin', () => {
  it('recognises only app://eoc, without port or credentials', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://eoc/assets/index.js')).toBe(true);
    expect(isAppUrl('app://eoc')).toBe(true);
    for (const url of [
      'app://other/',
      'app://eoc:8080/',
      'app://user:pw@eoc/',
      'https://eoc/',
      'file:///opt/eoc/out/renderer/index.html',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('lets a window navigate within the app and nowhere else', () => {
    expect(isAllowedNavigation('app://eoc/#/incidents')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<h1>x</h1>')).toBe(false);
  });
});

describe('serving the renderer from app://', () => {
  it('maps the root to index.html and assets to their files', () => {
    expect(resolveAppFile('app://eoc/', ROOT)).toEqual({ ok: true, file: `${ROOT}/index.html` });
    expect(resolveAppFile('app://eoc/assets/index-K7V.css', ROOT)).toEqual({
      ok: true,
      file: `${ROOT}/assets/index-K7V.css`,
    });
    expect(resolveAppFile('app://eoc/assets/a%20b.woff2?v=1#x', ROOT)).toEqual({
      ok: true,
      file: `${ROOT}/assets/a b.woff2`,
    });
  });

  it('refuses paths that climb out once percent-decoded', () => {
    for (const url of [
      'app://eoc/..%2f..%2fetc%2fpasswd',
      'app://eoc/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://eoc/assets/..%2F..%2F..%2F..%2Fhome',
    ]) {
      expect(resolveAppFile(url, ROOT), url).toEqual({ ok: false, status: 403 });
    }
  });

  it('stays inside the folder when the URL parser folds dot segments itself', () => {
    // The WHATWG parser (Chromium's too) treats %2e%2e as "..", clamped at the root.
    expect(resolveAppFile('app://eoc/%2e%2e/%2e%2e/etc/passwd', ROOT)).toEqual({
      ok: true,
      file: `${ROOT}/etc/passwd`,
    });
    expect(resolveAppFile('app://eoc/../../../index.html', ROOT)).toEqual({ ok: true, file: `${ROOT}/index.html` });
  });

  it('refuses NUL, backslashes, colons and undecodable paths', () => {
    expect(resolveAppFile('app://eoc/index.html%00.png', ROOT)).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile('app://eoc/..%5c..%5cwindows%5cwin.ini', ROOT)).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile('app://eoc/C:/Windows/win.ini', ROOT)).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile('app://eoc/%E0%A4%A', ROOT)).toEqual({ ok: false, status: 400 });
  });

  it('refuses another host', () => {
    expect(resolveAppFile('app://elsewhere/index.html', ROOT)).toEqual({ ok: false, status: 404 });
  });

  it('keeps Windows paths inside the folder too', () => {
    const winRoot = 'C:\\Program Files\\EOC\\resources\\app.asar\\out\\renderer';
    expect(resolveAppFile('app://eoc/assets/x.js', winRoot, path.win32)).toEqual({
      ok: true,
      file: `${winRoot}\\assets\\x.js`,
    });
    expect(resolveAppFile('app://eoc/..%2f..%2fmain%2findex.js', winRoot, path.win32)).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('types every response and puts the strict CSP on documents', () => {
    const html = appResponseHeaders(`${ROOT}/index.html`);
    expect(html['Content-Type']).toBe('text/html; charset=utf-8');
    expect(html['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(html['X-Content-Type-Options']).toBe('nosniff');
    const js = appResponseHeaders(`${ROOT}/assets/index.js`);
    expect(js['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js['Content-Security-Policy']).toBeUndefined();
    expect(appResponseHeaders(`${ROOT}/x.unknown`)['Content-Type']).toBe('application/octet-stream');
  });

  it('has a CSP with no eval, no remote origin and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
  });
});

describe('opening links outside the app', () => {
  it('passes parsed https: and mailto: URLs to the operating system', () => {
    expect(externalUrlToOpen('https://aspr.hhs.gov/HealthCareReadiness')).toBe(
      'https://aspr.hhs.gov/HealthCareReadiness',
    );
    expect(externalUrlToOpen('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
    expect(externalUrlToOpen('mailto:duty.officer@example.org?subject=Sitrep')).toBe(
      'mailto:duty.officer@example.org?subject=Sitrep',
    );
  });

  it('refuses every other scheme, credentials in the URL, and absurd lengths', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'app://eoc/',
      'https://user:pw@example.com/',
      'mailto:',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });
});

describe('IPC senders', () => {
  const good = { frameUrl: 'app://eoc/#/log', isMainFrame: true, fromOwnWindow: true };

  it('trusts the top frame of our own window showing the app', () => {
    expect(isTrustedSender(good)).toBe(true);
  });

  it('refuses subframes, foreign pages, destroyed frames and other windows', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'https://example.com/' })).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...good, fromOwnWindow: false })).toBe(false);
  });
});

describe('permissions and requests', () => {
  it('grants only clipboard writing, and only to the app', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://eoc')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'hid', 'unknown']) {
      expect(isPermissionGranted(p, 'app://eoc'), p).toBe(false);
    }
  });

  it('lets no request leave for the network or the file system', () => {
    expect(isAllowedRequestUrl('app://eoc/assets/x.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://eoc/1234')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:4780/',
      'ws://127.0.0.1/',
      'file:///etc/passwd',
      'app://other/',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });
});

describe('restart backoff', () => {
  it('waits longer after each failure, up to a ceiling', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((n) => restartDelayMs(n));
    expect(delays).toEqual([250, 1000, 2000, 5000, 10_000, 30_000, 30_000, 30_000]);
    expect(restartDelayMs(-1)).toBe(250);
  });

  it('is written once: the browser host serves the same policy, adding only its own WebSocket', () => {
    expect(contentSecurityPolicy('ws://127.0.0.1:4100')).toBe(CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:4100"));
    const electronDir = path.resolve(__dirname, '../../../electron');
    const sources = fs.readdirSync(electronDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const writers = sources.filter((f) => fs.readFileSync(path.join(electronDir, f), 'utf8').includes("default-src 'self'"));
    expect(writers).toEqual([path.join('backend', 'server', 'csp.ts')]);
  });
});
