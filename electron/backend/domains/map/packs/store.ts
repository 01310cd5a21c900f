import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { PACK_CHUNK_BYTES, type MapPack } from '../../../../../shared/contract';
import { AppError, conflict, invalid, notFound } from '../../../errors';
import type { WriteContext } from '../../../registry';
import { deletePackRow, getPack, insertPack } from './queries';
import { packFile, packsDir } from './serve';

/**
 * Map packs arrive in pieces (a few GB cannot cross one message), into `incoming/` in the
 * data folder, and are checked as a whole before anything is kept: a refused file leaves
 * no trace but its absence. The upload's state is the files themselves, so a restarted
 * backend neither leaks memory nor loses track.
 */
const incomingDir = (dataDir: string) => path.join(packsDir(dataDir), 'incoming');
const partFile = (dataDir: string, id: string) => path.join(incomingDir(dataDir), `${id}.part`);
const infoFile = (dataDir: string, id: string) => path.join(incomingDir(dataDir), `${id}.json`);
/** Room kept free beside a pack, so the data file can still grow after it is loaded. */
const MARGIN_BYTES = 256 * 1024 * 1024;
const STALE_UPLOAD_MS = 24 * 3600_000;

const gb = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : `${Math.max(0.1, n / 1e6).toFixed(1)} MB`);

export function freeBytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

/** Refuses a pack the disk cannot hold (an MBTiles file needs room for its rewrite too). */
export function beginUpload(dataDir: string, fileName: string, bytes: number, free = freeBytes): { uploadId: string; chunkBytes: number } {
  fs.mkdirSync(incomingDir(dataDir), { recursive: true });
  dropStaleUploads(dataDir);
  const need = bytes * (/\.mbtiles$/i.test(fileName) ? 2 : 1) + MARGIN_BYTES;
  const available = free(dataDir);
  if (available < need) {
    throw new AppError(
      'unavailable',
      `The map pack is too large for this disk: "${fileName}" needs ${gb(need)} (with room to spare) and the disk holding the data folder has ${gb(available)} free. Nothing was copied; free some space or load a smaller extract.`,
    );
  }
  const uploadId = uuidv4();
  fs.writeFileSync(infoFile(dataDir, uploadId), JSON.stringify({ fileName, bytes, startedAt: Date.now() }));
  fs.writeFileSync(partFile(dataDir, uploadId), new Uint8Array(0));
  return { uploadId, chunkBytes: PACK_CHUNK_BYTES };
}

interface UploadInfo {
  fileName: string;
  bytes: number;
}

function uploadInfo(dataDir: string, uploadId: string): UploadInfo {
  try {
    return JSON.parse(fs.readFileSync(infoFile(dataDir, uploadId), 'utf8')) as UploadInfo;
  } catch {
    throw notFound('That map pack upload (it was finished, cancelled or never started)');
  }
}

export async function appendChunk(dataDir: string, uploadId: string, offset: number, base64: string): Promise<number> {
  const info = uploadInfo(dataDir, uploadId);
  const file = partFile(dataDir, uploadId);
  const have = fs.statSync(file).size;
  if (offset !== have) throw conflict(`The upload has ${have} bytes; the next piece must start there, not at ${offset}`);
  const data = Buffer.from(base64, 'base64');
  if (have + data.length > info.bytes) {
    cancelUpload(dataDir, uploadId);
    throw invalid(`The file grew beyond the ${info.bytes} bytes announced; the upload was cancelled and nothing was kept`);
  }
  await fs.promises.appendFile(file, data);
  return have + data.length;
}

export function cancelUpload(dataDir: string, uploadId: string): void {
  fs.rmSync(partFile(dataDir, uploadId), { force: true });
  fs.rmSync(infoFile(dataDir, uploadId), { force: true });
}

