import { XMLBuilder } from 'fast-xml-parser';
import { DEPLOYMENT_STATUS_URN, RM_MSG_NS, RM_NS, RULES, type RmMessageType, UNIT_URN } from './rm-schema';

/**
 * An EDXL-RM message in our terms, and its XML. The writer emits elements in schema
 * order and drops what the message type does not allow, so every export validates.
 * Elements declared in the message schemas are unprefixed (message namespace); the
 * contents of common types are in the RM namespace, prefixed rm: (elementFormDefault).
 */
export interface RmSchedule {
  type: string;
  at?: number | null;
  location?: string | null;
}

export interface RmResourceInfo {
  elementId: string;
  response?: { precedingElementId: string; type: 'Accept' | 'Decline' | 'Provisional'; reason?: string | null };
  resource?: {
    id?: string | null;
    name?: string | null;
    typeList?: { urn: string; values: string[] } | null;
    description?: string | null;
    owner?: string | null;
    deploymentStatus?: string | null;
    /** Free text the schema carries as SpecialRequirements: the 213 RR's suitable substitutes. */
    specialRequirements?: string | null;
  };
  quantity?: { amount: number; unit?: string | null } | null;
  orderId?: string | null;
  schedules?: RmSchedule[];
}

export interface RmMessage {
  type: RmMessageType;
  messageId: string;
  sentAt: number;
  description?: string | null;
  originatingId: string;
  precedingId?: string | null;
  incident?: { id: string; description: string } | null;
  recall?: { messageId: string; type: 'Update' | 'Cancel' } | null;
  /** Funding information (the request's estimated cost), where the message type has it. */
  funding?: string | null;
  contacts: { description: string; role: string }[];
  resources: RmResourceInfo[];
}

export const xmlDateTime = (t: number) => `${new Date(t).toISOString().slice(0, 19)}Z`;
const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

type Node = Record<string, unknown>;

function valueList(urn: string, values: string[]): Node {
  return { 'rm:ValueListURN': urn, 'rm:Value': values };
}

function resourceInfo(m: RmMessage, r: RmResourceInfo): Node {
  const rules = RULES[m.type];
  const n: Node = { ResourceInfoElementID: r.elementId };
  if (r.response) {
    n.ResponseInformation = {
      'rm:PrecedingResourceInfoElementID': r.response.precedingElementId,
      'rm:ResponseType': r.response.type,
      ...(has(r.response.reason) ? { 'rm:ResponseReason': r.response.reason } : {}),
    };
  }
  const res = r.resource;
  if (res || rules.resourceRequired) {
    const x: Node = {};
    if (has(res?.id)) x.ResourceID = res.id;
    if (has(res?.name)) x.Name = res.name;
    if (res?.typeList) x.TypeStructure = valueList(res.typeList.urn, res.typeList.values);
    if (has(res?.description)) x.Description = res.description;
    if (has(res?.specialRequirements)) x.SpecialRequirements = res.specialRequirements;
    if (rules.ownershipAllowed && has(res?.owner)) x.OwnershipInformation = { 'rm:Owner': res.owner };
    if (rules.ownershipAllowed && has(res?.deploymentStatus)) x.ResourceStatus = { DeploymentStatus: valueList(DEPLOYMENT_STATUS_URN, [res.deploymentStatus]) };
    // The schemas ask for at least one of ResourceID, Name, TypeStructure.
    if (!x.ResourceID && !x.Name && !x.TypeStructure) x.Name = 'Resource';
    n.Resource = x;
  }
  if (r.quantity || (r.orderId && rules.orderIdAllowed)) {
    const a: Node = {};
    if (r.quantity) {
      a.Quantity = {
        'rm:MeasuredQuantity': { 'rm:Amount': r.quantity.amount, ...(has(r.quantity.unit) ? { 'rm:UnitOfMeasure': valueList(UNIT_URN, [r.quantity.unit]) } : {}) },
      };
    }
    if (rules.orderIdAllowed && has(r.orderId)) a.OrderID = r.orderId;
    if (!rules.quantityRequired || a.Quantity) n.AssignmentInformation = a;
  }
  const schedules = (r.schedules ?? []).filter((s) => rules.scheduleTypes.includes(s.type) && ((s.at ?? null) !== null || has(s.location)));
  if (schedules.length) {
    n.ScheduleInformation = schedules.map((s) => ({
      ScheduleType: s.type,
      ...(s.at != null ? { DateTime: xmlDateTime(s.at) } : {}),
      ...(has(s.location) ? { Location: { 'rm:LocationDescription': s.location } } : {}),
    }));
  }
  return n;
}

export function messageNode(m: RmMessage): Node {
  const root: Node = {
    '@_xmlns': RM_MSG_NS,
    '@_xmlns:rm': RM_NS,
    MessageID: m.messageId,
    SentDateTime: xmlDateTime(m.sentAt),
    MessageContentType: m.type,
  };
  if (has(m.description)) root.MessageDescription = m.description;
  root.OriginatingMessageID = m.originatingId;
  if (has(m.precedingId)) root.PrecedingMessageID = m.precedingId;
  if (m.incident) root.IncidentInformation = { 'rm:IncidentID': m.incident.id, 'rm:IncidentDescription': m.incident.description };
  if (m.recall) root.MessageRecall = { 'rm:RecallMessageID': m.recall.messageId, 'rm:RecallType': m.recall.type };
  if (has(m.funding)) root.Funding = { 'rm:FundingInfo': m.funding };
  root.ContactInformation = m.contacts.map((c) => ({ 'rm:ContactDescription': c.description, 'rm:ContactRole': c.role }));
  root.ResourceInformation = m.resources.map((r) => resourceInfo(m, r));
  return { [m.type]: root };
}

export const messageXml = (m: RmMessage): string => build(messageNode(m));

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, indentBy: '  ' });

export function build(doc: Node): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(doc) as string}`;
}

