import type { Db } from '../../db/open';
import type { Writer } from '../../db/writer';
import { getCoalition } from '../setup/queries';
import type { Identity } from '../../identity/identity';
import { seal, type SignedBatch } from './envelope';
import { joiningCoalition } from './join';
import { memberRefusal, readMembers } from './members';
import { addPeer, listPeers, notePeer, type PeerRow } from './queries';
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
  /** One page of what a peer holding `theirs` lacks (collect.ts PAGE_BYTES; `limit` rows at most), signed by this workstation. */
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
  /** Why a peer presenting `key` (and, the first time, its invitation) may not sync; null if it may. */
  peerRefusal(id: string, key: string, enrolment: string | null): string | null;
  /** This workstation's own invitation (null for the founder). */
  ownEnrolment(): string | null;
  peers(): PeerRow[];
  addPeer(address: string, source: 'typed' | 'mdns' | 'inbound'): void;
  notePeer(address: string, p: Parameters<typeof notePeer>[2]): void;
  /** The LAN endpoint's port (null: not listening), shown on the Sync screen. */
  listening(port: number | null): void;
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
      // A batch carries a signed head over every link of this workstation it sends.
      s.writer.signPending('sync');
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
    peerRefusal(id, key, enrolment) {
      const s = store();
      const c = ctx();
      let view = readMembers(s.db, c.coalitionId);
      if (!view.keys.get(id)?.size) {
        const rows = new Map(view.rows);
        rows.set(id, { enrolment, removed_at: view.rows.get(id)?.removed_at ?? null, removed_after_seq: view.rows.get(id)?.removed_after_seq ?? null });
        view = { ...view, rows, keys: new Map(view.keys).set(id, new Set([key])) };
      }
      return memberRefusal(view, id, key, now());
    },
    ownEnrolment() {
      const s = store();
      return (s.db.prepare('SELECT enrolment FROM workstations WHERE id = ?').pluck().get(s.workstationId) as string | null | undefined) ?? null;
    },
    peers: () => listPeers(store().db),
    addPeer(address, source) {
      addPeer(store().db, address, source, now());
      changed(['sync_peers']);
    },
    listening(port) {
      const db = store().db;
      if (port === null) db.prepare("DELETE FROM meta WHERE key = 'sync_port'").run();
      else db.prepare("INSERT INTO meta (key, value) VALUES ('sync_port', ?) ON CONFLICT DO UPDATE SET value = excluded.value").run(String(port));
      db.prepare('UPDATE sync_peers SET connected = 0 WHERE connected = 1').run();
      changed(['sync_peers']);
    },
    notePeer(address, p) {
      notePeer(store().db, address, p);
      changed(['sync_peers']);
    },
  };
}