function dropStaleUploads(dataDir: string): void {
  const now = Date.now();
  for (const f of fs.readdirSync(incomingDir(dataDir))) {
    const full = path.join(incomingDir(dataDir), f);
    if (now - fs.statSync(full).mtimeMs > STALE_UPLOAD_MS) fs.rmSync(full, { force: true });
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function sniff(file: string): 'pmtiles' | 'mbtiles' | null {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(16);
    const n = fs.readSync(fd, b, 0, 16, 0);
    if (n >= 7 && b.subarray(0, 7).toString('latin1') === 'PMTiles') return 'pmtiles';
    if (n >= 16 && b.toString('latin1') === 'SQLite format 3\0') return 'mbtiles';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checks the whole upload, keeps it as map-packs/<id>.pmtiles and lists it. On any refusal
 * the upload and any half-written rewrite are deleted: the data folder is as it was.
 */
export async function finishUpload(ctx: WriteContext, uploadId: string, name: string | undefined): Promise<MapPack> {
  const dataDir = ctx.services.dataDir;
  const info = uploadInfo(dataDir, uploadId);
  const part = partFile(dataDir, uploadId);
  const id = uuidv7();
  const target = packFile(dataDir, id);
  const temp = `${target}.writing`;
  // The PMTiles reader and the MBTiles rewrite (with pmtiles and fflate) load when a pack
  // is first added, not when the backend starts: about 15-30 ms of its start-up CPU.
  const [{ convertMbtiles }, { checkPmtiles, vectorLayerNames }] = await Promise.all([import('./mbtiles'), import('./pmtiles-read')]);
  try {
    const size = fs.statSync(part).size;
    if (size !== info.bytes) throw invalid(`The upload stopped at ${size.toLocaleString('en-US')} of ${info.bytes.toLocaleString('en-US')} bytes; nothing was kept. Load the file again`);
    const format = sniff(part);
    if (!format) {
      throw invalid(`"${info.fileName}" is not a map pack: it is neither a PMTiles nor an MBTiles tile archive. Nothing was changed`);
    }
    const sha256 = await sha256Of(part);
    if (format === 'mbtiles') {
      const need = size + MARGIN_BYTES;
      if (freeBytes(dataDir) < need) throw new AppError('unavailable', `The disk has no room left to prepare this map pack (${gb(need)} needed). Nothing was kept`);
      convertMbtiles(part, temp);
    } else {
      fs.renameSync(part, temp);
    }
    const checked = await checkPmtiles(temp);
    const h = checked.header;
    const attribution = typeof checked.metadata.attribution === 'string' ? checked.metadata.attribution.slice(0, 500) : null;
    const pack: MapPack = {
      id,
      name: name ?? (typeof checked.metadata.name === 'string' && checked.metadata.name.trim() ? checked.metadata.name.trim().slice(0, 120) : info.fileName.replace(/\.(pmtiles|mbtiles)$/i, '')),
      sourceFile: info.fileName,
      sourceFormat: format,
      sha256,
      sourceBytes: size,
      bytes: fs.statSync(temp).size,
      kind: checked.kind,
      tileType: checked.tileType,
      minZoom: h.minZoom,
      maxZoom: h.maxZoom,
      bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat],
      vectorLayers: vectorLayerNames(checked.metadata),
      attribution,
      addedAt: ctx.services.now(),
      addedBy: ctx.actor.operatorName,
      url: `/map-packs/${id}.pmtiles`,
    };
    fs.renameSync(temp, target);
    try {
      ctx.write((tx) => {
        insertPack(ctx.db, pack, ctx.actor.positionTitle);
        tx.touched('local_map_packs');
        tx.audit('map.packAdded', { id, name: pack.name, file: info.fileName, sha256, bytes: size, format });
      });
    } catch (e) {
      fs.rmSync(target, { force: true });
      throw e;
    }
    return getPack(ctx.db, id)!;
  } finally {
    fs.rmSync(temp, { force: true });
    cancelUpload(dataDir, uploadId);
  }
}

export function removePack(ctx: WriteContext, id: string): void {
  const pack = getPack(ctx.db, id);
  if (!pack) throw notFound('That map pack');
  ctx.write((tx) => {
    deletePackRow(ctx.db, id);
    tx.touched('local_map_packs');
    tx.audit('map.packRemoved', { id, name: pack.name, sha256: pack.sha256 });
  });
  fs.rmSync(packFile(ctx.services.dataDir, id), { force: true });
}
