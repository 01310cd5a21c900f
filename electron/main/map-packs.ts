import fs from 'node:fs';
import { Readable } from 'node:stream';
import { answerPackRequest, MAP_PACK_PREFIX } from '../backend/domains/map/packs/serve';

export { MAP_PACK_PREFIX };

/**
 * Map-pack byte ranges on app://eoc/map-packs/<id>.pmtiles, the same answers as the
 * browser host gives (one module decides both): only the range asked for is read, as a
 * stream, so a pack of several GB never sits in the main process's memory, and no query
 * runs here (every pack is a PMTiles file; MBTiles are rewritten when loaded).
 */
export function mapPackResponse(dataDir: string, request: Request, pathname: string): Response {
  const a = answerPackRequest(dataDir, request.method, pathname, request.headers.get('range'));
  if ('text' in a) return new Response(a.text, { status: a.status, headers: a.headers });
  if (!a.body || a.end < a.start) return new Response(null, { status: a.status, headers: a.headers });
  const stream = Readable.toWeb(fs.createReadStream(a.file, { start: a.start, end: a.end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: a.status, headers: a.headers });
}
