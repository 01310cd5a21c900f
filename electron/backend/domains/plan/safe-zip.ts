import type * as Fflate from 'fflate';
import { lazyPackage } from '../../lazy-package';

// Loaded when a plan document is read, not at start-up (about 15-30 ms of the backend's start).
const fflate = lazyPackage<typeof Fflate>('fflate');

/** Why a ZIP container (a DOCX) was refused, in words for the operator. */
export class ZipRefused extends Error {}

export interface ZipLimits {
  /** Uncompressed bytes across every entry kept. */
  maxTotal: number;
  maxEntries: number;
}

// Fed to the inflater in small pieces so that no single step can expand beyond about
// 1,000 times this (DEFLATE's ceiling): a zip bomb is caught after a few MB, not after 10 GB.
const CHUNK = 16 * 1024;

/**
 * Unpacks a ZIP while counting what comes out, and stops as soon as the limits are passed.
 * The sizes a ZIP declares can lie, so only the bytes actually inflated are counted.
 * Returns the entries kept, re-packed uncompressed: a reader given the result (mammoth)
 * can only ever see what was counted here.
 */
export function boundedRezip(bytes: Uint8Array, limits: ZipLimits, keep: (name: string) => boolean): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  let entries = 0;
  let refused = null as string | null;
  const unzip = new (fflate().Unzip)((file) => {
    if (refused) return;
    entries++;
    if (entries > limits.maxEntries) {
      refused = `it holds more than ${limits.maxEntries} parts`;
      return;
    }
    if (!keep(file.name)) return;
    const parts: Uint8Array[] = [];
    file.ondata = (err, chunk, final) => {
      if (refused) return;
      if (err) {
        refused = `a part of it is damaged (${err.message})`;
        return;
      }
      total += chunk.length;
      if (total > limits.maxTotal) {
        refused = `it unpacks to more than ${Math.round(limits.maxTotal / 1024 / 1024)} MB (a compressed "zip bomb" or an oversized document)`;
        file.terminate();
        return;
      }
      parts.push(chunk);
      if (final) files[file.name] = concat(parts);
    };
    try {
      file.start();
    } catch (e) {
      refused = `a part of it uses a compression the console cannot read (${e instanceof Error ? e.message : String(e)})`;
    }
  });
  unzip.register(fflate().UnzipInflate);
  try {
    for (let i = 0; i < bytes.length && !refused; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch (e) {
    refused ??= `it is not a readable ZIP container (${e instanceof Error ? e.message : String(e)})`;
  }
  if (refused) throw new ZipRefused(refused);
  if (!Object.keys(files).length) throw new ZipRefused('it is not a ZIP container or holds nothing');
  return fflate().zipSync(files, { level: 0 });
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
