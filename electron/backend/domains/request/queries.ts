import type { Priority, RequestStatus } from '../../../../shared/domain/request-state';
import type { FillSource } from '../../../../shared/domain/sourcing';
import type { Db } from '../../db/open';
import { keyedChain, linkOfRow } from '../../db/row-key';

export interface RequestRow {
  id: string;
  number: string;
  incident_id: string;
  requesting_organisation_id: string;
  requested_by_name: string;
  requested_by_position: string | null;
  requested_by_contact: string | null;
  priority: Priority;
  delivery_location: string;
  substitutes: string | null;
  notes: string | null;
  status: RequestStatus;
  status_since: number;
  submitted_at: number | null;
  requested_arrival: number | null;
  eta: number | null;
  demo: number;
  created_at: number;
}

export function requestRow(db: Db, id: string): RequestRow | null {
  return (db.prepare('SELECT * FROM requests WHERE id = ? AND deleted = 0').get(id) as RequestRow | undefined) ?? null;
}

export interface LineRow {
  id: string;
  line_no: number;
  quantity: number;
  unit: string | null;
  kind: string;
  kind_key: string;
  type: string | null;
  description: string | null;
  requested_arrival: number | null;
  cost_cents: number | null;
}

export function linesOf(db: Db, requestId: string): LineRow[] {
  return db
    .prepare(
      'SELECT id, line_no, quantity, unit, kind, kind_key, type, description, requested_arrival, cost_cents FROM request_lines WHERE request_id = ? AND deleted = 0 ORDER BY line_no',
    )
    .all(requestId) as LineRow[];
}

export interface FillRow {
  id: string;
  line_id: string;
  event_id: string;
  source: FillSource;
  quantity: number;
  inventory_id: string | null;
  organisation_id: string | null;
  agreement_id: string | null;
  source_name: string;
  supplier_name: string | null;
  supplier_contact: string | null;
  order_number: string | null;
  order_placed_by: string | null;
  estimated_arrival: number | null;
  cost_cents: number | null;
  occurred_at: number;
  operator_name: string | null;
  position_title: string | null;
  withdrawn_reason: string | null;
  withdrawn: number;
}

/**
 * Fills of a request with whether each was withdrawn (withdrawal rows themselves are not
 * listed). Two workstations may withdraw the same fill offline; the first withdrawal is
 * the one shown, and the fill is listed once.
 */
export function fillsOf(db: Db, requestId: string): FillRow[] {
  return db
    .prepare(
      `SELECT f.id, f.line_id, f.event_id, f.source, f.quantity, f.inventory_id, f.organisation_id, f.agreement_id, f.source_name,
         f.supplier_name, f.supplier_contact, f.order_number, f.order_placed_by, f.estimated_arrival, f.cost_cents, f.occurred_at,
         f.operator_name, f.position_title, w.reason AS withdrawn_reason, (w.id IS NOT NULL) AS withdrawn
       FROM request_fills f LEFT JOIN request_fills w ON w.id = (SELECT x.id FROM request_fills x WHERE x.withdraws_fill_id = f.id ORDER BY x.occurred_at, x.recorded_at, x.id LIMIT 1)
       WHERE f.request_id = ? AND f.kind = 'fill' ORDER BY f.recorded_at, f.id`,
    )
    .all(requestId) as FillRow[];
}

export interface EventRow {
  id: string;
  action: string;
  from_status: RequestStatus | null;
  to_status: RequestStatus;
  note: string | null;
  detail: string;
  occurred_at: number;
  recorded_at: number;
  operator_name: string | null;
  position_title: string | null;
  workstation_id: string;
}

/** In the order they were recorded: the order the state machine saw them. */
export function eventsOf(db: Db, requestId: string): EventRow[] {
  const link = linkOfRow(keyedChain(db), 'c', "'request_events'", 'e.id');
  return db
    .prepare(
      `SELECT e.id, e.action, e.from_status, e.to_status, e.note, e.detail, e.occurred_at, e.recorded_at, e.operator_name, e.position_title, e.workstation_id
       FROM request_events e JOIN ${link.from} ON ${link.on}
       WHERE e.request_id = ? ORDER BY e.recorded_at, c.seq`,
    )
    .all(requestId) as EventRow[];
}

export function lastEventAt(db: Db, requestId: string): number | null {
  const r = db.prepare('SELECT max(occurred_at) AS t FROM request_events WHERE request_id = ?').get(requestId) as { t: number | null };
  return r.t;
}

/**
 * Block 3. Numbers must never repeat across the coalition, though two workstations may
 * create requests at the same moment with no network between them: each workstation
 * numbers its own, after its short code (WS2-RR-0042). Numbers made before sync (RR-0042)
 * keep theirs.
 */
export function nextNumber(db: Db, workstationId: string): string {
  const code = (db.prepare('SELECT short_code FROM workstations WHERE id = ?').pluck().get(workstationId) as string | null | undefined) ?? 'WS1';
  const prefix = `${code}-RR-`;
  const r = db
    .prepare("SELECT number FROM requests WHERE number LIKE ? ESCAPE '\\' ORDER BY length(number) DESC, number DESC LIMIT 1")
    .get(`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { number: string } | undefined;
  const n = r ? Number(r.number.slice(prefix.length)) : 0;
  return `${prefix}${String((Number.isFinite(n) ? n : 0) + 1).padStart(4, '0')}`;
}

export interface IncidentInfo {
  id: string;
  name: string;
  exercise: boolean;
  open: boolean;
}

export function incidentInfo(db: Db, id: string): IncidentInfo | null {
  const r = db.prepare('SELECT id, name, exercise, status FROM incidents WHERE id = ? AND deleted = 0').get(id) as
    | { id: string; name: string; exercise: number; status: string }
    | undefined;
  return r ? { id: r.id, name: r.name, exercise: r.exercise === 1, open: r.status === 'open' } : null;
}

export interface OpenRequestPlaceRow {
  id: string;
  number: string;
  incident_id: string;
  priority: Priority;
  status: RequestStatus;
  summary: string;
  delivery_location: string;
  requesting_organisation_id: string;
  demo: number;
}

const PLACE_COLUMNS = 'id, number, incident_id, priority, status, summary, delivery_location, requesting_organisation_id, demo';
/** Read on every refresh of the map: a test keeps them on requests_incident_board and requests_board. */
export const OPEN_REQUEST_PLACES_SQL = {
  incident: `SELECT ${PLACE_COLUMNS} FROM requests WHERE incident_id = ? AND is_open = 1 AND deleted = 0 ORDER BY priority_rank, aged_from`,
  all: `SELECT ${PLACE_COLUMNS} FROM requests WHERE is_open = 1 AND deleted = 0 ORDER BY priority_rank, aged_from`,
};

/** Open requests with where they are to be delivered, for the map. */
export function openRequestPlaces(db: Db, incidentId?: string): OpenRequestPlaceRow[] {
  return (incidentId ? db.prepare(OPEN_REQUEST_PLACES_SQL.incident).all(incidentId) : db.prepare(OPEN_REQUEST_PLACES_SQL.all).all()) as OpenRequestPlaceRow[];
}
