import type { EdxlMessage, RequestDetail, RequestEvent } from '../../../../shared/contract';
import { CATALOG_URN, catalogKind, typeForExchange } from '../../../../shared/domain/nims';
import { PRIORITY_LABELS } from '../../../../shared/domain/request-state';
import { type RmMessage, type RmResourceInfo, messageXml, messageNode, build, xmlDateTime } from './rm-build';
import { DE_NS, LOCAL_KIND_URN, type RmMessageType } from './rm-schema';
import { descriptionMarks, envelopeMarks } from './de-marks';
import { DEMO_MARK } from '../export/marks';

/**
 * A request's events as EDXL-RM 1.0 messages (standards reference §5.4 "213RR mapping"):
 * submit -> RequestResource (a resubmission updates it; cancel recalls it), deny and each
 * sourcing fill -> ResponseToRequestResource, finance approval (the order placed) ->
 * CommitResource, en route / received / assigned / returned -> ReportResourceDeploymentStatus,
 * release (demobilization) -> ReleaseResource. Internal steps (approval, resource check,
 * sending to finance) are not messages between organisations and are not exported.
 */
const msgId = (eventId: string) => `urn:uuid:${eventId}`;
const lineElementId = (lineId: string) => `line-${lineId}`;

function typeList(kind: string, type: string | null) {
  const values = [catalogKind(kind)?.kind ?? kind, ...(type ? [typeForExchange(type)] : [])];
  return { urn: catalogKind(kind) ? CATALOG_URN : LOCAL_KIND_URN, values };
}

export interface ExportContext {
  request: RequestDetail;
  events: RequestEvent[];
  coalitionName: string;
  /** The demonstration coalition: every message and the envelope say DEMO DATA. */
  demo: boolean;
}

export interface Exported {
  message: EdxlMessage;
  node: Record<string, unknown>;
}

