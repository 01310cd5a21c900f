import type { ConflictSide, SyncConflict } from '../../../../shared/contract';
import { ident } from '../../db/apply';
import type { Db } from '../../db/open';

interface SideRow {
  id: string;
  value: string | null;
  operator_name: string | null;
  position_title: string | null;
  workstation_id: string;
  recorded_at: number;
}

const LABELS: Record<string, { noun: string; column: string }> = {
  incidents: { noun: 'Incident', column: 'name' },
  organisations: { noun: 'Organisation', column: 'name' },
  contacts: { noun: 'Contact', column: 'name' },
  agreements: { noun: 'Agreement', column: 'title' },
  inventory: { noun: 'Inventory item', column: 'name' },
  requests: { noun: 'Request', column: 'number' },
  periods: { noun: 'Operational period', column: 'number' },
  objectives: { noun: 'Objective', column: 'text' },
  positions: { noun: 'Position', column: 'title' },
  workstations: { noun: 'Workstation', column: 'name' },
  coalition: { noun: 'Coalition', column: 'name' },
};

const words = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

function label(db: Db, table: string, rowId: string): string {
  const l = LABELS[table];
  if (!l) return `${words(table)} ${rowId.slice(-6)}`;
  const v = db
    .prepare(`SELECT ${ident(l.column)} FROM ${ident(table)} WHERE id = ?`)
    .pluck()
    .get(rowId) as string | number | undefined;
  return `${l.noun} ${v ?? rowId.slice(-6)}`;
}

export function workstationNames(db: Db): Map<string, string | null> {
  return new Map(
    (db.prepare('SELECT id, name FROM workstations').all() as { id: string; name: string | null }[]).map((r) => [
      r.id,
      r.name,
    ]),
  );
}

const side = (r: SideRow, names: Map<string, string | null>): ConflictSide => ({
  changeId: r.id,
  value: r.value === null ? null : (JSON.parse(r.value) as string | number | null),
  operatorName: r.operator_name,
  positionTitle: r.position_title,
  workstationId: r.workstation_id,
  workstationName: names.get(r.workstation_id) ?? null,
  recordedAt: r.recorded_at,
});

/** The conflict review queue, newest first: each field with the value shown and the one it won over. */
export function listConflicts(db: Db, limit: number): { conflicts: SyncConflict[]; total: number } {
  const rows = db
    .prepare(
      'SELECT table_name, row_id, column_name, winner_id, loser_id, detected_at FROM sync_conflicts ORDER BY detected_at DESC, table_name, row_id, column_name, loser_id LIMIT ?',
    )
    .all(limit) as {
    table_name: string;
    row_id: string;
    column_name: string;
    winner_id: string;
    loser_id: string;
    detected_at: number;
  }[];
  const change = db.prepare(
    'SELECT id, value, operator_name, position_title, workstation_id, recorded_at FROM changes WHERE id = ?',
  );
  const names = workstationNames(db);
  const conflicts = rows.map((r) => ({
    table: r.table_name,
    rowId: r.row_id,
    column: r.column_name,
    record: label(db, r.table_name, r.row_id),
    field: words(r.column_name),
    current: side(change.get(r.winner_id) as SideRow, names),
    other: side(change.get(r.loser_id) as SideRow, names),
    detectedAt: r.detected_at,
  }));
  const total = db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get() as number;
  return { conflicts, total };
}

export interface PeerRow {
  address: string;
  source: 'typed' | 'mdns' | 'inbound';
  workstation_id: string | null;
  name: string | null;
  fingerprint: string | null;
  added_at: number;
  last_contact_at: number | null;
  last_error: string | null;
  their_vector: string | null;
  connected: number;
}

export function listPeers(db: Db): PeerRow[] {
  return db.prepare('SELECT * FROM sync_peers ORDER BY source DESC, address').all() as PeerRow[];
}

export function addPeer(db: Db, address: string, source: 'typed' | 'mdns' | 'inbound', now: number): void {
  db.prepare('INSERT INTO sync_peers (address, source, added_at) VALUES (?,?,?) ON CONFLICT DO NOTHING').run(address, source, now);
}

export function notePeer(
  db: Db,
  address: string,
  p: { workstationId?: string; name?: string | null; fingerprint?: string; at?: number; error?: string | null; theirVector?: string; connected?: boolean },
): void {
  db.prepare(
    `UPDATE sync_peers SET workstation_id = coalesce(@workstationId, workstation_id), name = coalesce(@name, name), fingerprint = coalesce(@fingerprint, fingerprint),
       last_contact_at = coalesce(@at, last_contact_at), last_error = CASE WHEN @clear = 1 THEN NULL ELSE coalesce(@error, last_error) END,
       their_vector = coalesce(@theirVector, their_vector), connected = coalesce(@connected, connected) WHERE address = @address`,
  ).run({
    address,
    workstationId: p.workstationId ?? null,
    name: p.name ?? null,
    fingerprint: p.fingerprint ?? null,
    at: p.at ?? null,
    error: p.error ?? null,
    clear: p.error === null ? 1 : 0,
    theirVector: p.theirVector ?? null,
    connected: p.connected === undefined ? null : p.connected ? 1 : 0,
  });
}
