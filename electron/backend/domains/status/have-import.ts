import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Db } from '../../db/open';
import { invalid } from '../../errors';
import { statusTypes } from './catalogue';
import { bedField, EMS_TRAFFIC, EOC_STATUS, FACILITY_STATUS, HAVE_NS, invert } from './have-map';
import type { ImportCandidate, ImportDocument } from './import-types';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: false,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => /(^|:)(Hospital|BedCapacity|contentObject|NameElement|OrganisationName|BedType)$/.test(name),
});

const local = (k: string) => k.slice(k.indexOf(':') + 1);
const obj = (v: unknown): Node | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null);
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Node => !!x) : obj(v) ? [v as Node] : []);
const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  const o = obj(v);
  return o && typeof o['#text'] === 'string' ? (o['#text'] as string).trim() || null : null;
};
/** A child by its local name, whatever prefix the sender used. */
const get = (n: Node | null, name: string): unknown => (n ? Object.entries(n).find(([k]) => !k.startsWith('@_') && local(k) === name)?.[1] : undefined);

/** The namespace a (possibly prefixed) element name is in, from its own and its ancestors' declarations. */
function namespaceOf(key: string, chain: Node[]): string | null {
  const prefix = key.includes(':') ? key.slice(0, key.indexOf(':')) : null;
  const attr = prefix ? `@_xmlns:${prefix}` : '@_xmlns';
  for (let i = chain.length - 1; i >= 0; i--) {
    const v = chain[i]![attr];
    if (typeof v === 'string') return v;
  }
  return null;
}

/** HospitalStatus, bare or inside an EDXL-DE envelope, with the id of the document. */
function findHospitalStatus(doc: Node): { status: Node; documentId: string | null } {
  const rootKey = Object.keys(doc).find((k) => !k.startsWith('?'));
  if (!rootKey) throw invalid('The file holds no XML element');
  const root = obj(doc[rootKey]) ?? {};
  if (local(rootKey) === 'HospitalStatus') {
    const ns = namespaceOf(rootKey, [root]);
    if (ns !== HAVE_NS) throw invalid(`The HospitalStatus element is in the namespace "${ns ?? 'none'}", not EDXL-HAVE 1.0 (${HAVE_NS}); the console reads HAVE 1.0 only`);
    return { status: root, documentId: null };
  }
  if (local(rootKey) === 'EDXLDistribution') {
    const documentId = str(get(root, 'distributionID'));
    for (const co of arr(get(root, 'contentObject'))) {
      const embedded = obj(get(obj(get(co, 'xmlContent')), 'embeddedXMLContent'));
      const key = embedded && Object.keys(embedded).find((k) => !k.startsWith('@_') && local(k) === 'HospitalStatus');
      if (embedded && key) {
        const status = obj(embedded[key]) ?? {};
        const ns = namespaceOf(key, [root, co, embedded, status]);
        if (ns !== HAVE_NS) throw invalid(`The envelope's HospitalStatus is in the namespace "${ns ?? 'none'}", not EDXL-HAVE 1.0 (${HAVE_NS})`);
        return { status, documentId };
      }
    }
    throw invalid('The EDXL-DE envelope carries no EDXL-HAVE HospitalStatus');
  }
  throw invalid(`This is a ${local(rootKey)} document, not EDXL-HAVE: the console imports a HospitalStatus (bare or in an EDXL-DE envelope)`);
}

/**
 * Reads an EDXL-HAVE 1.0 document into candidate reports, one per Hospital, with the
 * document's LastUpdateTime. Refused before parsing: DOCTYPE and entity declarations (no
 * DTD is ever read, so no entity expansion or external fetch can happen); the size is
 * bounded by the contract; malformed XML and other namespaces are refused in words.
 */
