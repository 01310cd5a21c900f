import { createHash } from 'node:crypto';
import type * as Fflate from 'fflate';
import { z } from 'zod';
import { verifySignature } from '../../identity/keys';
import type { SignedBatch } from './envelope';
import type { SyncPort } from './port';
import type { ReceiveResult } from './receive';
import { advance, type Vector } from './vector';
import { lazyPackage } from '../../lazy-package';

// Loaded when a bundle is written or opened, not at start-up (about 15-30 ms of the backend's start).
const fflate = lazyPackage<typeof Fflate>('fflate');

/**
 * A signed bundle (`.eocbundle`): how records cross an air gap on a USB stick. A ZIP of
 * `manifest.json` (sender, coalition, schema version, the vector range it covers, the
 * SHA-256 of each part), `manifest.sig` (the sender's signature of the manifest's exact
 * bytes) and the parts, each a signed batch as sent over the LAN. Import checks all of it
 * before applying any, so a bad bundle writes nothing.
 */
export const BUNDLE_FORMAT = 'eocbundle/1';

const markSchema = z.object({ seq: z.number().int().min(0), hlc: z.string() });
export const vectorSchema = z.record(z.string().max(200), markSchema);

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  sender: z.string(),
  senderName: z.string().nullable(),
  senderKey: z.string(),
  fingerprint: z.string(),
  coalitionId: z.string(),
  coalitionName: z.string().nullable(),
  schemaVersion: z.number().int(),
  createdAt: z.number().int(),
  range: z.object({ from: vectorSchema, to: vectorSchema }),
  counts: z.object({ changes: z.number().int(), facts: z.number().int() }),
  parts: z.array(
    z.object({
      name: z.string().regex(/^batch-\d{4,}\.json$/),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int(),
    }),
  ),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Everything this workstation holds after `since` (a receiver's vector; empty: everything). */
export function exportBundle(
  sync: SyncPort,
  since: Vector,
  now: number,
): { bytes: Uint8Array; manifest: BundleManifest } {
  const self = sync.describe();
  if (!self.coalitionId) throw new Error('This workstation is not set up: it has no coalition to export');
  const files: Record<string, Uint8Array> = {};
  const parts: BundleManifest['parts'] = [];
  let theirs = since;
  let changes = 0;
  let facts = 0;
  for (let i = 1; ; i++) {
    const env = sync.collect(theirs);
    const batch = JSON.parse(env.batch) as {
      parts: Parameters<typeof advance>[1] & { changes?: { rows: unknown[] }; facts?: { rows: unknown[] } }[];
      more: boolean;
    };
    if (!batch.parts.length) break;
    const name = `batch-${String(i).padStart(4, '0')}.json`;
    const bytes = fflate().strToU8(JSON.stringify(env));
    files[name] = bytes;
    parts.push({ name, sha256: sha256(bytes), bytes: bytes.length });
    for (const p of batch.parts) {
      changes += p.changes?.rows.length ?? 0;
      facts += p.facts?.rows.length ?? 0;
    }
    theirs = advance(theirs, batch.parts);
    if (!batch.more) break;
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    sender: self.workstationId,
    senderName: self.name,
    senderKey: self.publicKey,
    fingerprint: self.fingerprint,
    coalitionId: self.coalitionId,
    coalitionName: self.coalitionName,
    schemaVersion: self.schemaVersion,
    createdAt: now,
    range: { from: since, to: theirs },
    counts: { changes, facts },
    parts,
  };
  const text = JSON.stringify(manifest, null, 1);
  files['manifest.json'] = fflate().strToU8(text);
  files['manifest.sig'] = fflate().strToU8(sync.sign(text));
  return { bytes: fflate().zipSync(files, { level: 6 }), manifest };
}

export class BundleError extends Error {}

/** What a bundle may hold: its manifest, signature and numbered parts (pages are at most a few MB). */
const BUNDLE_ENTRY = /^(manifest\.json|manifest\.sig|batch-\d{4,6}\.json)$/;
const BUNDLE_PART_MAX = 64 * 1024 * 1024;
/** Unpacked bytes allowed: a base, plus far more than JSON ever compresses by (about 10x). */
const BUNDLE_INFLATE_BASE = 64 * 1024 * 1024;
const BUNDLE_INFLATE_RATIO = 50;

export interface OpenedBundle {
  manifest: BundleManifest;
  batches: SignedBatch[];
}

/** Unpacks and checks a bundle: its signature, every part's hash. Throws BundleError in words. */
export function openBundle(bytes: Uint8Array): OpenedBundle {
  let files: Record<string, Uint8Array>;
  // A bundle is read in memory: a small file that would unpack to gigabytes (a ZIP bomb) is
  // refused by the sizes its entries declare before any is unpacked (fflate unpacks an entry
  // into a buffer of its declared size, never more). Only a bundle's own names are unpacked.
  let declared = 0;
  let tooBig: string | null = null;
  const budget = BUNDLE_INFLATE_BASE + BUNDLE_INFLATE_RATIO * bytes.length;
  try {
    files = fflate().unzipSync(bytes, {
      filter: (f) => {
        if (!BUNDLE_ENTRY.test(f.name)) return false;
        declared += f.originalSize;
        if (f.originalSize > BUNDLE_PART_MAX || declared > budget) tooBig ??= f.name;
        return tooBig === null;
      },
    });
  } catch {
    throw new BundleError('This is not a bundle of this console (not a ZIP file), or it is damaged');
  }
  if (tooBig) throw new BundleError(`The bundle would unpack to far more than any bundle holds (${tooBig}): it is damaged or hostile`);
  const text = files['manifest.json'] ? fflate().strFromU8(files['manifest.json']) : null;
  const sig = files['manifest.sig'] ? fflate().strFromU8(files['manifest.sig']).trim() : null;
  if (!text || !sig) throw new BundleError('The bundle has no signed manifest');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BundleError('The bundle’s manifest is damaged');
  }
  const m = manifestSchema.safeParse(parsed);
  if (!m.success) throw new BundleError('The bundle’s manifest is not one this console reads');
  const manifest = m.data;
  if (!verifySignature(manifest.senderKey, text, sig))
    throw new BundleError('The bundle’s signature does not match its manifest: it was altered or forged');
  const batches: SignedBatch[] = [];
  for (const p of manifest.parts) {
    const f = files[p.name];
    if (!f) throw new BundleError(`The bundle lacks ${p.name}, which its manifest lists`);
    if (sha256(f) !== p.sha256)
      throw new BundleError(`${p.name} does not match the hash in the manifest: it was altered or damaged`);
    try {
      batches.push(JSON.parse(fflate().strFromU8(f)) as SignedBatch);
    } catch {
      throw new BundleError(`${p.name} is not readable (its sender signed a damaged part)`);
    }
  }
  for (const b of batches) {
    if (b.sender !== manifest.sender || b.senderKey !== manifest.senderKey)
      throw new BundleError('A part of the bundle was signed by another workstation than its manifest names');
  }
  return { manifest, batches };
}

/**
 * Imports an opened bundle: every batch is checked as a receive would before any is
 * applied; then they are applied in order, reporting progress. Applying the same bundle
 * again changes nothing.
 */
export function importBundle(
  sync: SyncPort,
  b: OpenedBundle,
  progress: (done: number, total: number) => void = () => undefined,
): ReceiveResult[] {
  const problem = sync.precheck(b.batches);
  if (problem) throw new BundleError(`The bundle was not imported: ${problem}`);
  const results: ReceiveResult[] = [];
  progress(0, b.batches.length);
  for (const [i, batch] of b.batches.entries()) {
    results.push(sync.receive(batch, `bundle from ${b.manifest.senderName ?? b.manifest.sender}`));
    progress(i + 1, b.batches.length);
  }
  return results;
}