export function exportMessages(c: ExportContext, onlyEvent?: string): Exported[] {
  const r = c.request;
  // The demo mark first, before even DRAFT: nothing about a demo message is real.
  const demo = c.demo ? `${DEMO_MARK}. ` : '';
  const exercise = r.exercise ? 'EXERCISE. ' : '';
  const incident = { id: r.incidentId, description: `${r.incidentName ?? 'Incident'}${r.exercise ? ' (EXERCISE)' : ''}${c.demo ? ' (DEMO DATA)' : ''}` };
  const requester = {
    description: `${r.requestedByName}${r.requestedByPosition ? `, ${r.requestedByPosition}` : ''}, ${r.requestingOrganisation.name}${r.requestedByContact ? `, ${r.requestedByContact}` : ''}`,
    role: 'Requester',
  };
  const sender = (e: RequestEvent) => ({
    description: `${e.operatorName ?? 'Unattributed'}${e.positionTitle ? `, ${e.positionTitle}` : ''}, ${c.coalitionName}`,
    role: 'Sender',
  });
  const fills = new Map(r.lines.flatMap((l) => l.fills.map((f) => [f.id, { fill: f, line: l }] as const)));
  const active = r.lines.flatMap((l) => l.fills.filter((f) => !f.withdrawn).map((f) => ({ fill: f, line: l })));
  const unit = (l: RequestDetail['lines'][number]) => l.unit ?? catalogKind(l.kind)?.unit ?? 'each';

  const out: Exported[] = [];
  // Every message's place in the whole exchange: a step exported alone keeps its number.
  let seq = 0;
  let originating: string | null = null;
  let preceding: string | null = null;
  let lastRequest: string | null = null;

  let draft = false;
  const emit = (e: RequestEvent, type: RmMessageType, body: Pick<RmMessage, 'resources'> & Partial<RmMessage>) => {
    const id = msgId(e.id);
    const { notes, ...rest } = body as typeof body & { notes?: string | null };
    body = rest;
    const m: RmMessage = {
      type,
      messageId: id,
      sentAt: e.occurredAt,
      description: `${demo}${draft ? 'DRAFT, not submitted: for review before it is sent. ' : ''}${exercise}ICS 213RR ${r.number}, priority: ${PRIORITY_LABELS[r.priority]}. ${e.summary}${notes ? `. Notes: ${notes}` : ''}`,
      originatingId: originating ?? id,
      precedingId: type === 'RequestResource' ? null : preceding,
      incident,
      contacts: [sender(e), requester],
      ...body,
    };
    // The schemas require at least one ResourceInformation: a step with nothing to report is not sent.
    if (!m.resources.length) return m;
    seq++;
    if (!onlyEvent || onlyEvent === e.id) {
      const fileName = stepFileName(r, seq, e.action, type, draft);
      out.push({ message: { messageId: id, messageType: type, eventId: e.id, action: e.action, sentAt: e.occurredAt, fileName, xml: messageXml(m) }, node: messageNode(m) });
    }
    preceding = id;
    return m;
  };
  const substitutes = r.substitutes?.trim() ? `Suitable substitutes and/or suggested sources: ${r.substitutes.trim()}` : null;
  const requested = (): RmResourceInfo[] =>
    r.lines.map((l) => ({
      elementId: lineElementId(l.id),
      resource: { name: `${l.kind}${l.type ? ` ${typeForExchange(l.type)}` : ''}`, typeList: typeList(l.kind, l.type), description: l.description, specialRequirements: substitutes },
      quantity: { amount: l.quantity, unit: unit(l) },
      schedules: [
        { type: 'RequestedArrival', at: l.requestedArrival },
        { type: 'ReportTo', location: r.deliveryLocation },
      ],
    }));
  const perFill = (deploymentStatus: string | null, schedule: (e: RequestEvent) => RmResourceInfo['schedules'], withResponse = false) => (e: RequestEvent) =>
    active.map(({ fill, line }) => ({
      elementId: `fill-${fill.id}`,
      ...(withResponse ? { response: { precedingElementId: lineElementId(line.id), type: 'Accept' as const } } : {}),
      resource: { name: fill.sourceName, typeList: typeList(line.kind, line.type), owner: fill.sourceName, deploymentStatus },
      quantity: { amount: fill.quantity, unit: unit(line) },
      orderId: fill.orderNumber,
      schedules: schedule(e),
    }));

  const lineFilled = new Map<string, number>();
  for (const e of c.events) {
    switch (e.action) {
      case 'withdraw_fill': {
        const f = fills.get(String(e.detail.fillId));
        if (f) lineFilled.set(f.line.id, (lineFilled.get(f.line.id) ?? 0) - f.fill.quantity);
        break;
      }
      case 'submit': {
        const m = emit(e, 'RequestResource', {
          ...requestExtras(r),
          resources: requested(),
          recall: lastRequest ? { messageId: lastRequest, type: 'Update' } : null,
        });
        originating ??= m.messageId;
        lastRequest = m.messageId;
        break;
      }
      case 'cancel':
        if (lastRequest) emit(e, 'RequestResource', { ...requestExtras(r), resources: requested(), recall: { messageId: lastRequest, type: 'Cancel' } });
        break;
      case 'deny':
        emit(e, 'ResponseToRequestResource', {
          resources: r.lines.map((l) => ({
            elementId: `deny-${l.id}`,
            response: { precedingElementId: lineElementId(l.id), type: 'Decline', reason: String(e.detail.reason ?? '') },
          })),
        });
        break;
      case 'source': {
        const f = fills.get(String(e.detail.fillId));
        if (!f) break;
        const filledAfter = (lineFilled.get(f.line.id) ?? 0) + f.fill.quantity;
        lineFilled.set(f.line.id, filledAfter);
        const partial = filledAfter < f.line.quantity;
        emit(e, 'ResponseToRequestResource', {
          resources: [
            {
              elementId: `fill-${f.fill.id}`,
              // A partial fill is provisional: the rest of the line is still being found.
              response: {
                precedingElementId: lineElementId(f.line.id),
                type: partial ? 'Provisional' : 'Accept',
                reason: partial ? `Partial fill: ${f.fill.quantity} from this source, ${filledAfter} of ${f.line.quantity} sourced so far` : null,
              },
              resource: { name: f.fill.sourceName, typeList: typeList(f.line.kind, f.line.type), owner: f.fill.sourceName },
              quantity: { amount: f.fill.quantity, unit: unit(f.line) },
              schedules: [{ type: 'EstimatedArrival', at: f.fill.estimatedArrival }],
            },
          ],
        });
        break;
      }
      case 'finance_approve':
        emit(e, 'CommitResource', { resources: perFill(null, (ev) => [{ type: 'Committed', at: ev.occurredAt }], true)(e) });
        break;
      case 'mark_en_route':
        emit(e, 'ReportResourceDeploymentStatus', { resources: perFill('EnRoute', (ev) => [{ type: 'EstimatedArrival', at: Number(ev.detail.eta) }])(e) });
        break;
      case 'receive':
        emit(e, 'ReportResourceDeploymentStatus', { resources: perFill('Arrived', (ev) => [{ type: 'ActualArrival', at: ev.occurredAt }])(e) });
        break;
      case 'assign':
        emit(e, 'ReportResourceDeploymentStatus', { resources: perFill('Assigned', (ev) => [{ type: 'Current', at: ev.occurredAt, location: String(ev.detail.assignedTo ?? '') }])(e) });
        break;
      case 'release':
        emit(e, 'ReleaseResource', { resources: perFill('Released', (ev) => [{ type: 'ActualReturnDeparture', at: ev.occurredAt }])(e) });
        break;
      case 'return_resources':
        emit(e, 'ReportResourceDeploymentStatus', { resources: perFill('Returned', (ev) => [{ type: 'ActualReturnArrival', at: ev.occurredAt }])(e) });
        break;
    }
  }
  // A draft (never submitted) has no message yet; it exports as the RequestResource it would
  // send, marked DRAFT, so a partner can review it or another console import it.
  if (lastRequest === null && (r.status === 'draft' || r.status === 'changes_requested')) {
    const last = [...c.events].reverse().find((e) => e.action === 'edit' || e.action === 'create' || e.action === 'import' || e.action === 'return_for_changes');
    if (last) {
      draft = true;
      emit(last, 'RequestResource', { ...requestExtras(r), resources: requested() });
    }
  }
  return out;
}

