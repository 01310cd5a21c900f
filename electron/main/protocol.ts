import { protocol } from 'electron';
import fs from 'node:fs/promises';
import { MAP_PACK_PREFIX, mapPackResponse } from './map-packs';
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from './policy';

/**
 * app:// is a standard, secure origin, so the renderer gets a real origin for CSP 'self',
 * fetch and storage without file://'s extra privileges. Must run before `ready`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer (out/renderer) on app://eoc/, and the map packs of the data folder. */
export function serveRenderer(root: string, dataDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const pathname = new URL(request.url).pathname;
    if (pathname.startsWith(MAP_PACK_PREFIX)) return mapPackResponse(dataDir, request, pathname);
    const resolved = resolveAppFile(request.url, root);
    if (!resolved.ok) return plain(resolved.status, 'Refused');
    const bytes = await readServed(resolved.file);
    if (!bytes) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
      status: 200,
      headers: appResponseHeaders(resolved.file),
    });
  });
}

async function readServed(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw e;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}
