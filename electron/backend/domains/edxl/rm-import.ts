import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { findForbiddenCharacter, forbiddenCharacterMessage, lineInput, type LineInput } from '../../../../shared/contract';
import { PRIORITIES, type Priority } from '../../../../shared/domain/request-state';
import { invalid } from '../../errors';

/**
 * Reads an EDXL-RM RequestResource (bare or in an EDXL-DE envelope) into the fields of a
 * draft request. Hostile input is refused before parsing: any DOCTYPE or entity
 * declaration (no DTD is ever read, so no entity expansion or external fetch can happen),
 * and the size is bounded by the contract. The parser itself never expands entities.
 */
export interface ImportedRequest {
  messageId: string;
  incidentDescription: string | null;
  exerciseInEnvelope: boolean | null;
  requesterDescription: string | null;
  priority: Priority | null;
  deliveryLocation: string | null;
  lines: LineInput[];
  warnings: string[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['ResourceInformation', 'ContactInformation', 'ScheduleInformation', 'Value', 'contentObject', 'IncidentInformation'].includes(name),
});

type Node = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const obj = (v: unknown): Node | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null);
const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v.filter((x) => obj(x)) as Node[]) : obj(v) ? [v as Node] : []);

/**
 * An imported message passes the same text rule as a typed field (see cleanString in
 * shared/contract/define.ts): a control or bidi character anywhere in it, literal or as a
 * character reference, refuses the message and names the element and the character.
 */
function refuseForbiddenText(node: unknown, where: readonly string[]): void {
  if (typeof node === 'string') {
    const found = findForbiddenCharacter(node);
    // The element and its parent (Resource/Name) say where to look without the whole path.
    const name = where.filter((w) => w !== '#text').slice(-2).join('/');
    if (found) throw invalid(`${forbiddenCharacterMessage(`The message's ${name}`, found)}; nothing was imported`);
  } else if (Array.isArray(node)) node.forEach((n) => refuseForbiddenText(n, where));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) refuseForbiddenText(v, [...where, k]);
  }
}

export function parseRequestResource(xml: string): ImportedRequest {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw invalid('The message contains a DOCTYPE or entity declaration, which the console refuses for safety; export it again without one');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid(`The message is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const doc = parser.parse(xml) as Node;
  refuseForbiddenText(doc, []);

  let msg = obj(doc.RequestResource);
  let exercise: boolean | null = null;
  const de = obj(doc.EDXLDistribution);
  if (!msg && de) {
    exercise = str(de.distributionStatus) === 'Exercise';
    for (const co of arr(de.contentObject)) {
      const embedded = obj(obj(co.xmlContent)?.embeddedXMLContent);
      if (embedded && obj(embedded.RequestResource)) {
        msg = obj(embedded.RequestResource);
        break;
      }
    }
  }
  if (!msg) {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
    throw invalid(`This is ${root === 'nothing' ? 'not an EDXL-RM message' : `a ${root} message`}; only an EDXL-RM RequestResource can be imported as a request`);
  }
  if (str(msg.MessageContentType) !== 'RequestResource') throw invalid('The message does not say MessageContentType RequestResource; it cannot be imported as a request');
  const messageId = str(msg.MessageID);
  if (!messageId) throw invalid('The message has no MessageID');
  if (obj(msg.MessageRecall)) throw invalid('The message recalls an earlier one (MessageRecall); import the original request instead');

  const warnings: string[] = [];
  const desc = str(msg.MessageDescription) ?? '';
  const pm = /priority:\s*(urgent|routine|low)/i.exec(desc);
  const priority = pm ? (pm[1]!.toLowerCase() as Priority) : null;
  if (!priority) warnings.push(`The message gives no priority; set one (${PRIORITIES.join(', ')}) before submitting. Routine was assumed`);

  const contacts = arr(msg.ContactInformation);
  const requester = contacts.find((c) => str(c.ContactRole) === 'Requester') ?? contacts[0];
  const incident = arr(msg.IncidentInformation)[0];

  const infos = arr(msg.ResourceInformation);
  if (infos.length > 40) throw invalid(`The message asks for ${infos.length} resources; a request has at most 40 lines. Split the message`);
  let delivery: string | null = null;
  const lines: LineInput[] = infos.map((ri, i) => {
    const res = obj(ri.Resource) ?? {};
    const values = (obj(res.TypeStructure)?.Value as unknown[] | undefined)?.map(str).filter((v): v is string => !!v) ?? [];
    const typeValue = values.find((v) => /^type\s+\S/i.test(v));
    const kind = values.find((v) => v !== typeValue) ?? str(res.Name) ?? str(res.ResourceID);
    const mq = obj(obj(obj(ri.AssignmentInformation)?.Quantity)?.MeasuredQuantity);
    const qText = str(obj(obj(ri.AssignmentInformation)?.Quantity)?.QuantityText);
    let quantity = Number(str(mq?.Amount) ?? (qText ? /\d+/.exec(qText)?.[0] : undefined));
    if (!Number.isInteger(quantity) || quantity < 1) {
      warnings.push(`Resource ${i + 1} gives no whole quantity; 1 was assumed`);
      quantity = 1;
    }
    const unitValues = obj(mq?.UnitOfMeasure)?.Value as unknown[] | undefined;
    let requestedArrival: number | null = null;
    for (const s of arr(ri.ScheduleInformation)) {
      const type = str(s.ScheduleType);
      const at = str(s.DateTime);
      if (type === 'RequestedArrival' && at) {
        const t = Date.parse(at);
        if (Number.isFinite(t)) requestedArrival = t;
        else warnings.push(`Resource ${i + 1}: the requested arrival "${at}" is not a date and time; it was left out`);
      }
      const where = str(obj(s.Location)?.LocationDescription);
      if (type === 'ReportTo' && where && !delivery) delivery = where;
    }
    const description = str(res.Description);
    const line = {
      quantity,
      unit: unitValues ? str(unitValues[0]) : null,
      kind: (kind ?? `Resource ${i + 1}`).slice(0, 120),
      type: typeValue ? typeValue.replace(/^type\s+/i, '').slice(0, 40) : null,
      description: description ? description.slice(0, 1000) : null,
      requestedArrival,
    };
    if (!kind) warnings.push(`Resource ${i + 1} has no name or type; it was called "${line.kind}"`);
    if (description && description.length > 1000) warnings.push(`Resource ${i + 1}: the description was cut to 1000 characters`);
    const parsed = lineInput.safeParse(line);
    if (!parsed.success) throw invalid(`Resource ${i + 1} cannot become a request line: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return line;
  });
  if (!delivery) warnings.push('The message gives no delivery location (ScheduleType ReportTo); fill in block 5 before submitting');
  return {
    messageId,
    incidentDescription: incident ? str(incident.IncidentDescription) ?? str(incident.IncidentID) : null,
    exerciseInEnvelope: exercise,
    requesterDescription: requester ? str(requester.ContactDescription) : null,
    priority,
    deliveryLocation: delivery,
    lines,
    warnings,
  };
}
