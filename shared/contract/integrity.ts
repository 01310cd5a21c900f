import { z } from 'zod';
import { cleanString, empty, epochMs, read, text, write, lazySchema } from './define';

export const PROBLEM_KINDS = [
  'altered',
  'deleted',
  'missing',
  'not-chained',
  'rewritten',
  'unsigned',
  'truncated',
  'foreign-key',
  'forged-head',
  'derived',
  'outbox',
  'guard',
  'unknown-form',
  'witness',
] as const;

/** One thing the verifier found, named so it can be found and marked wherever it is shown. */
export const integrityProblem = lazySchema(() => z.object({
  kind: z.enum(PROBLEM_KINDS),
  workstationId: z.string().nullable(),
  seq: z.number().int().nullable(),
  table: z.string(),
  rowId: z.string().nullable(),
  problem: z.string(),
  range: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
}));
export type IntegrityProblemOut = z.infer<typeof integrityProblem>;

/** A signed chain head as a person reads it back from a footer. */
export const witnessHead = lazySchema(() => z.object({
  workstationId: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  signedAt: epochMs(),
  fingerprint: z.string(),
  /** "Chain head 1234 · A1B2 C3D4 E5F6 0718 · key 3F2A …": what prints carry. */
  line: z.string(),
}));

export const verifyOutput = lazySchema(() => z.object({
  ok: z.boolean(),
  checkedLinks: z.number().int(),
  workstations: z.number().int(),
  problems: z.array(integrityProblem),
  moreProblems: z.number().int(),
  /** Not problems, but worth reading: a witness older than a restore. */
  notes: z.array(z.string()),
}));

/** A record the last check found at fault, for marking it on every screen and print. */
export const markedRecord = lazySchema(() => z.object({ table: z.string(), rowId: z.string(), problem: z.string() }));

/** A chain head signed by a workstation's key, as witnesses keep it. */
export const signedHeadSchema = lazySchema(() => z.object({
  workstationId: cleanString('Workstation id').min(1).max(100),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.number().int(),
  reason: cleanString('Reason').max(40),
  publicKey: cleanString('Public key').max(100),
  signature: cleanString('Signature').max(200),
}));

export const ANCHOR_FORMAT = 'eoc-anchor/1';

/** The anchor file an operator keeps on removable media: the signed heads of every chain in the store. */
export const anchorFileSchema = lazySchema(() => z.object({
  format: z.literal(ANCHOR_FORMAT),
  writtenAt: z.number().int(),
  dataFile: cleanString('Data file').max(4096).optional(),
  heads: z.array(
    signedHeadSchema.extend({ fingerprint: cleanString('Fingerprint').max(200).optional(), workstationName: cleanString('Workstation name').max(200).nullable().optional() }),
  ),
}));
export type AnchorFile = z.infer<typeof anchorFileSchema>;

export const integrityMethods = {
  /**
   * Checks the whole store now (every chain from its first link, every signed head, derived
   * values, outbox, guards), against the witnesses given: anchor files the operator opened,
   * chain heads read back from prints.
   */
  'integrity.verify': read(
    () => z
      .object({
        anchors: z.array(z.object({ name: text('Anchor file name', 300), anchor: anchorFileSchema })).max(20).default([]),
        heads: z.array(text('Chain head', 200)).max(20).default([]),
      })
      .strict(),
    () => verifyOutput,
    { public: true },
  ),
  /**
   * The background check's latest result: run at start from the last verified checkpoint
   * (after the first screen), then on a schedule. The shell shows a banner from it.
   */
  'integrity.status': read(
    () => empty,
    () => z.object({
      state: z.enum(['pending', 'checking', 'ok', 'problems']),
      checkedAt: epochMs().nullable(),
      checkedLinks: z.number().int(),
      incremental: z.boolean(),
      problems: z.array(integrityProblem),
      moreProblems: z.number().int(),
      /** The records at fault (ranges resolved to their records), to mark wherever shown. */
      marked: z.array(markedRecord),
      /** This workstation's newest good signed head: the witness prints and exports carry. */
      head: witnessHead.nullable(),
    }),
    { public: true, reads: ['integrity'] },
  ),
  /**
   * Signs this workstation's chain head now and returns the anchor file to keep outside
   * the store (removable media): every chain's newest signed head. Audited.
   */
  'integrity.anchor': write(() => empty, () => anchorFileSchema),
} as const;
