import path from 'node:path';
import { contentSecurityPolicy } from '../backend/server/csp';

/**
 * Every yes/no the main process makes about a URL, a path or an IPC sender, kept free of
 * Electron so each rule is unit-tested (tests/backend/main/policy.test.ts).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'eoc';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** The Electron window's policy: the one policy, with no extra origin. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Our own origin only: app://eoc, no other host, port or credentials. */
export function isAppUrl(raw: string): boolean {
  const u = parse(raw);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** Where a window may navigate: nowhere but the app itself. */
export const isAllowedNavigation = isAppUrl;

/**
 * What `shell.openExternal` may receive: a parsed https: or mailto: URL, re-serialised so
 * the OS sees exactly what was checked. Anything else (file:, smb:, custom handlers that
 * start programs) is refused.
 */
export function externalUrlToOpen(raw: string): string | null {
  if (raw.length > 2048) return null;
  const u = parse(raw);
  if (!u) return null;
  if (u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '') return u.href;
  if (u.protocol === 'mailto:' && u.pathname !== '') return u.href;
  return null;
}

/**
 * Official guidance sites the console's help and forms refer to: opened without asking.
 * Anything else that passes externalUrlToOpen is shown to the operator in full first, so
 * a link in pasted or imported text cannot send them to a look-alike address unseen.
 */
export const TRUSTED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'aspr.hhs.gov',
  'asprtracie.hhs.gov',
  'www.fema.gov',
  'training.fema.gov',
  'www.cdc.gov',
]);

export type ExternalOpen = { action: 'open'; url: string } | { action: 'ask'; url: string } | { action: 'refuse' };

/** What to do with a link leaving the app: open it, ask first (showing `url` in full), or refuse. */
export function externalOpenDecision(raw: string, trusted: ReadonlySet<string> = TRUSTED_EXTERNAL_HOSTS): ExternalOpen {
  const url = externalUrlToOpen(raw);
  if (!url) return { action: 'refuse' };
  const u = new URL(url);
  if (u.protocol === 'https:' && u.port === '' && trusted.has(u.hostname)) return { action: 'open', url };
  return { action: 'ask', url };
}

/** The question put to the operator before opening an address outside the allow-list. */
export function externalOpenQuestion(url: string): { message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number } {
  const mail = url.startsWith('mailto:');
  return {
    message: mail ? 'Write an e-mail with your mail program?' : 'Open this address in your web browser?',
    detail: `${url}\n\nIt is not one of the sites the console trusts. Check the whole address before you open it.`,
    buttons: ['Cancel', mail ? 'Open mail program' : 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
  };
}

export interface SenderFacts {
  /** URL of the frame that sent the message; null once it navigated away or was destroyed. */
  frameUrl: string | null;
  /** Subframes never talk to the backend: only the top document of the app does. */
  isMainFrame: boolean;
  /** The sender's web contents belongs to a window this app opened. */
  fromOwnWindow: boolean;
}

export function isTrustedSender(f: SenderFacts): boolean {
  return f.fromOwnWindow && f.isMainFrame && f.frameUrl !== null && isAppUrl(f.frameUrl);
}

/**
 * Permissions are refused unless listed. Writing to the clipboard lets an operator copy
 * an entry into another program; reading it stays refused.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/**
 * Requests a session may make at all: the app, inline data, and the DevTools front end.
 * No http(s), ws(s) or file: request ever leaves a window, whatever a page tries.
 */
export function isAllowedRequestUrl(raw: string): boolean {
  const u = parse(raw);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  return isAppUrl(raw);
}

export type AppFileResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// URL to a file under `root`. Refuses another host, an undecodable path,
 * NUL, backslashes and colons (drive letters, Windows streams), and anything resolving
 * outside `root` once percent-decoded. No fallback to index.html: the renderer routes by
 * hash, so every real request names a file. `p` is injectable so Windows path rules are
 * tested on any platform.
 */
export function resolveAppFile(raw: string, root: string, p: path.PlatformPath = path): AppFileResolution {
  if (!isAppUrl(raw)) return { ok: false, status: 404 };
  const u = new URL(raw);
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (/[\0\\:]/.test(decoded)) return { ok: false, status: 400 };
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const base = p.resolve(root);
  const file = p.resolve(base, relative);
  const back = p.relative(base, file);
  if (back === '' || back === '..' || back.startsWith(`..${p.sep}`) || p.isAbsolute(back)) {
    return { ok: false, status: 403 };
  }
  return { ok: true, file };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers for a served file: a fixed type (no sniffing) and the CSP on documents. */
export function appResponseHeaders(file: string): Record<string, string> {
  const ext = path.extname(file).toLowerCase();
  const headers: Record<string, string> = {
    'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
  };
  if (ext === '.html') headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return headers;
}

/** Delay before restarting a backend that died: quick at first, then backing off. */
export const RESTART_BACKOFF_MS: readonly number[] = [250, 1000, 2000, 5000, 10_000, 30_000];

export function restartDelayMs(attempt: number, schedule: readonly number[] = RESTART_BACKOFF_MS): number {
  return schedule[Math.min(Math.max(attempt, 0), schedule.length - 1)] ?? 30_000;
}

/**
 * Exit code of a console that refused to start (its store is from a newer version, its
 * data folder is locked): sysexits' EX_CONFIG. scripts/start.mjs reads it as "Electron
 * works, the data does not", and does not fall back to the browser host.
 */
export const EXIT_REFUSED_TO_START = 78;
