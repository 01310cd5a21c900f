import { XMLBuilder } from 'fast-xml-parser';

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

/** CAP times: no fractional seconds and a numeric offset; UTC is written -00:00, never Z (CAP 1.2 §3.3.2). */
export const capTime = (ms: number) => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}-00:00`;

export interface CapMessage {
  identifier: string;
  sender: string;
  sent: number;
  status: string;
  msgType: string;
  scope: 'Public';
  note?: string | null;
  /** "sender,identifier,sent" of each alert referred to. */
  references?: string[];
  incidents?: string | null;
  info: {
    language: string;
    categories: string[];
    event: string;
    responseTypes: string[];
    urgency: string;
    severity: string;
    certainty: string;
    effective: number;
    expires: number;
    senderName?: string | null;
    headline: string;
    description: string;
    instruction: string;
    web?: string | null;
    contact?: string | null;
    area: { areaDesc: string; geocodes: { valueName: string; value: string }[] };
  };
}

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, indentBy: '  ' });

/**
 * The CAP 1.2 alert as XML. Keys are written in the schema's sequence order (the object's
 * insertion order is the element order), optional elements only when they have a value.
 */
export function buildCap(m: CapMessage): string {
  const i = m.info;
  const info: Record<string, unknown> = {
    language: i.language,
    category: i.categories,
    event: i.event,
    ...(i.responseTypes.length ? { responseType: i.responseTypes } : {}),
    urgency: i.urgency,
    severity: i.severity,
    certainty: i.certainty,
    effective: capTime(i.effective),
    expires: capTime(i.expires),
    ...(has(i.senderName) ? { senderName: i.senderName } : {}),
    headline: i.headline,
    description: i.description,
    instruction: i.instruction,
    ...(has(i.web) ? { web: i.web } : {}),
    ...(has(i.contact) ? { contact: i.contact } : {}),
    area: {
      areaDesc: i.area.areaDesc,
      ...(i.area.geocodes.length ? { geocode: i.area.geocodes.map((g) => ({ valueName: g.valueName, value: g.value })) } : {}),
    },
  };
  const alert: Record<string, unknown> = {
    '@_xmlns': CAP_NS,
    identifier: m.identifier,
    sender: m.sender,
    sent: capTime(m.sent),
    status: m.status,
    msgType: m.msgType,
    scope: m.scope,
    ...(has(m.note) ? { note: m.note } : {}),
    ...(m.references?.length ? { references: m.references.join(' ') } : {}),
    ...(has(m.incidents) ? { incidents: m.incidents } : {}),
    info,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ alert }) as string}`;
}
