/**
 * Saves a file the backend produced. Exports are made (and audited) by the backend; the
 * renderer only hands the bytes to the browser's download, which works under Electron and
 * in the browser host alike, with no network.
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  save(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

export function downloadBase64(fileName: string, base64: string, mimeType: string): void {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  save(fileName, new Blob([bytes], { type: mimeType }));
}

function save(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some engines read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as text, refusing very large ones before reading them. */
export async function readTextFile(file: File, maxChars: number): Promise<string> {
  // UTF-8 is at least one byte a character: a file this large cannot fit.
  if (file.size > maxChars * 4) throw new Error(`The file is too large (${Math.round(file.size / 1024)} KB)`);
  return file.text();
}
