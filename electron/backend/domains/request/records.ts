import { newId as uuidv7 } from '../../db/ids';
import type { z } from 'zod';
import type { requestCreateInput } from '../../../../shared/contract';
import { catalogKind, normalizeKind, normalizeType, typeProblem } from '../../../../shared/domain/nims';
import { editRefusal } from '../../../../shared/domain/request-state';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid, notFound } from '../../errors';
import { getOrganisation } from '../directory/queries';
import { incidentInfo, linesOf, nextNumber, requestRow } from './queries';

/** The requestor section (blocks 1-8) as parsed from the contract. */
export type RequestorFields = z.output<typeof requestCreateInput>;

const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

function checkRequestor(db: Db, f: RequestorFields): void {
  const incident = incidentInfo(db, f.incidentId);
  if (!incident) throw notFound('That incident');
  if (!incident.open) throw conflict(`Incident "${incident.name}" is closed; resource requests can be made only in an open incident`);
  if (!getOrganisation(db, f.requestingOrganisationId)) throw notFound('The requesting organisation');
  f.lines.forEach((l, i) => {
    const problem = typeProblem(l.kind, l.type ?? null);
    if (problem) throw invalid(`Line ${i + 1}: ${problem}`, { issues: [{ path: ['lines', String(i), 'type'], message: problem }] });
  });
}

function header(f: RequestorFields) {
  return {
    incident_id: f.incidentId,
    requesting_organisation_id: f.requestingOrganisationId,
    requested_by_name: f.requestedByName,
    requested_by_position: blank(f.requestedByPosition),
    requested_by_contact: blank(f.requestedByContact),
    priority: f.priority,
    delivery_location: f.deliveryLocation,
    substitutes: blank(f.substitutes),
    notes: blank(f.notes),
  };
}

/** Writes the lines in the given order; lines no longer listed are tombstoned. */
function putLines(tx: WriteTx, db: Db, requestId: string, lines: RequestorFields['lines']): void {
  const existing = new Map(linesOf(db, requestId).map((l) => [l.id, l]));
  lines.forEach((l, i) => {
    if (l.id && !existing.has(l.id)) throw notFound(`Line ${i + 1} of this request`);
    const id = l.id ?? uuidv7();
    existing.delete(id);
    tx.put('request_lines', id, {
      request_id: requestId,
      line_no: i + 1,
      quantity: l.quantity,
      unit: blank(l.unit) ?? catalogKind(l.kind)?.unit ?? null,
      kind: catalogKind(l.kind)?.kind ?? l.kind,
      kind_key: normalizeKind(l.kind),
      type: normalizeType(l.type),
      description: blank(l.description),
      requested_arrival: l.requestedArrival ?? null,
      cost_cents: l.costCents ?? null,
    });
  });
  for (const gone of existing.keys()) tx.remove('request_lines', gone);
}

const lineSnapshot = (db: Db, id: string) =>
  linesOf(db, id).map((l) => ({ lineNo: l.line_no, quantity: l.quantity, unit: l.unit, kind: l.kind, type: l.type, description: l.description }));

/** Status, board fields and search text follow from the lines and steps (derive.ts). */
export function createRequest(tx: WriteTx, db: Db, f: RequestorFields, opts: { demo?: boolean; action?: string; detail?: Record<string, unknown>; at?: number } = {}): string {
  checkRequestor(db, f);
  const id = uuidv7();
  const at = opts.at ?? tx.now();
  const number = nextNumber(db, tx.actor.workstationId);
  tx.put('requests', id, {
    number,
    ...header(f),
    demo: opts.demo ? 1 : 0,
  });
  putLines(tx, db, id, f.lines);
  tx.appendFact('request_events', {
    request_id: id,
    action: opts.action ?? 'create',
    from_status: null,
    to_status: 'draft',
    note: null,
    detail: JSON.stringify({ number, lines: lineSnapshot(db, id), ...opts.detail }),
    occurred_at: at,
  });
  return id;
}

export function updateRequest(tx: WriteTx, db: Db, id: string, f: RequestorFields): void {
  const r = requestRow(db, id);
  if (!r) throw notFound('That request');
  const refusal = editRefusal(r.status);
  if (refusal) throw conflict(refusal);
  checkRequestor(db, f);
  if (f.incidentId !== r.incident_id) throw conflict('A request stays in the incident it was made in; open a new request in the other incident');
  tx.put('requests', id, header(f));
  putLines(tx, db, id, f.lines);
  tx.appendFact('request_events', {
    request_id: id,
    action: 'edit',
    from_status: r.status,
    to_status: r.status,
    note: null,
    detail: JSON.stringify({ lines: lineSnapshot(db, id), priority: f.priority, deliveryLocation: f.deliveryLocation }),
    occurred_at: tx.now(),
  });
}

/** A new draft with the same requestor section, e.g. after a denial. */
export function duplicateRequest(tx: WriteTx, db: Db, id: string): string {
  const r = requestRow(db, id);
  if (!r) throw notFound('That request');
  const lines = linesOf(db, id);
  return createRequest(
    tx,
    db,
    {
      incidentId: r.incident_id,
      requestingOrganisationId: r.requesting_organisation_id,
      requestedByName: r.requested_by_name,
      requestedByPosition: r.requested_by_position,
      requestedByContact: r.requested_by_contact,
      priority: r.priority,
      deliveryLocation: r.delivery_location,
      substitutes: r.substitutes,
      notes: r.notes,
      lines: lines.map((l) => ({
        quantity: l.quantity,
        unit: l.unit,
        kind: l.kind,
        type: l.type,
        description: l.description,
        requestedArrival: l.requested_arrival,
        costCents: l.cost_cents,
      })),
    },
    { action: 'create', detail: { copiedFrom: r.number } },
  );
}
