/**
 * The default EEI catalogue seeded by migration 5 (standards reference §6.1 HAvBED bed
 * types, §6.3 the typical HCC EEI set, §5.5 HAVE 1.0 for the mappings). Frozen with the
 * migration: the coalition edits its catalogue in the console; a later change to these
 * defaults is a new migration. Intervals are minutes per activation level (monitoring,
 * partial, full); the unlisted levels a coalition adds use the partial interval.
 */
type D = 'hospital' | 'ems' | 'public_health' | 'long_term_care' | 'community_health_center' | 'dialysis';

export interface CatalogueSeed {
  code: string;
  label: string;
  group: string;
  kind: 'number' | 'choice' | 'yes_no' | 'text' | 'datetime';
  unit?: string;
  min?: number;
  max?: number;
  choices?: { value: string; label: string; severity: 0 | 1 | 2 | 3 }[];
  /** Code of the type this one may not exceed (available beds and their baseline). */
  baseline?: string;
  jumpShare?: number;
  /** Whether region totals add this value up (beds, ventilators, patients); never hours or days. */
  sum?: boolean;
  intervals: [monitoring: number, partial: number, full: number];
  disciplines: D[];
  /** Where HAVE 1.0 carries it (see domains/status/have-map.ts). */
  have?: string;
}

const H = 60;
const DAY = 24 * H;
const ACUTE: D[] = ['hospital'];
const FACILITIES: D[] = ['hospital', 'long_term_care', 'dialysis', 'community_health_center'];
const ALL: D[] = ['hospital', 'long_term_care', 'dialysis', 'community_health_center', 'ems', 'public_health'];

const OPS_CHOICES = [
  { value: 'normal', label: 'Normal', severity: 0 },
  { value: 'compromised', label: 'Compromised', severity: 2 },
  { value: 'evacuating', label: 'Evacuating', severity: 3 },
  { value: 'closed', label: 'Closed', severity: 3 },
] as const;
const SYSTEM = (bad: string) =>
  [
    { value: 'normal', label: 'Normal', severity: 0 },
    { value: 'compromised', label: 'Compromised', severity: 2 },
    { value: 'out', label: bad, severity: 3 },
  ] as CatalogueSeed['choices'];
const ADEQUATE = [
  { value: 'adequate', label: 'Adequate', severity: 0 },
  { value: 'insufficient', label: 'Insufficient', severity: 2 },
] as CatalogueSeed['choices'];

/** HAvBED / HAVE 1.0 bed types reported as available and baseline. */
const BEDS: [slug: string, label: string, have: string][] = [
  ['adult_icu', 'Adult ICU', 'AdultICU'],
  ['pediatric_icu', 'Pediatric ICU', 'PediatricICU'],
  ['neonatal_icu', 'Neonatal ICU', 'NeonatalICU'],
  ['medical_surgical', 'Medical/surgical', 'MedicalSurgical'],
  ['pediatrics', 'Pediatrics', 'Pediatrics'],
  ['burn', 'Burn', 'Burn'],
  ['adult_psychiatric', 'Adult psychiatric', 'AdultPsychiatric'],
  ['negative_isolation', 'Negative-pressure isolation', 'NegativeFlowIsolation'],
];

