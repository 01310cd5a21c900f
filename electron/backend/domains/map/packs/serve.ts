import fs from 'node:fs';
import path from 'node:path';

/**
 * Map-pack tiles, served same-origin by the browser host's HTTP server and by the desktop
 * app's app:// protocol: this module decides what to answer, each host does the I/O.
 * Only `/map-packs/<uuid>.pmtiles` exists; the browser's PMTiles reader asks for byte
 * ranges, and each answer reads just that range from disk, never the whole file.
 * Plain Node only: electron/main imports it.
 */
export const MAP_PACK_PREFIX = '/map-packs/';
const PACK_PATH = /^\/map-packs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pmtiles$/;

export const packsDir = (dataDir: string) => path.join(dataDir, 'map-packs');
export const packFile = (dataDir: string, id: string) => path.join(packsDir(dataDir), `${id}.pmtiles`);

export type PackAnswer =
  | { status: 200 | 206; headers: Record<string, string>; file: string; start: number; end: number; body: boolean }
  | { status: 400 | 404 | 405 | 416; headers: Record<string, string>; text: string };

const plain = (status: 400 | 404 | 405 | 416, text: string, extra: Record<string, string> = {}): PackAnswer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...extra },
  text,
});

/** Parses one `bytes=a-b`, `bytes=a-` or `bytes=-n` range against a file's size. */
export function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export function answerPackRequest(dataDir: string, method: string, urlPath: string, range: string | null | undefined): PackAnswer {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
  const m = PACK_PATH.exec(urlPath);
  if (!m) return plain(404, 'No such map pack');
  const file = packFile(dataDir, m[1]!);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return plain(404, 'No such map pack');
  }
  const size = stat.size;
  const headers: Record<string, string> = {
    'content-type': 'application/vnd.pmtiles',
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    // A pack's id names one file for ever; the ETag still lets the reader notice a replaced one.
    etag: `"${size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
    'cache-control': 'no-cache',
  };
  const body = method === 'GET';
  if (!range) return { status: 200, headers: { ...headers, 'content-length': String(size) }, file, start: 0, end: size - 1, body };
  const r = parseRange(range, size);
  if (r === null) return plain(400, 'Malformed Range header');
  if (r === 'unsatisfiable') return plain(416, 'Range not satisfiable', { 'content-range': `bytes */${size}` });
  return {
    status: 206,
    headers: { ...headers, 'content-length': String(r.end - r.start + 1), 'content-range': `bytes ${r.start}-${r.end}/${size}` },
    file,
    start: r.start,
    end: r.end,
    body,
  };
}
