import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerPackRequest, MAP_PACK_PREFIX } from '../domains/map/packs/serve';

export { MAP_PACK_PREFIX };

/**
 * Map-pack byte ranges for the browser host: a stream of just the range asked for, so a
 * multi-gigabyte pack costs a tile's worth of memory per request. A file that vanishes
 * mid-read ends that response only; the host carries on.
 */
export function serveMapPack(dataDir: string, req: IncomingMessage, urlPath: string, res: ServerResponse): void {
  const a = answerPackRequest(dataDir, req.method ?? 'GET', urlPath, req.headers.range);
  if ('text' in a) {
    res.writeHead(a.status, a.headers).end(a.text);
    return;
  }
  res.writeHead(a.status, a.headers);
  if (!a.body || a.end < a.start) {
    res.end();
    return;
  }
  const stream = fs.createReadStream(a.file, { start: a.start, end: a.end });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
