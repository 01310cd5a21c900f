import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export { contentSecurityPolicy } from './csp';

/** Resolves a URL path inside `root`, or null when it would leave it. */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  const root = path.resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/** Serves the built renderer; unknown paths get index.html (the app routes by hash). */
export function serveStatic(rootDir: string, urlPath: string, res: ServerResponse, csp: string): void {
  const root = path.resolve(rootDir);
  const target = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (!target) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad path');
    return;
  }
  let file = target;
  if (!isFile(file)) {
    if (path.extname(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    file = path.join(root, 'index.html');
  }
  const ext = path.extname(file);
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Only the build's hashed assets are the same for ever; the page, its boot script and
    // its icon keep their names across versions, so a browser asks for them again.
    'cache-control': ext === '.html' ? 'no-store' : isHashedAsset(root, file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (ext === '.html') headers['content-security-policy'] = csp;
  res.writeHead(200, headers);
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file removed or unreadable mid-send (a rebuild under a running host) ends this one response.
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** A file of the build's assets folder, whose name carries its content hash. */
function isHashedAsset(root: string, file: string): boolean {
  return path.dirname(file) === path.join(root, 'assets');
}

/** False for anything that is not a readable regular file, including names too long to stat. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
