/**
 * How the console's status types map onto EDXL-HAVE 1.0 (standards reference §5.5, read
 * from the official XSD). A status type carries its HAVE place in `have_field`:
 * `FacilityStatus`, `HospitalEOCStatus`, `EMSTrafficStatus`, `EMSTrafficReason`, `Staffing`,
 * or `bed:<BedType>:available|baseline`. The element orders below are the schema's
 * sequences; the exporter follows them and the tests check exports against them.
 */
export const HAVE_NS = 'urn:oasis:names:tc:emergency:EDXL:HAVE:1.0';
export const XNL_NS = 'urn:oasis:names:tc:ciq:xnl:3';
export const XPIL_NS = 'urn:oasis:names:tc:ciq:xpil:3';
export const GML_NS = 'http://www.opengis.net/gml';
export const GEO_NS = 'urn:oasis:names:tc:emergency:EDXL:HAVE:1.0:geo-oasis';

export const HOSPITAL_ORDER = [
  'Organization',
  'EmergencyDepartmentStatus',
  'HospitalBedCapacityStatus',
  'ServiceCoverageStatus',
  'HospitalFacilityStatus',
  'HospitalResourcesStatus',
  'LastUpdateTime',
] as const;
export const FACILITY_STATUS_ORDER = [
  'HospitalEOCStatus',
  'HospitalEOCPlan',
  'ClinicalStatus',
  'DeconCapacity',
  'MorgueCapacity',
  'FacilityStatus',
  'SecurityStatus',
  'Activity24Hr',
  'CommentText',
] as const;
export const CAPACITY_ORDER = ['CapacityStatus', 'AvailableCount', 'BaselineCount', 'AdditionalCapacityCount24Hr', 'AdditionalCapacityCount72Hr'] as const;

export const BED_TYPES = [
  'AdultICU',
  'PediatricICU',
  'NeonatalICU',
  'EmergencyDepartment',
  'NurseryBeds',
  'MedicalSurgical',
  'RehabLongTermCare',
  'Burn',
  'Pediatrics',
  'AdultPsychiatric',
  'PediatricPsychiatric',
  'NegativeFlowIsolation',
  'OtherIsolation',
  'OperatingRooms',
] as const;

/** Our stored choice values and HAVE's enumerations, both ways. */
export const FACILITY_STATUS: Readonly<Record<string, string>> = { normal: 'Normal', compromised: 'Compromised', evacuating: 'Evacuating', closed: 'Closed' };
/** HAVE's "Closed" EMS traffic is "requesting re-route of EMS traffic": diversion. */
export const EMS_TRAFFIC: Readonly<Record<string, string>> = { normal: 'Normal', advisory: 'Advisory', diversion: 'Closed' };
export const EOC_STATUS: Readonly<Record<string, string>> = { yes: 'Active', no: 'Inactive' };

export const invert = (m: Readonly<Record<string, string>>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));

export function bedField(field: string | null): { bedType: string; part: 'available' | 'baseline' } | null {
  const m = /^bed:([A-Za-z]+):(available|baseline)$/.exec(field ?? '');
  return m ? { bedType: m[1]!, part: m[2] as 'available' | 'baseline' } : null;
}
