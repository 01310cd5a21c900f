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
-- Members the coalition removed, as the record the hub relays says (a workstations row
-- whose removed_at was set): the hub takes nothing more from them, and serves them no more.
CREATE TABLE IF NOT EXISTS hub_removed (
  coalition_id TEXT NOT NULL,
  workstation_id TEXT NOT NULL,
  removed_at BIGINT NOT NULL,
  PRIMARY KEY (coalition_id, workstation_id)
);
CREATE TABLE IF NOT EXISTS hub_marks (
  coalition_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  hlc TEXT COLLATE "C" NOT NULL DEFAULT '',
  PRIMARY KEY (coalition_id, origin)
);
`;

export const NEWS_CHANNEL = 'eoc_hub_news';
/** Payload: coalition id, a space, the removed workstation's id. */
export const REMOVED_CHANNEL = 'eoc_hub_removed';

/** Removals a batch carries: changes setting a workstation's removed_at. */
export function removalsIn(b: Batch): { id: string; at: number }[] {
  const out: { id: string; at: number }[] = [];
  for (const p of b.parts)
    for (const c of p.changes?.rows ?? []) {
      if (c.table_name !== 'workstations' || c.column_name !== 'removed_at' || c.value === null) continue;
      const at = Number(JSON.parse(c.value));
      if (Number.isFinite(at)) out.push({ id: c.row_id, at });
    }
  return out;
}

/**
 * Removals already among stored batches, for a hub database made before the hub kept
 * them: read once, when the table is first made.
 */
const BACKFILL_REMOVED = /* sql */ `
INSERT INTO hub_removed (coalition_id, workstation_id, removed_at)
SELECT b.coalition_id, c->>'row_id', min((c->>'value')::jsonb::text::bigint)
  FROM hub_batches b,
       jsonb_array_elements(((b.envelope->>'batch')::jsonb)->'parts') AS p,
       jsonb_array_elements(coalesce(p->'changes'->'rows', '[]'::jsonb)) AS c
 WHERE c->>'table_name' = 'workstations' AND c->>'column_name' = 'removed_at' AND c->>'value' IS NOT NULL AND c->>'value' <> 'null'
 GROUP BY b.coalition_id, c->>'row_id'
