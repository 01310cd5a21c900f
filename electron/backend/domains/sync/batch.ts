import { z } from 'zod';

/**
 * A batch: what one workstation sends another, over the LAN, through the hub or in a
 * bundle. Each part carries one origin's records in order, with the range it covers, so a
 * receiver can tell a duplicate (it already holds all of it) from a gap (something before
 * it has not arrived): a gap is held and retried, never applied out of order.
 */
export const BATCH_FORMAT = 'eoc-sync-batch/1';

const cell = z.union([z.string(), z.number(), z.null()]);
const id = z.string().min(1).max(200);

export const changeRowSchema = z.object({
  id,
  hlc: z.string().regex(/^\d{15}-\d{5}-.+$/),
  table_name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  row_id: id,
  column_name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  value: z.string().nullable(),
  workstation_id: id,
  operator_name: z.string().nullable(),
  position_title: z.string().nullable(),
  recorded_at: z.number().int(),
  base_hlc: z.string().nullable(),
});

export const chainLinkSchema = z.object({
  workstation_id: id,
  seq: z.number().int().min(1),
  table_name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  row_id: id,
  prev_hash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  canon_version: z.number().int().min(1),
});

export const factSchema = z.object({
  link: chainLinkSchema,
  row: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), cell),
});

/** A head of the origin's chain signed by the origin's key (integrity/heads.ts SignedHead). */
export const signedHeadSchema = z.object({
  workstationId: id,
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.number().int(),
  reason: z.string().max(100),
  publicKey: z.string().min(1).max(100),
  signature: z.string().min(1).max(200),
});

export const partSchema = z.object({
  origin: id,
  /** Every change of `origin` with a clock after `after`, up to and including `upTo`. */
  changes: z.object({ after: z.string(), upTo: z.string(), rows: z.array(changeRowSchema) }).optional(),
  /** Every fact of `origin` numbered after `after`, in order. */
  facts: z.object({ after: z.number().int().min(0), rows: z.array(factSchema) }).optional(),
  /**
   * The origin's newest signed head over the links this part carries (when the sender holds
   * one): kept by the receiver, so every workstation can check every origin's chain against
   * its signed head, and a chain cut short on any copy shows. Older senders leave it out.
   */
  heads: z.array(signedHeadSchema).max(8).optional(),
});

export const batchSchema = z.object({
  format: z.literal(BATCH_FORMAT),
  id,
  coalitionId: id,
  sender: id,
  schemaVersion: z.number().int().min(1),
  createdAt: z.number().int(),
  parts: z.array(partSchema),
  /** The sender holds more than this batch carries: ask again from the new vector. */
  more: z.boolean(),
});

export type Batch = z.infer<typeof batchSchema>;
export type BatchPart = z.infer<typeof partSchema>;
export type IncomingFactInput = z.infer<typeof factSchema>;
