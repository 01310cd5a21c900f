import { newId as uuidv7 } from '../../db/ids';
import type { z } from 'zod';
import type { transitionInput } from '../../../../shared/contract';
import { agreementStanding } from '../../../../shared/domain/agreements';
import { normalizeKind, typeProblem } from '../../../../shared/domain/nims';
import { decide, type PositionLike, type RequestStatus } from '../../../../shared/domain/request-state';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { coalitionToday, getOrganisation } from '../directory/queries';
import { allocationsOf, moveStock } from '../inventory/stock';
import { fillsOf, lastEventAt, linesOf, requestRow, type RequestRow } from './queries';

export type Step = z.output<typeof transitionInput>;

/** Clock skew allowed for a typed time: a few minutes, not a future step. */
const FUTURE_SLACK_MS = 5 * 60_000;

interface StepContext {
  tx: WriteTx;
  db: Db;
  r: RequestRow;
  at: number;
  eventId: string;
}

/**
 * Applies one 213RR step: asks the shared state machine, then writes the event, any fill
 * and stock movement in the caller's transaction; the request's status follows from them. Anything
 * refused throws before a row is written, and the transaction rolls back whatever else.
 */
export function applyStep(tx: WriteTx, db: Db, step: Step, position: PositionLike): { eventId: string; to: RequestStatus } {
  const r = requestRow(db, step.id);
  if (!r) throw notFound('That request');
  const sourced = fillsOf(db, r.id)
    .filter((f) => !f.withdrawn)
    .reduce((n, f) => n + f.quantity, 0);
  const d = decide(step.action, r.status, position, { sourcedQuantity: sourced });
  if (!d.ok) throw d.reason === 'forbidden' ? forbidden(d.message) : conflict(d.message);

  const now = tx.now();
  const at = step.occurredAt ?? now;
  if (at > now + FUTURE_SLACK_MS) throw invalid('The time it happened cannot be in the future');
  const previous = lastEventAt(db, r.id);
  if (previous !== null && at < previous) {
    throw invalid(`This step cannot have happened before the request's previous step (${new Date(previous).toISOString().replace('T', ' ').slice(0, 16)} UTC)`);
  }

  const eventId = uuidv7();
  const c: StepContext = { tx, db, r, at, eventId };
  const { detail, after } = prepare(c, step);
  tx.appendFact('request_events', {
    id: eventId,
    request_id: r.id,
    action: step.action,
    from_status: r.status,
    to_status: d.to,
    note: step.note?.trim() || null,
    detail: JSON.stringify({ positionCode: position.code, ...detail }),
    occurred_at: at,
  });
  after?.();
  // The request's status, ETA and ages follow from this step (derive.ts), recomputed as it is stored.
  return { eventId, to: d.to };
}

/** Checks the step's own facts and returns its event detail, plus writes that must follow the event row. */
function prepare(c: StepContext, step: Step): { detail: Record<string, unknown>; after?: () => void } {
  switch (step.action) {
    case 'submit': {
      const lines = linesOf(c.db, c.r.id);
      if (!lines.length) throw conflict('Add at least one line before submitting the request');
      for (const l of lines) {
        const problem = typeProblem(l.kind, l.type);
        if (problem) throw conflict(`Line ${l.line_no}: ${problem}`);
      }
      return { detail: { lines: lines.length } };
    }
    case 'approve':
    case 'send_to_finance':
    case 'close':
      return step.action === 'close' ? closeDetail(c) : { detail: {} };
    case 'deny':
    case 'return_for_changes':
    case 'return_to_sourcing':
    case 'cancel':
      return step.action === 'cancel' ? cancelDetail(c, step.reason) : { detail: { reason: step.reason } };
    case 'check_resources':
      return { detail: { findings: step.findings?.trim() || null, onHand: onHandSnapshot(c) } };
    case 'source':
      return sourceLine(c, step);
    case 'withdraw_fill':
      return withdrawFill(c, step);
    case 'finance_approve':
      return { detail: { comments: step.comments?.trim() || null } };
    case 'mark_en_route':
      return { detail: { eta: step.eta } };
    case 'receive':
      return { detail: { receivedBy: step.receivedBy?.trim() || null } };
    case 'assign':
      return { detail: { assignedTo: step.assignedTo } };
    case 'release':
      return { detail: { releasedTo: step.releasedTo?.trim() || null } };
    case 'return_resources':
      return returnResources(c, step);
  }
}

