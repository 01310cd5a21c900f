import type { ExportResult } from '../../../../shared/contract';

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Hands bytes to the browser as a file download (browser host and Electron alike). */
export function saveFile(fileName: string, data: BlobPart, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the object URL; free it once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The exported file exactly as the backend produced it: its SHA-256 depends on every byte. */
export function saveExport(result: ExportResult): void {
  saveFile(result.fileName, base64ToBytes(result.base64), result.mimeType);
}

export function saveManifest(result: ExportResult): void {
  saveFile(result.manifestFileName, result.manifestText, 'application/json');
}
