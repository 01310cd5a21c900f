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
