import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { findForbiddenCharacter, forbiddenCharacterMessage, lineInput, type LineInput } from '../../../../shared/contract';
import { PRIORITIES, type Priority } from '../../../../shared/domain/request-state';
import { invalid } from '../../errors';
import { fundingOf, notesOf, substitutesOf } from './rm-import-extras';

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
  /** The envelope's distributionStatus as written (Actual, Exercise, System, Test), or null without an envelope. */
  envelopeStatus: string | null;
  requesterDescription: string | null;
  /** The requester as the message's structured party details (xPIL/xNL) or its description give them. */
  requester: { name: string | null; position: string | null; organisation: string | null; contact: string | null };
  /** The message calls itself an exercise in its own words (outside any envelope). */
  saysExercise: boolean;
  priority: Priority | null;
  deliveryLocation: string | null;
  /** Block 6, from the resources' SpecialRequirements. */
  substitutes: string | null;
  /** The sender's notes (and any funding text not in the console's form), without the import's own provenance. */
  notes: string | null;
  lines: LineInput[];
  warnings: string[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'ResourceInformation', 'ContactInformation', 'ScheduleInformation', 'Value', 'contentObject', 'IncidentInformation', 'Keyword',
      'NameElement', 'PersonName', 'OrganisationName', 'ContactNumber', 'ContactNumberElement', 'ElectronicAddressIdentifier',
    ].includes(name),
});

/**
 * The parser expands no entity (a hostile message could otherwise grow without bound), so
 * text keeps XML's own escapes: `&amp;` is read back here as "&", numeric references too.
 */
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(v: string): string {
  return v.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
    if (e[0] !== '#') return PREDEFINED[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** EDXL times are xsd:dateTime; one without a zone is UTC by the standard's convention. */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Priority words other systems put in a resource's keywords. */
function priorityOfKeyword(v: string): Priority | null {
  if (/^(urgent|emergency|immediate|priority\s*1|p1)$/i.test(v)) return 'urgent';
  if (/^(routine|priority\s*2|p2)$/i.test(v)) return 'routine';
  if (/^(low|priority\s*3|p3)$/i.test(v)) return 'low';
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{7,}(\s*(x|ext\.?)\s*\d+)?$/i;

type Node = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? unescapeXml(v.trim()) : typeof v === 'number' ? String(v) : null);
const obj = (v: unknown): Node | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null);
const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v.filter((x) => obj(x)) as Node[]) : obj(v) ? [v as Node] : []);
/** Text of every element named `name` (or the value itself) in a list. */
const texts = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => str(obj(x)?.['#text'] ?? x)).filter((x): x is string => !!x);
/** Joined NameElements of xNL PersonName or OrganisationName nodes. */
const nameOf = (v: unknown): string | null => arr(v).map((n) => texts(n.NameElement).join(' ')).find((x) => x) ?? null;