export const DEFAULT_CATALOGUE: readonly CatalogueSeed[] = [
  // Operations
  { code: 'ops.status', label: 'Operating status', group: 'Operations', kind: 'choice', choices: [...OPS_CHOICES], intervals: [DAY, 6 * H, 2 * H], disciplines: ALL, have: 'FacilityStatus' },
  { code: 'ops.accepting_transfers', label: 'Accepting transfers', group: 'Operations', kind: 'yes_no', intervals: [DAY, 6 * H, 2 * H], disciplines: ['hospital', 'long_term_care'] },
  { code: 'ops.command_center', label: 'Command center activated', group: 'Operations', kind: 'yes_no', intervals: [DAY, 12 * H, 6 * H], disciplines: ['hospital', 'long_term_care'], have: 'HospitalEOCStatus' },
  // Emergency department
  {
    code: 'ed.status',
    label: 'ED status',
    group: 'Emergency department',
    kind: 'choice',
    choices: [
      { value: 'open', label: 'Open', severity: 0 },
      { value: 'limited', label: 'Limited', severity: 1 },
      { value: 'closed', label: 'Closed', severity: 3 },
    ],
    intervals: [12 * H, 2 * H, 1 * H],
    disciplines: ACUTE,
  },
  {
    code: 'ed.ems_traffic',
    label: 'EMS traffic',
    group: 'Emergency department',
    kind: 'choice',
    choices: [
      { value: 'normal', label: 'Accepting all EMS', severity: 0 },
      { value: 'advisory', label: 'Advisory', severity: 1 },
      { value: 'diversion', label: 'On diversion', severity: 2 },
    ],
    intervals: [12 * H, 2 * H, 1 * H],
    disciplines: ACUTE,
    have: 'EMSTrafficStatus',
  },
  { code: 'ed.diversion_reason', label: 'Diversion reason', group: 'Emergency department', kind: 'text', intervals: [12 * H, 2 * H, 1 * H], disciplines: ACUTE, have: 'EMSTrafficReason' },
  { code: 'ed.diversion_until', label: 'Diversion expires', group: 'Emergency department', kind: 'datetime', intervals: [12 * H, 2 * H, 1 * H], disciplines: ACUTE },
  // Beds (HAvBED: available = vacant and staffed, deliverable within about 4 hours)
  ...BEDS.flatMap(([slug, label, have]): CatalogueSeed[] => [
    {
      code: `beds.${slug}.available`,
      label: `${label} beds available`,
      group: 'Beds',
      kind: 'number',
      unit: 'beds',
      min: 0,
      max: 1500,
      baseline: `beds.${slug}.baseline`,
      jumpShare: 0.5,
      sum: true,
      intervals: [DAY, 4 * H, 2 * H],
      disciplines: ACUTE,
      have: `bed:${have}:available`,
    },
    {
      code: `beds.${slug}.baseline`,
      label: `${label} beds baseline`,
      group: 'Beds',
      kind: 'number',
      unit: 'beds',
      min: 0,
      max: 1500,
      jumpShare: 0.25,
      sum: true,
      intervals: [7 * DAY, 7 * DAY, 7 * DAY],
      disciplines: ACUTE,
      have: `bed:${have}:baseline`,
    },
  ]),
  { code: 'beds.ltc.available', label: 'Long-term care beds available', group: 'Beds', kind: 'number', unit: 'beds', min: 0, max: 600, jumpShare: 0.5, sum: true, intervals: [DAY, 6 * H, 4 * H], disciplines: ['long_term_care'] },
  { code: 'ltc.census', label: 'Residents (census)', group: 'Beds', kind: 'number', unit: 'residents', min: 0, max: 600, jumpShare: 0.25, sum: true, intervals: [DAY, 12 * H, 6 * H], disciplines: ['long_term_care'] },
  { code: 'vent.available', label: 'Ventilators available', group: 'Beds', kind: 'number', unit: 'ventilators', min: 0, max: 500, jumpShare: 0.5, sum: true, intervals: [DAY, 6 * H, 4 * H], disciplines: ACUTE },
  // Dialysis
  { code: 'dialysis.chairs_available', label: 'Chairs available', group: 'Dialysis', kind: 'number', unit: 'chairs', min: 0, max: 200, jumpShare: 0.5, sum: true, intervals: [DAY, 6 * H, 4 * H], disciplines: ['dialysis'] },
  { code: 'dialysis.shifts_available', label: 'Extra shifts available (next 24 h)', group: 'Dialysis', kind: 'number', unit: 'shifts', min: 0, max: 12, sum: true, intervals: [DAY, 6 * H, 4 * H], disciplines: ['dialysis'] },
  { code: 'dialysis.patients_needing_placement', label: 'Patients needing placement', group: 'Dialysis', kind: 'number', unit: 'patients', min: 0, max: 1000, sum: true, intervals: [DAY, 6 * H, 4 * H], disciplines: ['dialysis'] },
  // EMS
  { code: 'ems.units_available', label: 'Ambulances available', group: 'EMS', kind: 'number', unit: 'ambulances', min: 0, max: 300, jumpShare: 0.5, sum: true, intervals: [DAY, 4 * H, 2 * H], disciplines: ['ems'] },
  { code: 'ems.units_out_of_service', label: 'Ambulances out of service', group: 'EMS', kind: 'number', unit: 'ambulances', min: 0, max: 300, sum: true, intervals: [DAY, 6 * H, 4 * H], disciplines: ['ems'] },
  // Public health and community health centers
  { code: 'ph.shelters_open', label: 'Shelters and warming centers open', group: 'Public health', kind: 'number', unit: 'sites', min: 0, max: 100, sum: true, intervals: [DAY, 6 * H, 4 * H], disciplines: ['public_health'] },
  { code: 'chc.accepting_patients', label: 'Accepting walk-in patients', group: 'Operations', kind: 'yes_no', intervals: [DAY, 6 * H, 4 * H], disciplines: ['community_health_center'] },
  // Utilities (HICS 251 systems)
  {
    code: 'power.source',
    label: 'Power',
    group: 'Utilities',
    kind: 'choice',
    choices: [
      { value: 'utility', label: 'Utility power', severity: 0 },
      { value: 'generator', label: 'On generator', severity: 2 },
      { value: 'none', label: 'No power', severity: 3 },
    ],
    intervals: [DAY, 6 * H, 3 * H],
    disciplines: ALL,
  },
  { code: 'power.fuel_hours', label: 'Generator fuel', group: 'Utilities', kind: 'number', unit: 'hours', min: 0, max: 720, intervals: [DAY, 6 * H, 3 * H], disciplines: FACILITIES },
  { code: 'util.water', label: 'Water', group: 'Utilities', kind: 'choice', choices: SYSTEM('Out'), intervals: [DAY, 6 * H, 4 * H], disciplines: ['hospital', 'long_term_care', 'dialysis'] },
  { code: 'util.hvac', label: 'Heating and ventilation (HVAC)', group: 'Utilities', kind: 'choice', choices: SYSTEM('Out'), intervals: [DAY, 6 * H, 4 * H], disciplines: ['hospital', 'long_term_care', 'dialysis'] },
  {
    code: 'util.it_ehr',
    label: 'IT and EHR',
    group: 'Utilities',
    kind: 'choice',
    choices: [
      { value: 'normal', label: 'Normal', severity: 0 },
      { value: 'degraded', label: 'Degraded', severity: 1 },
      { value: 'downtime', label: 'Downtime procedures', severity: 2 },
    ],
    intervals: [DAY, 6 * H, 4 * H],
    disciplines: ['hospital', 'dialysis', 'community_health_center'],
  },
  {
    code: 'util.communications',
    label: 'Communications (phones, internet, radio)',
    group: 'Utilities',
    kind: 'choice',
    choices: [
      { value: 'normal', label: 'Normal', severity: 0 },
      { value: 'degraded', label: 'Degraded', severity: 1 },
      { value: 'down', label: 'Down', severity: 3 },
    ],
    intervals: [DAY, 6 * H, 4 * H],
    disciplines: ALL,
  },
  // Staffing (HAVE HospitalResourcesStatus/Staffing is the worst of the roles)
  { code: 'staff.nursing', label: 'Nursing staffing', group: 'Staffing', kind: 'choice', choices: ADEQUATE, intervals: [DAY, 12 * H, 6 * H], disciplines: ['hospital', 'long_term_care'], have: 'Staffing' },
  { code: 'staff.physicians', label: 'Physician staffing', group: 'Staffing', kind: 'choice', choices: ADEQUATE, intervals: [DAY, 12 * H, 6 * H], disciplines: ACUTE, have: 'Staffing' },
  { code: 'staff.support', label: 'Support staffing', group: 'Staffing', kind: 'choice', choices: ADEQUATE, intervals: [DAY, 12 * H, 6 * H], disciplines: ['hospital', 'long_term_care'], have: 'Staffing' },
  { code: 'staff.overall', label: 'Staffing', group: 'Staffing', kind: 'choice', choices: ADEQUATE, intervals: [DAY, 12 * H, 6 * H], disciplines: ['dialysis', 'community_health_center', 'ems', 'public_health'] },
  // Supplies
  { code: 'supply.ppe_days', label: 'PPE on hand', group: 'Supplies', kind: 'number', unit: 'days', min: 0, max: 365, intervals: [DAY, DAY, 12 * H], disciplines: ['hospital', 'long_term_care', 'dialysis', 'community_health_center', 'ems'] },
  { code: 'supply.critical_days', label: 'Critical supplies on hand', group: 'Supplies', kind: 'number', unit: 'days', min: 0, max: 365, intervals: [DAY, DAY, 12 * H], disciplines: ['hospital', 'long_term_care', 'dialysis'] },
  // Evacuation (HICS 251; CST PM16/PM17 count patients to evacuate by acuity)
  { code: 'evac.critical', label: 'To evacuate: critical care', group: 'Evacuation', kind: 'number', unit: 'patients', min: 0, max: 500, sum: true, intervals: [DAY, 4 * H, 1 * H], disciplines: ACUTE },
  { code: 'evac.non_ambulatory', label: 'To evacuate: non-ambulatory', group: 'Evacuation', kind: 'number', unit: 'patients', min: 0, max: 1000, sum: true, intervals: [DAY, 4 * H, 1 * H], disciplines: ['hospital', 'long_term_care'] },
  { code: 'evac.ambulatory', label: 'To evacuate: ambulatory', group: 'Evacuation', kind: 'number', unit: 'patients', min: 0, max: 1000, sum: true, intervals: [DAY, 4 * H, 1 * H], disciplines: ['hospital', 'long_term_care'] },
  { code: 'evac.bariatric', label: 'To evacuate: bariatric', group: 'Evacuation', kind: 'number', unit: 'patients', min: 0, max: 200, sum: true, intervals: [DAY, 4 * H, 1 * H], disciplines: ['long_term_care'] },
  { code: 'evac.ventilator', label: 'To evacuate: on ventilator', group: 'Evacuation', kind: 'number', unit: 'patients', min: 0, max: 200, sum: true, intervals: [DAY, 4 * H, 1 * H], disciplines: ['long_term_care'] },
];