ON CONFLICT DO NOTHING`;

/**
 * Moves the given origins' marks over every stored range that now joins them (ranges can
 * arrive out of order), in one statement, and tells every hub process something is new
 * ($1 coalition, $2 origins, $3 channel).
 */
const ADVANCE = /* sql */ `
WITH RECURSIVE m(origin, seq, hlc) AS (
  SELECT origin, seq, hlc FROM hub_marks WHERE coalition_id = $1 AND origin = ANY($2::text[])
  UNION ALL
  SELECT m.origin, coalesce(n.seq, m.seq), coalesce(n.hlc, m.hlc)
    FROM m, LATERAL (SELECT
      (SELECT max(facts_to) FROM hub_parts p WHERE p.coalition_id = $1 AND p.origin = m.origin AND p.facts_after <= m.seq AND p.facts_to > m.seq) AS seq,
      (SELECT max(changes_upto) FROM hub_parts p WHERE p.coalition_id = $1 AND p.origin = m.origin AND p.changes_after <= m.hlc AND p.changes_upto > m.hlc) AS hlc) n
   WHERE n.seq IS NOT NULL OR n.hlc IS NOT NULL
), f AS (
  SELECT origin, max(seq) AS seq, max(hlc) AS hlc FROM m GROUP BY origin
), u AS (
  UPDATE hub_marks h SET seq = f.seq, hlc = f.hlc FROM f
   WHERE h.coalition_id = $1 AND h.origin = f.origin AND (h.seq <> f.seq OR h.hlc <> f.hlc)
)
SELECT pg_notify($3, $1)`;

export interface HubIdentity {
  workstationId: string;
  publicKey: string;
  fingerprint: string;
  sign(text: string): Buffer;
}

/** stored; duplicate: the hub held all of it already; removed: its sender was removed. */
export type StoreResult = 'stored' | 'duplicate' | 'removed';

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
      const before = await c.query<{ t: string | null }>("SELECT to_regclass('hub_removed')::text AS t");
      await c.query(SCHEMA);
      if (before.rows[0]!.t === null) await c.query(BACKFILL_REMOVED);
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

  /** Whether the coalition removed this workstation (as far as the batches the hub holds say). */
  async isRemoved(coalitionId: string, id: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM hub_removed WHERE coalition_id = $1 AND workstation_id = $2', [coalitionId, id]);
    return r.rowCount! > 0;
  }

  /** How far the hub holds each origin without a gap. */
  async vector(coalitionId: string): Promise<Vector> {
    const r = await this.pool.query<{ origin: string; seq: number; hlc: string }>('SELECT origin, seq, hlc FROM hub_marks WHERE coalition_id = $1', [coalitionId]);
    return Object.fromEntries(r.rows.map((m) => [m.origin, { seq: m.seq, hlc: m.hlc }]));
  }

  /**
   * Stores a signed batch unchanged, unless the hub already holds all it carries. Returns
   * whether it was stored. One transaction of four statements whatever the batch holds (the
   * parts go in as one multi-row INSERT, the marks advance in one recursive UPDATE), since
   * each statement is a round trip to the database. A deadlock or serialization failure
   * between hub processes is retried.
   */
  async store(env: SignedBatch, b: Batch): Promise<StoreResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.storeOnce(env, b);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (attempt < 5 && (code === '40P01' || code === '40001' || code === '23505')) continue;
        throw e;
      }
    }
  }

  private async storeOnce(env: SignedBatch, b: Batch): Promise<StoreResult> {
    const origins = [...new Set(b.parts.map((p) => p.origin))].sort();
    if (!origins.length) return 'duplicate';
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      // One store at a time per coalition (a lock held to the commit), so batch ids are given
      // in commit order: a session that handed a workstation every batch up to id n can
      // never see one below n commit later. A removed member's new batches are refused;
      // what it sent before stays.
      const gate = await c.query<{ removed: boolean }>(
        'SELECT pg_advisory_xact_lock(7412, hashtext($1)), EXISTS (SELECT 1 FROM hub_removed WHERE coalition_id = $1 AND workstation_id = $2) AS removed',
        [b.coalitionId, b.sender],
      );
      if (gate.rows[0]!.removed) {
        await c.query('ROLLBACK');
        return 'removed';
      }
      // Creates missing marks and locks them all (the no-op update takes the row lock).
      const marks = new Map(
        (
          await c.query<{ origin: string; seq: number; hlc: string }>(
            `INSERT INTO hub_marks (coalition_id, origin) SELECT $1, o FROM unnest($2::text[]) AS o ORDER BY o
             ON CONFLICT (coalition_id, origin) DO UPDATE SET seq = hub_marks.seq RETURNING origin, seq, hlc`,
            [b.coalitionId, origins],
          )
        ).rows.map((m) => [m.origin, m]),
      );
      const news = b.parts.some((p) => {
        const m = marks.get(p.origin)!;
        const factsTo = p.facts ? p.facts.after + p.facts.rows.length : 0;
        return factsTo > m.seq || (p.changes !== undefined && p.changes.upTo > m.hlc);
      });
      if (!news) {
        await c.query('ROLLBACK');
        return 'duplicate';
      }
      const inserted = await c.query(
        `WITH b AS (
           INSERT INTO hub_batches (batch_id, coalition_id, sender, schema_version, envelope) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (batch_id) DO NOTHING RETURNING id)
         INSERT INTO hub_parts (batch, coalition_id, origin, facts_after, facts_to, changes_after, changes_upto)
         SELECT b.id, $2, p.origin, p.facts_after, p.facts_to, p.changes_after, p.changes_upto
           FROM b, unnest($6::text[], $7::int[], $8::int[], $9::text[], $10::text[]) AS p(origin, facts_after, facts_to, changes_after, changes_upto)`,
        [
          b.id,
          b.coalitionId,
          b.sender,
          b.schemaVersion,
          JSON.stringify(env),
          b.parts.map((p) => p.origin),
          b.parts.map((p) => p.facts?.after ?? null),
          b.parts.map((p) => (p.facts ? p.facts.after + p.facts.rows.length : null)),
          b.parts.map((p) => p.changes?.after ?? null),
          b.parts.map((p) => p.changes?.upTo ?? null),
        ],
      );
      if (!inserted.rowCount) {
        // The same batch, stored already (by this or another hub process).
        await c.query('ROLLBACK');
        return 'duplicate';
      }
      await c.query(ADVANCE, [b.coalitionId, origins, NEWS_CHANNEL]);
      const removals = removalsIn(b);
      if (removals.length)
        await c.query(
          `WITH r AS (INSERT INTO hub_removed (coalition_id, workstation_id, removed_at) SELECT $1, id, at FROM unnest($2::text[], $3::bigint[]) AS x(id, at)
                      ON CONFLICT DO NOTHING RETURNING workstation_id)
           SELECT pg_notify($4, $1 || ' ' || workstation_id) FROM r`,
          [b.coalitionId, removals.map((r) => r.id), removals.map((r) => r.at), REMOVED_CHANNEL],
        );
      await c.query('COMMIT');
      return 'stored';
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
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
