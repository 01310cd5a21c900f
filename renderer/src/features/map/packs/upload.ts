import { call } from '../../../backend';
import { bytesToBase64 } from '../../../lib/base64';

/**
 * Sends a map pack in pieces read from the file as they go (File.slice), so neither the
 * page nor the backend ever holds more than one piece; cancels the upload on any failure.
 */
export async function uploadPack(file: File, onProgress: (sent: number) => void, signal: AbortSignal) {
  const { uploadId, chunkBytes } = await call('map.packBegin', { fileName: file.name, bytes: file.size });
  try {
    for (let at = 0; at < file.size; at += chunkBytes) {
      if (signal.aborted) throw new Error('Loading the map pack was cancelled; nothing was kept');
      const piece = new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer());
      const { received } = await call('map.packChunk', { uploadId, offset: at, base64: bytesToBase64(piece) });
      onProgress(received);
    }
    return (await call('map.packFinish', { uploadId })).pack;
  } catch (e) {
    await call('map.packCancel', { uploadId }).catch(() => undefined);
    throw e;
  }
}

/** A SHA-256 in groups of eight, as it is easiest to read out and compare with a printed one. */
export const groupedHash = (hex: string) => hex.match(/.{1,8}/g)?.join(' ') ?? hex;
