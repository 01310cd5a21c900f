import { UNSIGNED_TAIL_MAX } from '../../../shared/domain/canonical';
import type { Db } from '../db/open';
import { fingerprintOf } from '../identity/keys';
import { headSignatureValid, newestSignedHeadIn, signedHeads, type SignedHead } from './heads';
import type { ProblemList } from './problem';

export interface HeadCheck {
  /** The newest link a valid signed head of an enrolled key vouches for (0: none). */
  vouchedSeq: number;
  /** The newest head checked good: the witness the next checkpoint or anchor can carry. */
  newestGood: SignedHead | null;
  /**
   * Links of this workstation's own chain after its newest good signed head, few enough
   * to be the tail a crash leaves before the next signature (at most UNSIGNED_TAIL_MAX):
   * not yet signed, not a problem. Null when there are none, or too many (a problem).
   */
  awaitingSignature: { from: number; to: number } | null;
}

const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');

/**
 * Compares a workstation's signed heads with its chain. A head vouches for every link up
 * to its seq when its hash is the stored hash at that seq, its signature verifies and its
 * key is one the workstation enrolled. Only the newest head's signature is checked when all
 * is well (the chain links the rest to it); when it is not, heads are checked newest first
 * until a good one, which bounds the rewritten stretch between that head and the next.
 */
export function checkHeads(
  db: Db,
  workstationId: string,
  opts: {
    lastSeq: number;
    enrolled: ReadonlySet<string>;
    /** Whether this is this workstation's own chain, which signs every commit. */
    own: boolean;
    afterSeq?: number;
    problems: ProblemList;
  },
): HeadCheck {
  const { problems, lastSeq } = opts;
  const heads = signedHeads(db, workstationId, opts.afterSeq ?? 0);
  const hashAt = db.prepare('SELECT hash, table_name, row_id FROM fact_chain WHERE workstation_id = ? AND seq = ?');
  const linkAt = (seq: number) => hashAt.get(workstationId, seq) as { hash: string; table_name: string; row_id: string } | undefined;

  const foreign = new Set<string>();
  for (const h of heads) {
    if (!opts.enrolled.has(h.publicKey) && !foreign.has(h.publicKey)) {
      foreign.add(h.publicKey);
      problems.push({
        kind: 'foreign-key',
        workstationId,
        seq: h.seq,
        table: 'chain_heads',
        rowId: null,
        problem: `The head at link ${h.seq} is signed with key ${fingerprintOf(h.publicKey)}, which this workstation never enrolled: the chain was re-signed by someone else`,
      });
    }
  }
  const beyond = heads.filter((h) => h.seq > lastSeq);
  if (beyond.length) {
    const far = beyond.at(-1)!;
    problems.push({
      kind: 'truncated',
      workstationId,
      seq: lastSeq + 1,
      table: 'fact_chain',
      rowId: null,
      range: { from: lastSeq + 1, to: far.seq },
      problem: `The chain ends at link ${lastSeq}, but this workstation signed its head at link ${far.seq} on ${when(far.signedAt)}: links ${lastSeq + 1} to ${far.seq} were cut off`,
    });
  }

  const within = heads.filter((h) => h.seq <= lastSeq);
  const good = (h: SignedHead) => opts.enrolled.has(h.publicKey) && linkAt(h.seq)?.hash === h.hash && headSignatureValid(h);
  let goodIndex = within.length - 1;
  while (goodIndex >= 0 && !good(within[goodIndex]!)) goodIndex--;
  const newestGood = goodIndex >= 0 ? within[goodIndex]! : null;
  const from = (newestGood?.seq ?? opts.afterSeq ?? 0) + 1;
  const firstBad = within[goodIndex + 1];
  if (firstBad) {
    const link = linkAt(firstBad.seq);
    const matches = link?.hash === firstBad.hash;
    const first = linkAt(from);
    problems.push({
      kind: matches ? 'forged-head' : 'rewritten',
      workstationId,
      seq: from,
      table: first?.table_name ?? 'fact_chain',
      rowId: null,
      range: { from, to: firstBad.seq },
      problem: matches
        ? `The head at link ${firstBad.seq} does not carry a valid signature of this workstation's key: links ${from} to ${firstBad.seq} are not vouched for`
        : `Links ${from} to ${firstBad.seq} no longer match the head this workstation signed at link ${firstBad.seq} on ${when(firstBad.signedAt)}: a record among them was changed and the chain after it recomputed`,
    });
  }
  const vouchedSeq = newestGood?.seq ?? 0;
  let awaitingSignature: HeadCheck['awaitingSignature'] = null;
  // The workstation never commits more than UNSIGNED_TAIL_MAX links without a signed head
  // over them, so a longer tail after its newest good head was added (or rewritten) by
  // something that does not hold its key. A shorter one is what a crash before the next
  // signature leaves: counted from the newest good head of the whole chain, not just of
  // the links this (incremental) check walked.
  if (opts.own && !firstBad && vouchedSeq < lastSeq && (opts.afterSeq ?? 0) < lastSeq) {
    const signedUpTo = newestGood ? vouchedSeq : newestGoodHeadSeq(db, workstationId, lastSeq, opts.enrolled, linkAt);
    if (lastSeq - signedUpTo <= UNSIGNED_TAIL_MAX) awaitingSignature = { from: signedUpTo + 1, to: lastSeq };
  }
  if (opts.own && !firstBad && !awaitingSignature && vouchedSeq < lastSeq && (opts.afterSeq ?? 0) < lastSeq) {
    const start = Math.max(vouchedSeq, opts.afterSeq ?? 0) + 1;
    const first = linkAt(start);
    problems.push({
      kind: 'unsigned',
      workstationId,
      seq: start,
      table: first?.table_name ?? 'fact_chain',
      rowId: start === lastSeq ? (first?.row_id ?? null) : null,
      range: { from: start, to: lastSeq },
      problem: `${start === lastSeq ? `Link ${start} follows` : `Links ${start} to ${lastSeq} follow`} the last head this workstation signed${vouchedSeq ? ` (link ${vouchedSeq})` : ''}: added or rewritten without its key`,
    });
  }
  return { vouchedSeq, newestGood, awaitingSignature };
}

/** The seq of the newest good signed head at or before `upTo` over the whole chain (0: none). */
function newestGoodHeadSeq(
  db: Db,
  workstationId: string,
  upTo: number,
  enrolled: ReadonlySet<string>,
  linkAt: (seq: number) => { hash: string } | undefined,
): number {
  const h = newestSignedHeadIn(db, workstationId, 0, upTo);
  return h && enrolled.has(h.publicKey) && linkAt(h.seq)?.hash === h.hash && headSignatureValid(h) ? h.seq : 0;
}
