import { z } from 'zod';
import type { Identity } from '../../identity/identity';
import { verifySignature } from '../../identity/keys';
import { batchSchema, type Batch } from './batch';

/**
 * A batch as it travels: its JSON text, and the Ed25519 signature of exactly that text by
 * the workstation that sends it. Trust never rests on the transport alone: a batch read
 * from a USB stick, a hub or a LAN peer is checked the same way.
 */
export const SIGNED_FORMAT = 'eoc-sync-signed/1';

export const envelopeSchema = z.object({
  format: z.literal(SIGNED_FORMAT),
  sender: z.string().min(1).max(200),
  senderKey: z.string().min(1).max(100),
  batch: z.string().max(512 * 1024 * 1024),
  signature: z.string().max(200),
});
export type SignedBatch = z.infer<typeof envelopeSchema>;

export function seal(batch: Batch, identity: Pick<Identity, 'publicKey' | 'sign'>): SignedBatch {
  const text = JSON.stringify(batch);
  return {
    format: SIGNED_FORMAT,
    sender: batch.sender,
    senderKey: identity.publicKey,
    batch: text,
    signature: identity.sign(text).toString('base64'),
  };
}

export type Opened =
  { ok: true; envelope: SignedBatch; batch: Batch } | { ok: false; problem: string; sender: string | null };

/** Checks the signature, then the batch inside; says what is wrong in words. */
export function unseal(raw: unknown): Opened {
  let value = raw;
  if (typeof raw === 'string' || raw instanceof Uint8Array) {
    try {
      value = JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'));
    } catch {
      return { ok: false, problem: 'the batch is not in the sync format (not JSON)', sender: null };
    }
  }
  const env = envelopeSchema.safeParse(value);
  if (!env.success)
    return { ok: false, problem: 'the batch is not in the sync format (no signed envelope)', sender: null };
  const e = env.data;
  if (!verifySignature(e.senderKey, e.batch, e.signature))
    return { ok: false, problem: 'the signature does not match: the batch was altered or forged', sender: e.sender };
  let body: unknown;
  try {
    body = JSON.parse(e.batch);
  } catch {
    return { ok: false, problem: 'the batch is not in the sync format (not JSON)', sender: e.sender };
  }
  const b = batchSchema.safeParse(body);
  if (!b.success) return { ok: false, problem: 'the batch is not in the sync format', sender: e.sender };
  if (b.data.sender !== e.sender)
    return { ok: false, problem: 'the batch names another sender than its signature', sender: e.sender };
  return { ok: true, envelope: e, batch: b.data };
}