const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * What the RequestResource schema has no element of its own for: the estimated cost goes
 * in Funding (FundingInfo, per line and in total), the notes after the description.
 */
function requestExtras(r: RequestDetail): Pick<RmMessage, 'funding'> & { notes: string | null } {
  const priced = r.lines.filter((l) => l.costCents !== null);
  const total = priced.reduce((s, l) => s + l.costCents!, 0);
  const funding = priced.length
    ? `Estimated cost ${money(total)}: ${priced.map((l) => `line ${l.lineNo} (${l.kind}) ${money(l.costCents!)}`).join('; ')}`
    : null;
  return { funding, notes: r.notes?.trim() || null };
}

/** "WS1-RR-0001-03-source-ResponseToRequestResource.xml": the request, the step's place, the step, the message. */
function stepFileName(r: RequestDetail, seq: number, action: string, type: RmMessageType, draft: boolean): string {
  return `${r.number}-${draft ? 'DRAFT' : String(seq).padStart(2, '0')}-${action.replace(/_/g, '-')}-${type}${r.exercise ? '-EXERCISE' : ''}.xml`;
}

/**
 * Every message in one EDXL-DE 1.0 distribution envelope; an exercise (Exercise) or the
 * demonstration coalition (Test) says so in distributionStatus, a keyword and each content's description.
 */
export function envelopeXml(c: ExportContext, xmlNodes: Record<string, unknown>[], sentAt: number, senderId: string): string {
  const r = c.request;
  const marks = envelopeMarks({ exercise: r.exercise, demo: c.demo });
  return build({
    EDXLDistribution: {
      '@_xmlns': DE_NS,
      distributionID: `urn:uuid:${r.id}:${sentAt}`,
      senderID: senderId,
      dateTimeSent: xmlDateTime(sentAt),
      distributionStatus: marks.distributionStatus,
      distributionType: 'Report',
      combinedConfidentiality: 'UNCLASSIFIED AND NOT SENSITIVE',
      language: 'en-US',
      ...(marks.keyword ? { keyword: marks.keyword } : {}),
      contentObject: xmlNodes.map((node) => ({
        contentDescription: `${descriptionMarks({ exercise: r.exercise, demo: c.demo })}ICS 213RR ${r.number}: ${Object.keys(node)[0]}`,
        incidentID: r.incidentId,
        incidentDescription: r.incidentName ?? '',
        xmlContent: { embeddedXMLContent: node },
      })),
    },
  });
}

