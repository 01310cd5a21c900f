import type { Db } from '../../db/open';
import { fingerprintOf } from '../../identity/keys';
import { headSignatureValid, holdsSignedHead, insertSignedHead, type SignedHead } from '../../integrity/heads';
import type { BatchPart } from './batch';
import type { BatchFault } from './verify-batch';

/**
 * Keeps the signed heads a part carries for its origin's chain, once its links are stored:
 * each must be signed by a key the origin enrolled (in its own chain) and name the very
 * hash this workstation holds at that link. A head over links not held here (still on their
 * way, or written by a removed member after its removal) is left for a later batch. Returns
 * how many were kept, or the fault that refuses the whole batch: a head that does not match
 * the chain it claims to vouch for is a forgery or a fork, never something to store.
 */
export function keepHeads(db: Db, part: BatchPart, localId: string): number | BatchFault {
  if (!part.heads?.length || part.origin === localId) return 0;
  const hashAt = db.prepare('SELECT hash FROM fact_chain WHERE workstation_id = ? AND seq = ?').pluck();
  const keys = new Set(
    db.prepare('SELECT public_key FROM workstation_keys WHERE workstation_id = ?').pluck().all(part.origin) as string[],
  );
  let kept = 0;
  for (const h of part.heads as SignedHead[]) {
    const fault = (problem: string): BatchFault => ({ origin: part.origin, table: 'chain_heads', rowId: null, seq: h.seq, problem });
    if (h.workstationId !== part.origin) return fault(`a signed head of workstation ${h.workstationId} travels with the records of another`);
    const held = hashAt.get(part.origin, h.seq) as string | undefined;
    if (held === undefined) continue;
    if (!keys.has(h.publicKey))
      return fault(`the signed head at link ${h.seq} is signed with key ${fingerprintOf(h.publicKey)}, which that workstation never enrolled`);
    if (!headSignatureValid(h)) return fault(`the signed head at link ${h.seq} does not carry a valid signature`);
    if (held !== h.hash) return fault(`the signed head at link ${h.seq} does not match the chain received: the chain was rewritten or forked`);
    if (holdsSignedHead(db, h)) continue;
    insertSignedHead(db, h);
    kept++;
  }
  return kept;
}