/** What the resource unit saw on hand for each line when it checked: kept with the record. */
function onHandSnapshot(c: StepContext) {
  return linesOf(c.db, c.r.id).map((l) => {
    const row = c.db
      .prepare(
        "SELECT coalesce(sum(s.held - s.allocated), 0) AS n FROM inventory i JOIN inventory_stock s ON s.inventory_id = i.id WHERE i.kind_key = ? AND i.deleted = 0 AND i.status <> 'not_available'",
      )
      .get(l.kind_key) as { n: number };
    return { lineNo: l.line_no, kind: l.kind, requested: l.quantity, availableOnHand: row.n };
  });
}

function sourceLine(c: StepContext, step: Extract<Step, { action: 'source' }>) {
  const line = linesOf(c.db, c.r.id).find((l) => l.id === step.lineId);
  if (!line) throw notFound('That line of this request');
  const filled = fillsOf(c.db, c.r.id)
    .filter((f) => f.line_id === line.id && !f.withdrawn)
    .reduce((n, f) => n + f.quantity, 0);
  const outstanding = line.quantity - filled;
  if (outstanding <= 0) throw conflict(`Line ${line.line_no} (${line.quantity} ${line.kind}) is already fully sourced`);
  if (step.quantity > outstanding) {
    throw conflict(`Line ${line.line_no} asks for ${line.quantity}; ${filled} ${filled === 1 ? 'is' : 'are'} already sourced, so at most ${outstanding} more can be sourced`);
  }
  const src = step.source;
  let sourceName: string;
  let inventoryId: string | null = null;
  let organisationId: string | null = null;
  let agreementId: string | null = null;
  let substitute = false;
  switch (src.kind) {
    case 'inventory': {
      const item = c.db
        .prepare('SELECT i.name, i.kind_key, o.name AS owner, i.owner_organisation_id FROM inventory i JOIN organisations o ON o.id = i.owner_organisation_id WHERE i.id = ? AND i.deleted = 0')
        .get(src.inventoryItemId) as { name: string; kind_key: string; owner: string; owner_organisation_id: string } | undefined;
      if (!item) throw notFound('That inventory item');
      inventoryId = src.inventoryItemId;
      organisationId = item.owner_organisation_id;
      sourceName = `${item.name} (${item.owner})`;
      // Block 6 allows substitutes: a different kind is recorded as one, not refused.
      substitute = item.kind_key !== normalizeKind(line.kind);
      break;
    }
    case 'member': {
      const org = getOrganisation(c.db, src.organisationId);
      if (!org) throw notFound('That member organisation');
      organisationId = org.id;
      sourceName = org.name;
      break;
    }
    case 'agreement': {
      const a = c.db.prepare('SELECT title, effective_on, expires_on FROM agreements WHERE id = ? AND deleted = 0').get(src.agreementId) as
        | { title: string; effective_on: string; expires_on: string | null }
        | undefined;
      if (!a) throw notFound('That agreement');
      const s = agreementStanding(a.effective_on, a.expires_on, coalitionToday(c.db, c.at), 0);
      if (s.standing === 'expired' || s.standing === 'not_yet_effective') {
        throw conflict(`"${a.title}" cannot be relied on: ${s.label.toLowerCase()}. Choose another source, or renew the agreement first`);
      }
      agreementId = src.agreementId;
      sourceName = a.title;
      break;
    }
    case 'state':
      sourceName = src.agency;
      break;
    case 'purchase':
      sourceName = src.vendor;
      break;
  }
  const fillId = uuidv7();
  return {
    detail: { fillId, lineNo: line.line_no, quantity: step.quantity, source: src.kind, sourceName, substitute, orderNumber: step.orderNumber?.trim() || null },
    after: () => {
      c.tx.appendFact('request_fills', {
        id: fillId,
        request_id: c.r.id,
        line_id: line.id,
        event_id: c.eventId,
        kind: 'fill',
        withdraws_fill_id: null,
        source: src.kind,
        quantity: step.quantity,
        inventory_id: inventoryId,
        organisation_id: organisationId,
        agreement_id: agreementId,
        source_name: sourceName,
        supplier_name: step.supplierName?.trim() || null,
        supplier_contact: step.supplierContact?.trim() || null,
        order_number: step.orderNumber?.trim() || null,
        order_placed_by: step.orderPlacedBy ?? null,
        estimated_arrival: step.estimatedArrival ?? null,
        cost_cents: step.costCents ?? null,
        reason: null,
        occurred_at: c.at,
      });
      if (inventoryId) {
        moveStock(c.tx, c.db, {
          inventoryId,
          movement: 'allocate',
          quantity: step.quantity,
          requestId: c.r.id,
          lineId: line.id,
          fillId,
          eventId: c.eventId,
          settlesId: null,
          occurredAt: c.at,
        });
      }
    },
  };
}

