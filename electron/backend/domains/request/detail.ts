import type { RequestDetail } from '../../../../shared/contract';
import { DISCIPLINE_LABELS, type Discipline } from '../../../../shared/domain/disciplines';
import { flagsOf, overdueReason } from '../../../../shared/domain/request-aging';
import {
  ACTION_LABELS,
  actionsFrom,
  decide,
  editRefusal,
  nextActionOf,
  type PositionLike,
  PRIORITY_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
} from '../../../../shared/domain/request-state';
import { FILL_SOURCE_LABELS } from '../../../../shared/domain/sourcing';
import type { Db } from '../../db/open';
import { notFound } from '../../errors';
import { allocationsOf } from '../inventory/stock';
import { fillsOf, incidentInfo, linesOf, requestRow } from './queries';

/** The whole request as the screens show it, with the steps open to whoever is signed in. */
export function requestDetail(db: Db, id: string, position: PositionLike | null, now: number): RequestDetail {
  const r = requestRow(db, id);
  if (!r) throw notFound('That request');
  const incident = incidentInfo(db, r.incident_id);
  const org = db.prepare('SELECT id, name, discipline FROM organisations WHERE id = ?').get(r.requesting_organisation_id) as { id: string; name: string; discipline: Discipline };
  const fills = fillsOf(db, id);
  const lines = linesOf(db, id).map((l) => {
    const own = fills.filter((f) => f.line_id === l.id);
    const filled = own.filter((f) => !f.withdrawn).reduce((n, f) => n + f.quantity, 0);
    return {
      id: l.id,
      lineNo: l.line_no,
      quantity: l.quantity,
      unit: l.unit,
      kind: l.kind,
      type: l.type,
      description: l.description,
      requestedArrival: l.requested_arrival,
      costCents: l.cost_cents,
      filledQuantity: filled,
      outstandingQuantity: Math.max(0, l.quantity - filled),
      fills: own.map((f) => ({
        id: f.id,
        lineId: f.line_id,
        lineNo: l.line_no,
        source: f.source,
        sourceLabel: FILL_SOURCE_LABELS[f.source],
        sourceName: f.source_name,
        quantity: f.quantity,
        inventoryItemId: f.inventory_id,
        organisationId: f.organisation_id,
        agreementId: f.agreement_id,
        supplierName: f.supplier_name,
        supplierContact: f.supplier_contact,
        orderNumber: f.order_number,
        orderPlacedBy: f.order_placed_by,
        estimatedArrival: f.estimated_arrival,
        costCents: f.cost_cents,
        withdrawn: f.withdrawn === 1,
        withdrawnReason: f.withdrawn_reason,
        occurredAt: f.occurred_at,
        operatorName: f.operator_name,
        positionTitle: f.position_title,
      })),
    };
  });
  const lineNo = new Map(lines.map((l) => [l.id, l.lineNo]));
  const names = new Map(
    (db.prepare('SELECT id, name FROM inventory WHERE id IN (SELECT inventory_id FROM allocations WHERE request_id = ?)').all(id) as { id: string; name: string }[]).map((x) => [x.id, x.name]),
  );
  const sourced = lines.reduce((n, l) => n + l.filledQuantity, 0);
  const outstandingTotal = lines.reduce((n, l) => n + l.outstandingQuantity, 0);
  const activeFills = lines.some((l) => l.fills.some((f) => !f.withdrawn));
  const actions = actionsFrom(r.status).map((action) => {
    if (!position) return { action, label: ACTION_LABELS[action], allowed: false, reason: 'Sign in with your name and position first' };
    const d = decide(action, r.status, position, { sourcedQuantity: sourced });
    let reason = d.ok ? null : d.message;
    if (!reason && action === 'source' && outstandingTotal === 0) reason = 'Every line is fully sourced';
    if (!reason && action === 'withdraw_fill' && !activeFills) reason = 'No source to withdraw yet';
    return { action, label: ACTION_LABELS[action], allowed: reason === null, reason };
  });
  const next = nextActionOf(r.status, outstandingTotal);
  const aging = { status: r.status, priority: r.priority, statusSince: r.status_since, requestedArrival: r.requested_arrival, eta: r.eta };
  const refusal = editRefusal(r.status);
  return {
    id: r.id,
    number: r.number,
    incidentId: r.incident_id,
    incidentName: incident?.name ?? null,
    exercise: incident?.exercise ?? false,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    statusSince: r.status_since,
    priority: r.priority,
    priorityLabel: PRIORITY_LABELS[r.priority],
    requestingOrganisation: { id: org.id, name: org.name, discipline: DISCIPLINE_LABELS[org.discipline] },
    requestedByName: r.requested_by_name,
    requestedByPosition: r.requested_by_position,
    requestedByContact: r.requested_by_contact,
    deliveryLocation: r.delivery_location,
    substitutes: r.substitutes,
    notes: r.notes,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    eta: r.eta,
    lines,
    allocations: allocationsOf(db, id).map((a) => ({
      id: a.id,
      fillId: a.fillId,
      lineNo: lineNo.get(a.lineId) ?? 0,
      inventoryItemId: a.inventoryId,
      inventoryItemName: names.get(a.inventoryId) ?? '',
      allocated: a.allocated,
      returned: a.returned,
      consumed: a.consumed,
      outstanding: a.outstanding,
    })),
    nextAction: next ? { role: next.role, roleLabel: ROLE_LABELS[next.role], label: next.label } : null,
    actions,
    editable: refusal === null,
    editRefusal: refusal,
    flags: r.status === 'closed' || r.status === 'cancelled' || r.status === 'denied' ? [] : flagsOf(aging, now),
    overdueReason: overdueReason(aging, now),
    demo: r.demo === 1,
  };
}
