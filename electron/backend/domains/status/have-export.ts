import { v7 as uuidv7 } from 'uuid';
import type { Organisation } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { conflict } from '../../errors';
import { allOrganisations } from '../directory/queries';
import { build, xmlDateTime } from '../edxl/rm-build';
import { DE_NS } from '../edxl/rm-schema';
import { descriptionMarks, envelopeMarks } from '../edxl/de-marks';
import { typeById } from './catalogue';
import { BED_TYPES, bedField, EMS_TRAFFIC, EOC_STATUS, FACILITY_STATUS, GML_NS, HAVE_NS, XNL_NS, XPIL_NS } from './have-map';
import type { CurrentRow } from './queries';

type Node = Record<string, unknown>;

interface HospitalValues {
  org: Organisation;
  byField: Map<string, { n: number | null; s: string | null }[]>;
  lastUpdate: number;
}

function hospitalValues(db: Db): { hospitals: HospitalValues[]; silent: string[] } {
  const types = typeById(db);
  const rows = db
    .prepare(
      `SELECT c.organisation_id, c.type_id, c.value_num, c.value_text, c.occurred_at, c.report_id FROM status_current c
       JOIN status_types t ON t.id = c.type_id WHERE t.have_field IS NOT NULL`,
    )
    .all() as CurrentRow[];
  const byOrg = new Map<string, CurrentRow[]>();
  for (const r of rows) byOrg.set(r.organisation_id, [...(byOrg.get(r.organisation_id) ?? []), r]);
  const hospitals: HospitalValues[] = [];
  const silent: string[] = [];
  for (const org of allOrganisations(db).filter((o) => o.discipline === 'hospital')) {
    const list = byOrg.get(org.id);
    if (!list?.length) {
      silent.push(org.name);
      continue;
    }
    const byField = new Map<string, { n: number | null; s: string | null }[]>();
    for (const r of list) {
      const f = types.get(r.type_id)?.haveField;
      if (f) byField.set(f, [...(byField.get(f) ?? []), { n: r.value_num, s: r.value_text }]);
    }
    hospitals.push({ org, byField, lastUpdate: Math.max(...list.map((r) => r.occurred_at)) });
  }
  return { hospitals, silent };
}

const count = (n: number | null | undefined) => (n === null || n === undefined ? undefined : Math.max(0, Math.round(n)));

/** One Hospital element, its children in the schema's order and only what was reported. */
function hospitalNode(h: HospitalValues): Node {
  const one = (f: string) => h.byField.get(f)?.[0];
  const node: Node = {
    Organization: {
      OrganizationInformation: {
        'xnl:OrganisationName': { '@_xnl:OrganisationID': `urn:uuid:${h.org.id}`, 'xnl:NameElement': h.org.name },
      },
      ...(h.org.latitude !== null && h.org.longitude !== null
        ? { OrganizationGeoLocation: { 'gml:Point': { 'gml:pos': `${h.org.latitude} ${h.org.longitude}` } } }
        : {}),
    },
  };
  const traffic = one('EMSTrafficStatus')?.s;
  const reason = one('EMSTrafficReason')?.s;
  if (traffic || reason) {
    node.EmergencyDepartmentStatus = { EMSTraffic: { EMSTrafficStatus: traffic ? EMS_TRAFFIC[traffic] : undefined, EMSTrafficReason: reason ?? undefined } };
  }
  const beds = new Map<string, { available?: number; baseline?: number }>();
  for (const [field, vals] of h.byField) {
    const b = bedField(field);
    if (!b) continue;
    const e = beds.get(b.bedType) ?? {};
    e[b.part] = count(vals[0]?.n);
    beds.set(b.bedType, e);
  }
  if (beds.size) {
    node.HospitalBedCapacityStatus = {
      // In the schema's list order, so two exports of the same status read the same.
      BedCapacity: [...beds].sort(([a], [b]) => BED_TYPES.indexOf(a as (typeof BED_TYPES)[number]) - BED_TYPES.indexOf(b as (typeof BED_TYPES)[number])).map(([bedType, c]) => ({
        BedType: bedType,
        Capacity: {
          CapacityStatus: c.available === undefined ? undefined : c.available > 0 ? 'Vacant/Available' : 'NotAvailable',
          AvailableCount: c.available,
          BaselineCount: c.baseline,
        },
      })),
    };
  }
  const eoc = one('HospitalEOCStatus')?.s;
  const facility = one('FacilityStatus')?.s;
  if (eoc || facility) {
    node.HospitalFacilityStatus = { HospitalEOCStatus: eoc ? EOC_STATUS[eoc] : undefined, FacilityStatus: facility ? FACILITY_STATUS[facility] : undefined };
  }
  // HAVE has one staffing word: insufficient when any role reported insufficient.
  const staffing = h.byField.get('Staffing');
  if (staffing?.length) node.HospitalResourcesStatus = { Staffing: staffing.some((v) => v.s === 'insufficient') ? 'Insufficient' : 'Adequate' };
  node.LastUpdateTime = xmlDateTime(h.lastUpdate);
  return node;
}

export interface HaveExport {
  xml: string;
  hospitals: number;
  silent: string[];
}

/**
 * Current hospital status as an EDXL-HAVE 1.0 HospitalStatus inside an EDXL-DE 1.0
 * envelope. Hospitals that never reported are left out (LastUpdateTime is required) and
 * named. An exercise says Exercise in distributionStatus, the demonstration coalition Test
 * (see envelopeMarks), and both say so in words in a keyword and the content's description.
 */
export function exportHave(db: Db, o: { sentAt: number; senderId: string; exercise: boolean; demo: boolean; coalitionName: string }): HaveExport {
  const { hospitals, silent } = hospitalValues(db);
  if (!hospitals.length) throw conflict('No hospital has reported any status yet: there is nothing to export');
  const status: Node = {
    HospitalStatus: {
      '@_xmlns': HAVE_NS,
      '@_xmlns:xnl': XNL_NS,
      '@_xmlns:xpil': XPIL_NS,
      '@_xmlns:gml': GML_NS,
      Hospital: hospitals.map(hospitalNode),
    },
  };
  const marks = envelopeMarks(o);
  const xml = build({
    EDXLDistribution: {
      '@_xmlns': DE_NS,
      distributionID: `urn:uuid:${uuidv7()}`,
      senderID: o.senderId,
      dateTimeSent: xmlDateTime(o.sentAt),
      distributionStatus: marks.distributionStatus,
      distributionType: 'Report',
      combinedConfidentiality: 'UNCLASSIFIED AND NOT SENSITIVE',
      language: 'en-US',
      ...(marks.keyword ? { keyword: marks.keyword } : {}),
      contentObject: {
        contentDescription: `${descriptionMarks(o)}Hospital availability (EDXL-HAVE 1.0) from ${o.coalitionName}: ${hospitals.length} hospitals`,
        xmlContent: { embeddedXMLContent: status },
      },
    },
  });
  return { xml, hospitals: hospitals.length, silent };
}
