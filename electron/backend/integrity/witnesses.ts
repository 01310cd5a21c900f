import fs from 'node:fs';
import { z } from 'zod';
import { anchorFileSchema, signedHeadSchema } from '../../../shared/contract/integrity';
import type { Db } from '../db/open';
import { fingerprintOf } from '../identity/keys';
import { headSignatureValid, type SignedHead } from './heads';
import type { ProblemList } from './problem';

/**
 * A chain head kept outside the data file: in an anchor file, a backup's sidecar, the
 * footer of a print (read back by a person), or later a peer. A witness is what makes a
 * recomputed chain or a cut-off tail detectable: the file alone can be rewritten whole.
 */
export interface Witness {
  /** In words, where it came from: "anchor file /media/usb/eoc.anchor". */
  source: string;
  workstationId: string | null;
  /** The full public key, or null when only a fingerprint was kept (a printed footer). */
  publicKey: string | null;
  fingerprint: string | null;
  seq: number;
  /** The full hash, or its first 16 hex digits or more (a printed footer). */
  hash: string;
  signedAt: number | null;
  /** Present when the witness is a signed head; checked before the witness is used. */
  signature: string | null;
}

export function witnessOfHead(h: SignedHead, source: string): Witness {
  return {
    source,
    workstationId: h.workstationId,
    publicKey: h.publicKey,
    fingerprint: fingerprintOf(h.publicKey),
    seq: h.seq,
    hash: h.hash,
    signedAt: h.signedAt,
    signature: h.signature,
  };
}

