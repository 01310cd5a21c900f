import { newId as uuidv7 } from '../db/ids';
import { headPayload } from '../../../shared/domain/canonical';
import type { Db } from '../db/open';
import { fingerprintOf, verifySignature } from '../identity/keys';

/** What signs heads: the workstation's identity (a subset, so tests can pass their own). */
export interface HeadSigner {
  readonly publicKey: string;
  sign(bytes: Uint8Array | string): Uint8Array;
}

/** A chain head vouched for by a workstation's key: what witnesses keep. */
export interface SignedHead {
  workstationId: string;
  seq: number;
  hash: string;
  signedAt: number;
  reason: string;
  publicKey: string;
  /** Base64 Ed25519 signature of headPayload(workstationId, seq, hash, signedAt). */
  signature: string;
}

export function makeSignedHead(
  signer: HeadSigner,
  workstationId: string,
  head: { seq: number; hash: string },
  signedAt: number,
  reason: string,
): SignedHead {
  const signature = Buffer.from(signer.sign(headPayload(workstationId, head.seq, head.hash, signedAt))).toString('base64');
  return { workstationId, seq: head.seq, hash: head.hash, signedAt, reason, publicKey: signer.publicKey, signature };
}

export function headSignatureValid(h: SignedHead): boolean {
  return verifySignature(h.publicKey, headPayload(h.workstationId, h.seq, h.hash, h.signedAt), h.signature);
}

export function insertSignedHead(db: Db, h: SignedHead): void {
  db.prepare(
    'INSERT INTO chain_heads (id, workstation_id, seq, hash, signed_at, reason, public_key, signature) VALUES (?,?,?,?,?,?,?,?)',
  ).run(uuidv7(), h.workstationId, h.seq, h.hash, h.signedAt, h.reason, h.publicKey, h.signature);
}

interface HeadRow {
  workstation_id: string;
  seq: number;
  hash: string;
  signed_at: number;
  reason: string;
  public_key: string;
  signature: string;
}

const toHead = (r: HeadRow): SignedHead => ({
  workstationId: r.workstation_id,
  seq: r.seq,
  hash: r.hash,
  signedAt: r.signed_at,
  reason: r.reason,
  publicKey: r.public_key,
  signature: r.signature,
});

/** A workstation's signed heads in the file, by seq then signing time. */
export function signedHeads(db: Db, workstationId: string, afterSeq = 0): SignedHead[] {
  return (
    db
      .prepare(
        'SELECT workstation_id, seq, hash, signed_at, reason, public_key, signature FROM chain_heads WHERE workstation_id = ? AND seq > ? ORDER BY seq, signed_at',
      )
      .all(workstationId, afterSeq) as HeadRow[]
  ).map(toHead);
}

export function newestSignedHead(db: Db, workstationId: string): SignedHead | null {
  const r = db
    .prepare(
      'SELECT workstation_id, seq, hash, signed_at, reason, public_key, signature FROM chain_heads WHERE workstation_id = ? ORDER BY seq DESC, signed_at DESC LIMIT 1',
    )
    .get(workstationId) as HeadRow | undefined;
  return r ? toHead(r) : null;
}

/**
 * A workstation's newest signed head over links after `afterSeq` up to `upToSeq`: the one a
 * sync batch carrying those links takes along, so the receiver holds what vouches for them.
 */
export function newestSignedHeadIn(db: Db, workstationId: string, afterSeq: number, upToSeq: number): SignedHead | null {
  const r = db
    .prepare(
      'SELECT workstation_id, seq, hash, signed_at, reason, public_key, signature FROM chain_heads WHERE workstation_id = ? AND seq > ? AND seq <= ? ORDER BY seq DESC, signed_at DESC LIMIT 1',
    )
    .get(workstationId, afterSeq, upToSeq) as HeadRow | undefined;
  return r ? toHead(r) : null;
}

/** Whether the file holds this very signed head already (a head received twice is kept once). */
export function holdsSignedHead(db: Db, h: SignedHead): boolean {
  return (
    db
      .prepare('SELECT 1 FROM chain_heads WHERE workstation_id = ? AND seq = ? AND signed_at = ? AND signature = ?')
      .get(h.workstationId, h.seq, h.signedAt, h.signature) !== undefined
  );
}

/** The first 16 hex digits of a hash in groups of four: what a footer prints and a person reads back. */
export function shortHash(hash: string): string {
  return hash.slice(0, 16).toUpperCase().match(/.{4}/g)!.join(' ');
}

/**
 * The witness line printed in the footer of every form and export, short enough to read
 * back over a phone: "Chain head 1234 · A1B2 C3D4 E5F6 0718 · key 3F2A 91C0 7D4E 2B18 A6F0 11CD".
 * `verify --head "<this line>"` checks a store against it.
 */
export function witnessLine(h: Pick<SignedHead, 'seq' | 'hash' | 'publicKey'>): string {
  return `Chain head ${h.seq} · ${shortHash(h.hash)} · key ${fingerprintOf(h.publicKey)}`;
}
