import { z } from 'zod';
import { empty, epochMs, read } from './define';

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
export const integrityProblem = z.object({
  kind: z.enum(PROBLEM_KINDS),
  workstationId: z.string().nullable(),
  seq: z.number().int().nullable(),
  table: z.string(),
  rowId: z.string().nullable(),
  problem: z.string(),
  range: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});
export type IntegrityProblemOut = z.infer<typeof integrityProblem>;

/** A signed chain head as a person reads it back from a footer. */
export const witnessHead = z.object({
  workstationId: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  signedAt: epochMs(),
  fingerprint: z.string(),
  /** "Chain head 1234 · A1B2 C3D4 E5F6 0718 · key 3F2A …": what prints carry. */
  line: z.string(),
});

export const verifyOutput = z.object({
  ok: z.boolean(),
  checkedLinks: z.number().int(),
  workstations: z.number().int(),
  problems: z.array(integrityProblem),
  moreProblems: z.number().int(),
});

/** A record the last check found at fault, for marking it on every screen and print. */
export const markedRecord = z.object({ table: z.string(), rowId: z.string(), problem: z.string() });

export const integrityMethods = {
  /** Checks the whole store now (every chain from its first link, every signed head, derived values, outbox, guards). */
  'integrity.verify': read(empty, verifyOutput, { public: true }),
  /**
   * The background check's latest result: run at start from the last verified checkpoint
   * (after the first screen), then on a schedule. The shell shows a banner from it.
   */
  'integrity.status': read(
    empty,
    z.object({
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
} as const;