/** Reads an anchor file or a backup's sidecar (`*.sqlite.json`); an error says what is wrong in words. */
export function readWitnessFile(file: string): Witness[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read ${file} as a witness: ${e instanceof Error ? e.message : String(e)}`);
  }
  const anchor = anchorFileSchema.safeParse(json);
  if (anchor.success) return anchor.data.heads.map((h) => witnessOfHead(h, `anchor file ${file}`));
  const sidecar = z.object({ chainHeads: z.array(signedHeadSchema) }).safeParse(json);
  if (sidecar.success) return sidecar.data.chainHeads.map((h) => witnessOfHead(h, `backup record ${file}`));
  throw new Error(`${file} is neither an anchor file nor a backup record with signed chain heads`);
}

/**
 * Reads back a printed footer: "Chain head 1234 · A1B2 C3D4 E5F6 0718 · key 3F2A 91C0 …".
 * The words around the numbers may be left out: "1234 A1B2C3D4E5F60718" is enough.
 */
export function parseWitnessLine(text: string, source = 'printed footer'): Witness {
  const m = /^\s*(?:chain\s+head\s+)?(\d+)\s*[·:,-]?\s*((?:[0-9a-f]{4}\s*){4,16})(?:[·,-]?\s*key\s+((?:[0-9a-f]{4}\s*){6}))?\s*$/i.exec(text);
  if (!m) {
    throw new Error(
      `"${text}" is not a chain head as printed: expected "Chain head <link> · <16 hex digits> · key <fingerprint>", e.g. "Chain head 1234 · A1B2 C3D4 E5F6 0718"`,
    );
  }
  const fp = m[3] ? m[3].replace(/\s+/g, '').toUpperCase().match(/.{4}/g)!.join(' ') : null;
  return {
    source: `${source} "${text.trim()}"`,
    workstationId: null,
    publicKey: null,
    fingerprint: fp,
    seq: Number(m[1]),
    hash: m[2]!.replace(/\s+/g, '').toLowerCase(),
    signedAt: null,
    signature: null,
  };
}

export interface WitnessContext {
  db: Db;
  localWorkstationId: string;
  /** Public keys each workstation enrolled in its chain. */
  enrolled: ReadonlyMap<string, ReadonlySet<string>>;
  lastSeq: (workstationId: string) => number;
  /** The newest good signed head in the file at or before `seq` (bounds a rewritten stretch). */
  goodHeadBefore: (workstationId: string, seq: number, publicKey: string | null) => number;
  problems: ProblemList;
  /**
   * A restore recorded in the chain that replaced the file a witness speaks of: the signed
   * head of the replaced file at or after the witness, with where that file was kept.
   */
  restoredOver: (workstationId: string, w: Witness) => { at: number; keptAside: string } | null;
  note: (text: string) => void;
}

/** Which workstation a witness speaks for: its id, else the owner of its key, else this one. */
function ownerOf(w: Witness, ctx: WitnessContext): string {
  if (w.workstationId) return w.workstationId;
  for (const [ws, keys] of ctx.enrolled) {
    for (const k of keys) if (k === w.publicKey || fingerprintOf(k) === w.fingerprint) return ws;
  }
  return ctx.localWorkstationId;
}

const when = (ms: number | null) => (ms === null ? '' : ` (signed ${new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')})`);

/** Checks the store against one witness; names the first divergence it shows. */
export function checkWitness(w: Witness, ctx: WitnessContext): void {
  const { problems } = ctx;
  const ws = ownerOf(w, ctx);
  if (w.signature !== null && w.publicKey !== null && w.workstationId !== null) {
    const head: SignedHead = { workstationId: w.workstationId, seq: w.seq, hash: w.hash, signedAt: w.signedAt ?? 0, reason: '', publicKey: w.publicKey, signature: w.signature };
    if (!headSignatureValid(head)) {
      problems.push({ kind: 'witness', workstationId: ws, seq: w.seq, table: 'fact_chain', rowId: null, problem: `The ${w.source} does not carry a valid signature for link ${w.seq}; it was not used` });
      return;
    }
  }
  const keys = ctx.enrolled.get(ws) ?? new Set<string>();
  const knows = [...keys].some((k) => k === w.publicKey || (w.publicKey === null && fingerprintOf(k) === w.fingerprint));
  if ((w.publicKey !== null || w.fingerprint !== null) && !knows) {
    const fileKeys = [...keys].map(fingerprintOf).join(', ') || 'none';
    problems.push({
      kind: 'foreign-key',
      workstationId: ws,
      seq: w.seq,
      table: 'workstation_keys',
      rowId: null,
      problem: `The ${w.source} knows this workstation by key ${w.fingerprint ?? fingerprintOf(w.publicKey!)}, but the file enrols ${fileKeys}: the chain was re-signed with another key`,
    });
  }
  const last = ctx.lastSeq(ws);
  const link = ctx.db.prepare('SELECT hash FROM fact_chain WHERE workstation_id = ? AND seq = ?').get(ws, w.seq) as { hash: string } | undefined;
  const diverges = w.seq > last || (link !== undefined && !link.hash.startsWith(w.hash.toLowerCase()));
  const restore = diverges ? ctx.restoredOver(ws, w) : null;
  if (restore) {
    ctx.note(
      `The ${w.source} saw link ${w.seq}${when(w.signedAt)} of the file this store replaced when it was restored from a backup on ${new Date(restore.at).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')}; that file was kept as ${restore.keptAside}: check it against this witness`,
    );
    return;
  }
  if (w.seq > last) {
    problems.push({
      kind: 'truncated',
      workstationId: ws,
      seq: last + 1,
      table: 'fact_chain',
      rowId: null,
      range: { from: last + 1, to: w.seq },
      problem: `The chain ends at link ${last}, but the ${w.source} saw link ${w.seq}${when(w.signedAt)}: links ${last + 1} to ${w.seq} were cut off`,
    });
    return;
  }
  if (link && !link.hash.startsWith(w.hash.toLowerCase())) {
    const from = ctx.goodHeadBefore(ws, w.seq, w.publicKey) + 1;
    problems.push({
      kind: 'rewritten',
      workstationId: ws,
      seq: from,
      table: 'fact_chain',
      rowId: null,
      range: { from, to: w.seq },
      problem: `Link ${w.seq} no longer matches the ${w.source}${when(w.signedAt)}: a record among links ${from} to ${w.seq} was changed and the chain recomputed`,
    });
  }
}
