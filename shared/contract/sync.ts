import { z } from 'zod';
import { cleanString, read, text, write, lazySchema } from './define';

export const conflictSideSchema = lazySchema(() => z.object({
  changeId: z.string(),
  /** The value as the field holds it (JSON decoded). */
  value: z.union([z.string(), z.number(), z.null()]),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  workstationId: z.string(),
  workstationName: z.string().nullable(),
  recordedAt: z.number(),
}));
export type ConflictSide = z.infer<typeof conflictSideSchema>;

export const conflictSchema = lazySchema(() => z.object({
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  /** What the record is, in words ("Incident Ice storm", "Organisation Hilltop Care Center"). */
  record: z.string(),
  field: z.string(),
  /** The value every workstation shows now (the newest clock). */
  current: conflictSideSchema,
  /** A value written without sight of the current one, kept for review. */
  other: conflictSideSchema,
  detectedAt: z.number(),
}));
export type SyncConflict = z.infer<typeof conflictSchema>;

export const memberSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string().nullable(),
  shortCode: z.string().nullable(),
  you: z.boolean(),
  /** Removed from the coalition: its records up to then stay valid, later ones are refused. */
  removedAt: z.number().nullable(),
}));

export const peerSchema = lazySchema(() => z.object({
  address: z.string(),
  /** typed by an operator, found by mDNS, or a peer that connected to this workstation. */
  source: z.enum(['typed', 'mdns', 'inbound']),
  workstationId: z.string().nullable(),
  name: z.string().nullable(),
  fingerprint: z.string().nullable(),
  connected: z.boolean(),
  lastContactAt: z.number().nullable(),
  lastError: z.string().nullable(),
  /** Records and changes this workstation holds that the peer did not, when last heard from. */
  toSend: z.number().nullable(),
}));
export type SyncPeer = z.infer<typeof peerSchema>;

/** host:port, an IPv4 address or a name, as typed on the Sync screen. */
const peerAddress = lazySchema(() => z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]{1,253}:\d{1,5}$/, { error: 'Type the address as host:port, for example 192.168.1.20:4790' }));

/** What a bundle holds, read from its signed manifest. */
export const bundleSummarySchema = lazySchema(() => z.object({
  sender: z.string(),
  senderName: z.string().nullable(),
  fingerprint: z.string(),
  coalitionName: z.string().nullable(),
  sameCoalition: z.boolean(),
  createdAt: z.number(),
  schemaVersion: z.number(),
  facts: z.number(),
  changes: z.number(),
  parts: z.number(),
  bytes: z.number(),
}));
export type BundleSummary = z.infer<typeof bundleSummarySchema>;

/** A bundle arrives whole in one message (the host takes messages up to 16 MB). */
export const BUNDLE_MAX_BYTES = 11 * 1024 * 1024;
const bundleFile = lazySchema(() => z
  .string({ error: 'The bundle must be sent as base64 text' })
  .min(1, { error: 'The file is empty' })
  .max(Math.ceil(BUNDLE_MAX_BYTES / 3) * 4, { error: 'This bundle is larger than 11 MB: import it with the command line (npm run cli -- bundle import --data-dir D FILE), which takes any size' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file did not arrive whole (it is not valid base64); choose it again' }));

export const syncMethods = {
  'sync.peers': read(() => z.object({}).strict(), () => z.object({ peers: z.array(peerSchema), syncPort: z.number().nullable() }), { reads: ['sync_peers'] }),
  /** Public: a workstation that has just joined, with no operator yet, must reach a member. */
  'sync.addPeer': write(() => z.object({ address: peerAddress }).strict(), () => z.object({ added: z.boolean() }), { public: true }),
  'sync.removePeer': write(() => z.object({ address: cleanString('Address').max(300) }).strict(), () => z.object({ removed: z.boolean() })),
  'sync.status': read(
    () => z.object({}).strict(),
    () => z.object({
      workstation: memberSchema,
      coalitionId: z.string().nullable(),
      members: z.array(memberSchema),
      /** Batches waiting for what comes before them, or for an upgrade. */
      held: z.number(),
      conflicts: z.number(),
    }),
    { public: true },
  ),
  'sync.conflicts': read(() => z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(), () => z.object({ conflicts: z.array(conflictSchema), total: z.number() })),
  /** The operator's answer to a conflict: the value kept is written again, as a new change made with sight of both. */
  'sync.resolve': write(
    () => z.object({ table: cleanString('Table').max(64), rowId: cleanString('Record').max(200), column: cleanString('Field').max(64), keepChangeId: cleanString('Change').max(200) }).strict(),
    () => z.object({ resolved: z.boolean() }),
  ),
  'sync.removeMember': write(() => z.object({ id: cleanString('Member').min(1).max(200) }).strict(), () => z.object({ removed: z.boolean() })),
  /** Everything this workstation holds, as a signed .eocbundle to carry across an air gap. */
  'sync.bundleExport': write(() => z.object({}).strict(), () => z.object({ fileName: z.string(), base64: z.string(), summary: bundleSummarySchema })),
  /** Checks a bundle (signature, every part's hash, the coalition) and shows who sent it; writes nothing. */
  'sync.bundleOpen': write(() => z.object({ base64: bundleFile }).strict(), () => z.object({ bundleId: z.string(), summary: bundleSummarySchema })),
  /** Applies one part of the opened bundle, in order from 0 (part 0 first checks every part). Importing twice changes nothing. */
  'sync.bundleApply': write(
    () => z.object({ bundleId: cleanString('Bundle').max(64), part: z.number().int().min(0).max(100_000) }).strict(),
    () => z.object({ done: z.number(), total: z.number(), facts: z.number(), changes: z.number(), held: z.string().nullable() }),
  ),
  /** A join code for a new workstation of this coalition (typed, or saved as a file). */
  'sync.issueJoin': write(() => z.object({}).strict(), () => z.object({ code: z.string(), shortCode: z.string() })),
  /** On a new workstation: joins the coalition of the member that issued the code. */
  'sync.join': write(
    () => z.object({ code: cleanString('Join code').trim().min(10, { error: 'Paste the whole join code' }).max(4000, { error: 'That is not a join code' }), workstationName: text('Workstation name', 60) }).strict(),
    () => z.object({ coalitionId: z.string(), coalitionName: z.string(), shortCode: z.string() }),
    { public: true },
  ),
} as const;
