import type { ExportResult } from '../../../shared/contract';
import { base64ToBytes } from './base64';

/**
 * Saves a file the backend produced. Exports are made (and audited) by the backend; the
 * renderer only hands the bytes to the browser's download, which works under Electron and
 * in the browser host alike, with no network.
 */
export function saveFile(fileName: string, data: BlobPart, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some engines read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string, mimeType: string): void {
  saveFile(fileName, text, `${mimeType};charset=utf-8`);
}

/** Bytes exactly as the backend produced them: a manifest's SHA-256 depends on every one. */
export function downloadBase64(fileName: string, base64: string, mimeType: string): void {
  saveFile(fileName, base64ToBytes(base64), mimeType);
}

export function saveExport(result: ExportResult): void {
  downloadBase64(result.fileName, result.base64, result.mimeType);
}

/** A file and, beside it, its manifest (SHA-256 of the exact bytes): every export goes with one. */
export function saveWithManifest(file: () => void, m: Pick<ExportResult, 'manifestFileName' | 'manifestText'>): void {
  file();
  saveFile(m.manifestFileName, m.manifestText, 'application/json');
}

export function saveManifest(result: ExportResult): void {
  saveFile(result.manifestFileName, result.manifestText, 'application/json');
}

/** Reads a chosen file as text, refusing very large ones before reading them. */
export async function readTextFile(file: File, maxChars: number): Promise<string> {
  // UTF-8 is at least one byte a character: a file this large cannot fit.
  if (file.size > maxChars * 4) throw new Error(`The file is too large (${Math.round(file.size / 1024)} KB)`);
  return file.text();
}
