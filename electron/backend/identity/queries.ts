import type { Db } from '../db/open';
import { keyedChain, linkOfRow } from '../db/row-key';

export interface EnrolledKey {
  workstationId: string;
  publicKey: string;
  fingerprint: string;
  reason: 'created' | 'replaced';
  replacesFingerprint: string | null;
  recordedAt: number;
}

interface KeyRow {
  workstation_id: string;
  public_key: string;
  fingerprint: string;
  reason: 'created' | 'replaced';
  replaces_fingerprint: string | null;
  recorded_at: number;
}

const toKey = (r: KeyRow): EnrolledKey => ({
  workstationId: r.workstation_id,
  publicKey: r.public_key,
  fingerprint: r.fingerprint,
  reason: r.reason,
  replacesFingerprint: r.replaces_fingerprint,
  recordedAt: r.recorded_at,
});

/** Every key each workstation has enrolled, oldest first (in chain order). */
export function enrolledKeys(db: Db, workstationId?: string): EnrolledKey[] {
  // A key row's link is its own workstation's (the writer chains a row under its workstation).
  const link = linkOfRow(keyedChain(db), 'c', "'workstation_keys'", 'k.id');
  const rows = db
    .prepare(
      `SELECT k.workstation_id, k.public_key, k.fingerprint, k.reason, k.replaces_fingerprint, k.recorded_at
         FROM workstation_keys k JOIN ${link.from} ON ${link.on}
        WHERE @ws IS NULL OR k.workstation_id = @ws
        ORDER BY k.workstation_id, c.seq`,
    )
    .all({ ws: workstationId ?? null }) as KeyRow[];
  return rows.map(toKey);
}

/** The key a workstation signs with now: its newest enrolled one. */
export function currentKey(db: Db, workstationId: string): EnrolledKey | null {
  return enrolledKeys(db, workstationId).at(-1) ?? null;
}