export function parseHave(db: Db, xml: string): ImportDocument {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw invalid('The file contains a DOCTYPE or entity declaration, which the console refuses for safety; export it again without one');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid(`The file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const { status, documentId } = findHospitalStatus(parser.parse(xml) as Node);
  const byField = new Map(statusTypes(db).filter((t) => t.haveField).map((t) => [t.haveField!, t]));
  const facility = invert(FACILITY_STATUS);
  const traffic = invert(EMS_TRAFFIC);
  const eoc = invert(EOC_STATUS);
  const hospitals = arr(get(status, 'Hospital'));
  if (!hospitals.length) throw invalid('The HospitalStatus holds no Hospital');
  if (hospitals.length > 2000) throw invalid(`The document lists ${hospitals.length} hospitals; at most 2,000 are imported at once`);
  const candidates: ImportCandidate[] = hospitals.map((h, i) => {
    const problems: string[] = [];
    const values: ImportCandidate['values'] = [];
    const put = (field: string, value: string | number | null, wordsIfUnknown?: string) => {
      const t = byField.get(field);
      if (value === null || value === undefined) return;
      if (!t) return void (wordsIfUnknown && problems.push(wordsIfUnknown));
      values.push({ typeId: t.id, value });
    };
    const info = obj(get(obj(get(h, 'Organization')), 'OrganizationInformation'));
    const orgName = arr(get(info, 'OrganisationName'))[0] ?? null;
    const nameParts = get(orgName, 'NameElement');
    const name = (Array.isArray(nameParts) ? nameParts : [nameParts]).map(str).filter((x): x is string => !!x).join(' ');
    const identifier = orgName ? (Object.entries(orgName).find(([k]) => local(k.replace(/^@_/, '')) === 'OrganisationID')?.[1] as string | undefined) ?? null : null;

    const ems = obj(get(obj(get(h, 'EmergencyDepartmentStatus')), 'EMSTraffic'));
    const trafficWord = str(get(ems, 'EMSTrafficStatus'));
    if (trafficWord && trafficWord !== 'NotApplicable') {
      if (traffic[trafficWord]) put('EMSTrafficStatus', traffic[trafficWord]!);
      else problems.push(`EMS traffic "${trafficWord}" is not a HAVE value; left out`);
    }
    put('EMSTrafficReason', str(get(ems, 'EMSTrafficReason')));

    for (const bc of arr(get(obj(get(h, 'HospitalBedCapacityStatus')), 'BedCapacity'))) {
      const bedType = str((get(bc, 'BedType') as unknown[] | undefined)?.[0]);
      const cap = obj(get(bc, 'Capacity'));
      if (!bedType || !cap) continue;
      for (const part of ['available', 'baseline'] as const) {
        const raw = str(get(cap, part === 'available' ? 'AvailableCount' : 'BaselineCount'));
        if (raw === null) continue;
        const n = Number(raw);
        if (!Number.isInteger(n)) {
          problems.push(`${bedType} ${part} count "${raw}" is not a whole number; left out`);
          continue;
        }
        const field = `bed:${bedType}:${part}`;
        if (!byField.has(field) && bedField(field)) problems.push(`${bedType} beds are not in this coalition's catalogue; left out`);
        else put(field, n);
      }
    }
    const fs = obj(get(h, 'HospitalFacilityStatus'));
    const facilityWord = str(get(fs, 'FacilityStatus'));
    if (facilityWord) {
      if (facility[facilityWord]) put('FacilityStatus', facility[facilityWord]!);
      else problems.push(`Facility status "${facilityWord}" is not a HAVE value; left out`);
    }
    const eocWord = str(get(fs, 'HospitalEOCStatus'));
    if (eocWord && eoc[eocWord]) put('HospitalEOCStatus', eoc[eocWord]!);
    if (str(get(obj(get(h, 'HospitalResourcesStatus')), 'Staffing'))) problems.push('Staffing (one word for the whole hospital) is not imported: the console records staffing by role');

    const updated = str(get(h, 'LastUpdateTime'));
    const occurredAt = updated && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(updated) ? Date.parse(updated) : NaN;
    if (!Number.isFinite(occurredAt)) problems.push(`LastUpdateTime "${updated ?? ''}" is not a date and time; this hospital cannot be imported`);
    return { line: i + 1, name: name || '(no name given)', identifier, occurredAt: Number.isFinite(occurredAt) ? occurredAt : null, values, problems, reportedBy: null };
  });
  return { documentId, candidates, fileErrors: [] };
}
