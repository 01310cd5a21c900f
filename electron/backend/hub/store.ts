import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Batch } from '../domains/sync/batch';
import type { SignedBatch } from '../domains/sync/envelope';
import type { Vector } from '../domains/sync/vector';
import { fingerprintOf, generatePrivateKey, privateKeyFromPkcs8, privateKeyToPkcs8, rawPublicKey, signBytes } from '../identity/keys';

/**
 * The hub's store: PostgreSQL, shared by every hub process (they keep nothing of their own,
 * so several can serve one cluster behind a load balancer). It holds the signed batches
 * workstations sent, unchanged, indexed by origin and by the range of each origin's records
 * and changes they carry, and per origin how far it holds everything without a gap. It never
 * applies a batch and never decides a conflict: workstations do, the same way everywhere.
 */
const SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS hub_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  workstation_id TEXT NOT NULL,
  private_key BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS hub_coalitions (
  coalition_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  enrolment TEXT NOT NULL,
  joined_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Keys the hub admits: the member whose join code it used, and every workstation that
-- showed an invitation signed by a key already here.
CREATE TABLE IF NOT EXISTS hub_members (
  coalition_id TEXT NOT NULL REFERENCES hub_coalitions,
  workstation_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  first_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (coalition_id, workstation_id, public_key)
);
CREATE TABLE IF NOT EXISTS hub_batches (
  id BIGSERIAL PRIMARY KEY,
  batch_id TEXT NOT NULL UNIQUE,
  coalition_id TEXT NOT NULL REFERENCES hub_coalitions,
  sender TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  envelope JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_parts (
  batch BIGINT NOT NULL REFERENCES hub_batches,
  coalition_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  facts_after INTEGER,
  facts_to INTEGER,
  -- Clocks compare byte by byte, whatever the cluster's locale.
  changes_after TEXT COLLATE "C",
  changes_upto TEXT COLLATE "C"
);
CREATE INDEX IF NOT EXISTS hub_parts_facts ON hub_parts (coalition_id, origin, facts_to);
CREATE INDEX IF NOT EXISTS hub_parts_changes ON hub_parts (coalition_id, origin, changes_upto);
CREATE INDEX IF NOT EXISTS hub_parts_batch ON hub_parts (batch);
-- Per origin, everything up to here is held without a gap: what the hub asks workstations from.
CREATE TABLE IF NOT EXISTS hub_marks (
  coalition_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  hlc TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (coalition_id, origin)
);
`;

export const NEWS_CHANNEL = 'eoc_hub_news';

export interface HubIdentity {
  workstationId: string;
  publicKey: string;
  fingerprint: string;
  sign(text: string): Buffer;
}

export interface StoredBatch {
  id: string;
  envelope: SignedBatch;
}

export class HubStore {
  readonly pool: pg.Pool;

  constructor(database: string) {
    this.pool = new pg.Pool({ connectionString: database, max: 8 });
    // A dropped idle connection is replaced on the next query; it must not end the process.
    this.pool.on('error', () => undefined);
  }

  /** Creates the tables if missing; every hub process may run it at start. */
  async init(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(7411)');
      await c.query(SCHEMA);
    } finally {
      await c.query('SELECT pg_advisory_unlock(7411)').catch(() => undefined);
      c.release();
    }
  }

  /** The hub's Ed25519 key, made by the first process and shared by all through the database. */
  async identity(): Promise<HubIdentity> {
    const key = generatePrivateKey();
    await this.pool.query('INSERT INTO hub_identity (id, workstation_id, private_key) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [
      randomUUID(),
      privateKeyToPkcs8(key),
    ]);
    const r = await this.pool.query<{ workstation_id: string; private_key: Buffer }>('SELECT workstation_id, private_key FROM hub_identity WHERE id = 1');
    const row = r.rows[0]!;
    const priv = privateKeyFromPkcs8(row.private_key);
    const publicKey = rawPublicKey(priv);
    return { workstationId: row.workstation_id, publicKey, fingerprint: fingerprintOf(publicKey), sign: (text) => signBytes(priv, text) };
  }

  async addCoalition(coalitionId: string, name: string, enrolment: string, issuer: { id: string; key: string }): Promise<void> {
    await this.pool.query(
      'INSERT INTO hub_coalitions (coalition_id, name, enrolment) VALUES ($1, $2, $3) ON CONFLICT (coalition_id) DO UPDATE SET name = excluded.name, enrolment = excluded.enrolment',
      [coalitionId, name, enrolment],
    );
    await this.addMember(coalitionId, issuer.id, issuer.key);
  }

  async coalition(coalitionId: string): Promise<{ name: string; enrolment: string } | null> {
    const r = await this.pool.query<{ name: string; enrolment: string }>('SELECT name, enrolment FROM hub_coalitions WHERE coalition_id = $1', [coalitionId]);
    return r.rows[0] ?? null;
  }

  async isMember(coalitionId: string, id: string, key: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM hub_members WHERE coalition_id = $1 AND workstation_id = $2 AND public_key = $3', [coalitionId, id, key]);
    return r.rowCount! > 0;
  }

  async addMember(coalitionId: string, id: string, key: string): Promise<void> {
    await this.pool.query('INSERT INTO hub_members (coalition_id, workstation_id, public_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [coalitionId, id, key]);
  }

  /** How far the hub holds each origin without a gap. */
  async vector(coalitionId: string): Promise<Vector> {
    const r = await this.pool.query<{ origin: string; seq: number; hlc: string }>('SELECT origin, seq, hlc FROM hub_marks WHERE coalition_id = $1', [coalitionId]);
    return Object.fromEntries(r.rows.map((m) => [m.origin, { seq: m.seq, hlc: m.hlc }]));
  }

  /**
   * Stores a signed batch unchanged, unless the hub already holds all it carries. Returns
   * whether it was stored. The origins' marks advance in the same transaction, under a lock
   * on each origin's mark row, so two hub processes storing at once keep them right.
   */
  async store(env: SignedBatch, b: Batch): Promise<boolean> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const origins = [...new Set(b.parts.map((p) => p.origin))].sort();
      for (const o of origins) await c.query('INSERT INTO hub_marks (coalition_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING', [b.coalitionId, o]);
      const marks = new Map(
        (
          await c.query<{ origin: string; seq: number; hlc: string }>(
            'SELECT origin, seq, hlc FROM hub_marks WHERE coalition_id = $1 AND origin = ANY($2) ORDER BY origin FOR UPDATE',
            [b.coalitionId, origins],
          )
        ).rows.map((m) => [m.origin, m]),
      );
      const news = b.parts.some((p) => {
        const m = marks.get(p.origin)!;
        const factsTo = p.facts ? p.facts.after + p.facts.rows.length : 0;
        return factsTo > m.seq || (p.changes !== undefined && p.changes.upTo > m.hlc);
      });
      const dup = await c.query('SELECT 1 FROM hub_batches WHERE batch_id = $1', [b.id]);
      if (!news || dup.rowCount) {
        await c.query('ROLLBACK');
        return false;
      }
      const ins = await c.query<{ id: string }>(
        'INSERT INTO hub_batches (batch_id, coalition_id, sender, schema_version, envelope) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [b.id, b.coalitionId, b.sender, b.schemaVersion, JSON.stringify(env)],
      );
      const batch = ins.rows[0]!.id;
      for (const p of b.parts) {
        await c.query(
          'INSERT INTO hub_parts (batch, coalition_id, origin, facts_after, facts_to, changes_after, changes_upto) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [batch, b.coalitionId, p.origin, p.facts?.after ?? null, p.facts ? p.facts.after + p.facts.rows.length : null, p.changes?.after ?? null, p.changes?.upTo ?? null],
        );
      }
      for (const o of origins) await this.advance(c, b.coalitionId, o, marks.get(o)!);
      await c.query('SELECT pg_notify($1, $2)', [NEWS_CHANNEL, b.coalitionId]);
      await c.query('COMMIT');
      return true;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  /** Moves an origin's marks over every stored range that now joins them. */
  private async advance(c: pg.PoolClient, coalitionId: string, origin: string, from: { seq: number; hlc: string }): Promise<void> {
    let { seq, hlc } = from;
    for (;;) {
      const r = await c.query<{ seq: number | null; hlc: string | null }>(
        `SELECT (SELECT max(facts_to) FROM hub_parts WHERE coalition_id = $1 AND origin = $2 AND facts_after <= $3 AND facts_to > $3) AS seq,
                (SELECT max(changes_upto) FROM hub_parts WHERE coalition_id = $1 AND origin = $2 AND changes_after <= $4 AND changes_upto > $4) AS hlc`,
        [coalitionId, origin, seq, hlc],
      );
      const next = r.rows[0]!;
      if (next.seq === null && next.hlc === null) break;
      seq = next.seq ?? seq;
      hlc = next.hlc ?? hlc;
    }
    if (seq !== from.seq || hlc !== from.hlc)
      await c.query('UPDATE hub_marks SET seq = $3, hlc = $4 WHERE coalition_id = $1 AND origin = $2', [coalitionId, origin, seq, hlc]);
  }

  /**
   * The next stored batches after `cursor` that carry something a workstation holding
   * `theirs` lacks, oldest first (an origin's earlier ranges usually arrived first).
   */
  async lacking(coalitionId: string, theirs: Vector, cursor: string, limit: number): Promise<StoredBatch[]> {
    const r = await this.pool.query<{ id: string; envelope: SignedBatch }>(
      `WITH v AS (SELECT key AS origin, (value->>'seq')::int AS seq, (value->>'hlc') COLLATE "C" AS hlc FROM jsonb_each($2::jsonb))
       SELECT b.id, b.envelope FROM hub_batches b
        WHERE b.coalition_id = $1 AND b.id > $3
          AND EXISTS (SELECT 1 FROM hub_parts p LEFT JOIN v ON v.origin = p.origin
                       WHERE p.batch = b.id
                         AND (p.facts_to > coalesce(v.seq, 0) OR p.changes_upto > coalesce(v.hlc, '')))
        ORDER BY b.id LIMIT $4`,
      [coalitionId, JSON.stringify(theirs), cursor, limit],
    );
    return r.rows;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
