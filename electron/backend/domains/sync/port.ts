import type { Db } from '../../db/open';
import type { Writer } from '../../db/writer';
import { getCoalition } from '../setup/queries';
import type { Identity } from '../../identity/identity';
import { seal, type SignedBatch } from './envelope';
import { joiningCoalition } from './join';
import { collectBatch } from './collect';
import { contentHash } from './content';
import { precheck, receiveBatch, retryInbox, type ReceiveResult } from './receive';
import { readVector, type Vector } from './vector';

/**
 * What the sync paths (LAN endpoint, hub client, bundles) get of a backend: never
 * `handle()`, whose methods act for a signed-in operator, only the exchange of records.
 */
export interface SyncPort {
  vector(): Vector;
  /** One page of what a peer holding `theirs` lacks, signed by this workstation. */
  collect(theirs: Vector, limit?: number): SignedBatch;
  /** Receives a batch; refused, held or applied, never half-written. */
  receive(batch: unknown, peer: string): ReceiveResult;
  /** Checks signed batches as a receive would, writing nothing: null when all would be accepted. */
  precheck(batches: readonly unknown[]): string | null;
  /** Who this workstation is, for a bundle's manifest and a peer's greeting. */
  describe(): SelfDescription;
  /** Signs bytes with this workstation's key (a bundle's manifest). */
  sign(text: string): string;
  /** Retries held batches (after an upgrade, or when asked). */
  retryHeld(): void;
  /** A hash over everything synced, equal on workstations holding the same record. */
  contentHash(): string;
}

export interface SelfDescription {
  workstationId: string;
  name: string | null;
  shortCode: string | null;
  publicKey: string;
  fingerprint: string;
  coalitionId: string | null;
  coalitionName: string | null;
  schemaVersion: number;
}

export interface SyncStore {
  readonly db: Db;
  readonly writer: Writer;
  readonly workstationId: string;
}

export function createSyncPort(
  store: () => SyncStore,
  identity: () => Pick<Identity, 'publicKey' | 'sign' | 'fingerprint'>,
  schemaVersion: () => number,
  now: () => number,
  changed: (tables: string[]) => void,
): SyncPort {
  const ctx = () => {
    const s = store();
    return {
      db: s.db,
      writer: s.writer,
      actor: { workstationId: s.workstationId, operatorName: null, positionTitle: null },
      coalitionId: getCoalition(s.db)?.id ?? joiningCoalition(s.db),
      schemaVersion: schemaVersion(),
      now,
    };
  };
  return {
    vector: () => readVector(store().db),
    collect(theirs, limit) {
      const s = store();
      const coalition = getCoalition(s.db);
      if (!coalition) throw new Error('This workstation is not set up: it has no coalition to sync');
      const batch = collectBatch(s.db, {
        theirs,
        coalitionId: coalition.id,
        sender: s.workstationId,
        schemaVersion: schemaVersion(),
        now: now(),
        ...(limit ? { limit } : {}),
      });
      return seal(batch, identity());
    },
    receive(batch, peer) {
      const r = receiveBatch(ctx(), batch, peer);
      if (r.tables.length) changed(r.tables);
      return r;
    },
    precheck: (batches) => precheck(ctx(), batches),
    describe() {
      const s = store();
      const me = s.db.prepare('SELECT name, short_code FROM workstations WHERE id = ?').get(s.workstationId) as
        { name: string | null; short_code: string | null } | undefined;
      const coalition = getCoalition(s.db);
      const id = identity();
      return {
        workstationId: s.workstationId,
        name: me?.name ?? null,
        shortCode: me?.short_code ?? null,
        publicKey: id.publicKey,
        fingerprint: id.fingerprint,
        coalitionId: coalition?.id ?? joiningCoalition(s.db),
        coalitionName: coalition?.name ?? null,
        schemaVersion: schemaVersion(),
      };
    },
    sign: (text) => identity().sign(text).toString('base64'),
    retryHeld() {
      const r = retryInbox(ctx());
      if (r.tables.length) changed(r.tables);
    },
    contentHash: () => contentHash(store().db).hash,
  };
}