/** The requester from xPIL party details where given, else from the description's comma-separated parts. */
function requesterOf(c: Node | undefined): ImportedRequest['requester'] {
  const none = { name: null, position: null, organisation: null, contact: null };
  if (!c) return none;
  const party = obj(c.AdditionalContactInformation);
  const parts = (str(c.ContactDescription) ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const contactParts = parts.filter((x) => EMAIL.test(x) || PHONE.test(x));
  const words = parts.filter((x) => !contactParts.includes(x));
  const structured = party
    ? {
        name: nameOf(obj(party.PartyName)?.PersonName),
        organisation: nameOf(obj(party.PartyName)?.OrganisationName),
        contact: [
          ...arr(obj(party.ContactNumbers)?.ContactNumber).map((n) => texts(n.ContactNumberElement).join(' ')),
          ...texts(obj(party.ElectronicAddressIdentifiers)?.ElectronicAddressIdentifier),
        ].filter(Boolean).join(', ') || null,
      }
    : { name: null, organisation: null, contact: null };
  return {
    name: structured.name ?? words[0] ?? null,
    position: words.length > 2 || (words.length === 2 && !structured.organisation) ? (words[1] ?? null) : null,
    organisation: structured.organisation ?? (words.length >= 2 ? words[words.length - 1]! : null),
    contact: structured.contact ?? (contactParts.join(', ') || null),
  };
}

/**
 * A place as words: the description, else a structured address (xAL lines, locality, area,
 * postcode), else coordinates (a GML point), as other systems write them.
 */
function locationOf(loc: Node | null): string | null {
  if (!loc) return null;
  const described = str(loc.LocationDescription);
  if (described) return described;
  const address = obj(loc.Address);
  if (address) {
    const flat = (n: unknown): string[] => (n === null || n === undefined ? [] : typeof n !== 'object' ? [str(n)].filter((x): x is string => !!x) : Array.isArray(n) ? n.flatMap(flat) : Object.entries(n as Node).filter(([k]) => !k.startsWith('@')).flatMap(([, v]) => flat(v)));
    const words = flat(address).join(', ');
    if (words) return words;
  }
  const pos = str(obj(obj(loc.TargetArea)?.Point)?.pos);
  if (pos) {
    const [lat, lon] = pos.split(/\s+/).map(Number);
    if (Number.isFinite(lat) && Number.isFinite(lon)) return `${lat!.toFixed(5)}, ${lon!.toFixed(5)} (coordinates from the message)`;
  }
  return null;
}

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
  let envelopeStatus: string | null = null;
  const de = obj(doc.EDXLDistribution);
  if (!msg && de) {
    envelopeStatus = str(de.distributionStatus) ?? null;
    // Test is how the demonstration coalition's requests go out: no more real than an exercise.
    exercise = ['Exercise', 'Test'].includes(envelopeStatus ?? '');
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
  const keywordPriority = arr(msg.ResourceInformation)
    .flatMap((ri) => arr(obj(ri.Resource)?.Keyword))
    .flatMap((k) => texts(k.Value))
    .map(priorityOfKeyword)
    .find((p) => p);
  const priority = pm ? (pm[1]!.toLowerCase() as Priority) : keywordPriority ?? null;
  if (!priority) warnings.push(`The message gives no priority; set one (${PRIORITIES.join(', ')}) before submitting. Routine was assumed`);

  const contacts = arr(msg.ContactInformation);
  const requester = contacts.find((c) => str(c.ContactRole) === 'Requester') ?? contacts[0];
  const incident = arr(msg.IncidentInformation)[0];

  const infos = arr(msg.ResourceInformation);
  if (!infos.some((ri) => obj(ri.Resource))) throw invalid('The message asks for no resource (no ResourceInformation with a Resource); nothing was imported');
  if (infos.length > 40) throw invalid(`The message asks for ${infos.length} resources; a request has at most 40 lines. Split the message`);
  let delivery: string | null = null;
  const refused: string[] = [];
  const lines: (LineInput | null)[] = infos.map((ri, i): LineInput | null => {
    const res = obj(ri.Resource);
    if (!res) {
      refused.push(`Resource ${i + 1} names no resource`);
      return null;
    }
    const values = (obj(res.TypeStructure)?.Value as unknown[] | undefined)?.map(str).filter((v): v is string => !!v) ?? [];
    const typeValue = values.find((v) => /^type\s+\S/i.test(v));
    const kind = values.find((v) => v !== typeValue) ?? str(res.Name) ?? str(res.ResourceID);
    const mq = obj(obj(obj(ri.AssignmentInformation)?.Quantity)?.MeasuredQuantity);
    const qText = str(obj(obj(ri.AssignmentInformation)?.Quantity)?.QuantityText);
    const amount = str(mq?.Amount) ?? (qText ? /^\s*(\d+)\b/.exec(qText)?.[1] ?? null : null);
    const quantity = amount !== null && /^\d+$/.test(amount) ? Number(amount) : NaN;
    if (!Number.isInteger(quantity) || quantity < 1) {
      refused.push(`Resource ${i + 1} (${kind ?? 'unnamed'}) gives no whole quantity${amount ? ` ("${amount}")` : qText ? ` ("${qText.slice(0, 40)}")` : ''}`);
      return null;
    }
    const unitValues = obj(mq?.UnitOfMeasure)?.Value as unknown[] | undefined;
    let requestedArrival: number | null = null;
    for (const s of arr(ri.ScheduleInformation)) {
      const type = str(s.ScheduleType);
      const at = str(s.DateTime);
      if (type === 'RequestedArrival' && at) {
        const zoned = HAS_ZONE.test(at);
        const t = Date.parse(zoned || !/T\d/.test(at) ? at : `${at}Z`);
        if (Number.isFinite(t)) {
          requestedArrival = t;
          if (!zoned) warnings.push(`Resource ${i + 1}: the requested arrival "${at}" gives no time zone; it was read as UTC, as EDXL-RM says`);
        } else warnings.push(`Resource ${i + 1}: the requested arrival "${at}" is not a date and time; it was left out`);
      }
      const where = locationOf(obj(s.Location));
      if (type === 'ReportTo' && where && !delivery) delivery = where;
    }
    const description = str(res.Description);
    const line: LineInput = {
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
  if (refused.length) throw invalid(`${refused.join('; ')}. Nothing was imported: correct the message and import it again`);
  const funding = fundingOf(str(obj(msg.Funding)?.FundingInfo), infos.length);
  for (const [at, costCents] of funding.costs) lines[at]!.costCents = costCents;
  if (funding.unread) warnings.push(`The message's funding ("${funding.unread.slice(0, 80)}") gives no cost per line the console can read; it was kept in the notes`);
  const substitutes = substitutesOf(infos.map((ri) => str(obj(ri.Resource)?.SpecialRequirements)));
  if (substitutes && substitutes.length > 2000) warnings.push('The suitable substitutes (SpecialRequirements) were cut to 2000 characters');
  const notes = [notesOf(desc || null).notes, funding.unread ? `Funding: ${funding.unread}` : null].filter(Boolean).join('\n\n') || null;
  if (!delivery) warnings.push('The message gives no delivery location (ScheduleType ReportTo); fill in block 5 before submitting');
  return {
    messageId,
    incidentDescription: incident ? str(incident.IncidentDescription) ?? str(incident.IncidentID) : null,
    exerciseInEnvelope: exercise,
    envelopeStatus,
    requesterDescription: requester ? str(requester.ContactDescription) : null,
    requester: requesterOf(requester),
    saysExercise: /\bexercise\b/i.test([desc, incident ? str(incident.IncidentDescription) ?? '' : '', incident ? str(incident.IncidentID) ?? '' : ''].join(' ')),
    priority,
    deliveryLocation: delivery,
    substitutes: substitutes?.slice(0, 2000) ?? null,
    notes,
    lines: lines.filter((l): l is LineInput => l !== null),
    warnings,
  };
}