function withdrawFill(c: StepContext, step: Extract<Step, { action: 'withdraw_fill' }>) {
  const fill = fillsOf(c.db, c.r.id).find((f) => f.id === step.fillId);
  if (!fill) throw notFound('That source of this request');
  if (fill.withdrawn) throw conflict('That source was already withdrawn');
  const outstanding = allocationsOf(c.db, c.r.id).filter((a) => a.fillId === fill.id && a.outstanding > 0);
  return {
    detail: { fillId: fill.id, quantity: fill.quantity, sourceName: fill.source_name, reason: step.reason },
    after: () => {
      c.tx.appendFact('request_fills', {
        request_id: c.r.id,
        line_id: fill.line_id,
        event_id: c.eventId,
        kind: 'withdrawal',
        withdraws_fill_id: fill.id,
        source: fill.source,
        quantity: fill.quantity,
        inventory_id: fill.inventory_id,
        organisation_id: fill.organisation_id,
        agreement_id: fill.agreement_id,
        source_name: fill.source_name,
        reason: step.reason,
        occurred_at: c.at,
      });
      settle(c, outstanding, 'return');
    },
  };
}

function settle(c: StepContext, allocations: ReturnType<typeof allocationsOf>, movement: 'return' | 'consume', quantities?: Map<string, number>) {
  for (const a of allocations) {
    const q = quantities?.get(a.id) ?? a.outstanding;
    if (q <= 0) continue;
    moveStock(c.tx, c.db, {
      inventoryId: a.inventoryId,
      movement,
      quantity: q,
      requestId: c.r.id,
      lineId: a.lineId,
      fillId: a.fillId,
      eventId: c.eventId,
      settlesId: a.id,
      occurredAt: c.at,
    });
  }
}

/**
 * Without a list, what goes back is every durable item still out; consumables stay allocated
 * and are used up at close. A list can return anything, unused consumables included.
 */
function returnResources(c: StepContext, step: Extract<Step, { action: 'return_resources' }>) {
  const all = allocationsOf(c.db, c.r.id).filter((a) => a.outstanding > 0);
  const consumable = consumableItems(c.db, all.map((a) => a.inventoryId));
  const out = step.returns ? all : all.filter((a) => !consumable.get(a.inventoryId));
  let quantities: Map<string, number> | undefined;
  if (step.returns) {
    quantities = new Map();
    for (const r of step.returns) {
      const a = out.find((x) => x.id === r.allocationId);
      if (!a) throw notFound('That allocation (it may be fully returned already)');
      if (r.quantity > a.outstanding) throw conflict(`Only ${a.outstanding} of that allocation ${a.outstanding === 1 ? 'is' : 'are'} still out; return at most ${a.outstanding}`);
      quantities.set(a.id, (quantities.get(a.id) ?? 0) + r.quantity);
    }
  }
  const returned = out.map((a) => ({ allocationId: a.id, quantity: quantities ? quantities.get(a.id) ?? 0 : a.outstanding })).filter((x) => x.quantity > 0);
  return {
    detail: { returned },
    after: () => settle(c, quantities ? out.filter((a) => quantities!.has(a.id)) : out, 'return', quantities),
  };
}

/** Closing uses up what is still allocated: consumables as used, anything else as written off. */
function closeDetail(c: StepContext) {
  const out = allocationsOf(c.db, c.r.id).filter((a) => a.outstanding > 0);
  const consumable = consumableItems(c.db, out.map((a) => a.inventoryId));
  return {
    detail: {
      consumed: out.filter((a) => consumable.get(a.inventoryId)).map((a) => ({ allocationId: a.id, quantity: a.outstanding })),
      writtenOff: out.filter((a) => !consumable.get(a.inventoryId)).map((a) => ({ allocationId: a.id, quantity: a.outstanding })),
    },
    after: () => settle(c, out, 'consume'),
  };
}

/** Cancelling puts every allocated unit back where it came from. */
function cancelDetail(c: StepContext, reason: string) {
  const out = allocationsOf(c.db, c.r.id).filter((a) => a.outstanding > 0);
  return {
    detail: { reason, returned: out.map((a) => ({ allocationId: a.id, quantity: a.outstanding })) },
    after: () => settle(c, out, 'return'),
  };
}

function consumableItems(db: Db, ids: string[]): Map<string, boolean> {
  const rows = db.prepare('SELECT id, consumable FROM inventory WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string; consumable: number }[];
  return new Map(rows.map((r) => [r.id, r.consumable === 1]));
}
