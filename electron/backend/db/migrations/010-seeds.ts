import { seedId } from './002-incidents';

/**
 * Seed data of migration 10: the hazard templates coalitions asked for beyond the winter
 * storm, and the ICS 214 log categories as a list the coalition edits. Ids are derived
 * from slugs, as in migration 2, so two workstations seeding alike never double a row.
 */
const SEED_HLC = '000000000000000-00000-seed';
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

interface TemplateSeed {
  slug: string;
  name: string;
  hazardType: string;
  description: string;
  objectives: string[];
  positionCodes: string[];
  checklists: { positionCode: string; items: string[] }[];
}

const TEMPLATES: TemplateSeed[] = [
  {
    slug: 'flood-coastal-storm',
    name: 'Flood / coastal storm',
    hazardType: 'Weather: flood or coastal storm',
    description: 'River flooding or a coastal storm surge cuts roads and threatens low-lying facilities.',
    objectives: [
      'Identify every member facility in the flood or surge zone and its plan to shelter in place or evacuate.',
      'Keep access routes for staff, supplies and patient transport open or rerouted.',
      'Place patients from any evacuating facility in appropriate beds across the coalition.',
      'Track generator fuel, water and sewer status at facilities in the affected area.',
    ],
    positionCodes: ['HCCDO', 'IC', 'SITL', 'OSC', 'INFRA', 'LSC', 'LOFR', 'PIO'],
    checklists: [
      { positionCode: 'HCCDO', items: ['Share river gauge and surge forecasts with members.', 'List facilities in mapped flood and surge zones.', 'Notify state ESF-8 and the emergency management director.'] },
      { positionCode: 'INFRA', items: ['Record water, sewer and generator status of facilities in the affected area.'] },
      { positionCode: 'LSC', items: ['Confirm high-water vehicles and alternate delivery routes.'] },
    ],
  },
  {
    slug: 'hurricane',
    name: 'Hurricane / tropical storm',
    hazardType: 'Weather: hurricane or tropical storm',
    description: 'A forecast hurricane or tropical storm: preparation before landfall, then response and recovery.',
    objectives: [
      'Confirm each facility’s decision to shelter in place or evacuate before tropical-storm-force winds arrive.',
      'Pre-position supplies, fuel and transport for the hours after landfall.',
      'Account for every patient moved before landfall, and their receiving beds.',
      'Restore situational awareness of every member facility within 12 hours of landfall.',
    ],
    positionCodes: ['HCCDO', 'IC', 'PSC', 'SITL', 'OSC', 'MEDCARE', 'LSC', 'SPUL', 'COML', 'LOFR', 'PIO'],
    checklists: [
      { positionCode: 'HCCDO', items: ['Brief members on the forecast track and timing.', 'Set the reporting schedule before and after landfall.'] },
      { positionCode: 'COML', items: ['Test radio and satellite communications with every member before landfall.'] },
      { positionCode: 'LSC', items: ['Confirm fuel, water and supply deliveries before roads close.'] },
    ],
  },
  {
    slug: 'extreme-heat',
    name: 'Extreme heat',
    hazardType: 'Weather: extreme heat',
    description: 'A heat wave raises emergency department visits and strains facilities without reliable cooling.',
    objectives: [
      'Track emergency department volume and heat-related illness across members.',
      'Identify long-term care and other facilities without working cooling, and support them.',
      'Coordinate cooling centres and transport with public health and emergency management.',
    ],
    positionCodes: ['HCCDO', 'IC', 'SITL', 'MEDCARE', 'LSC', 'LOFR', 'PIO'],
    checklists: [
      { positionCode: 'HCCDO', items: ['Share the heat advisory and cooling centre list with members.', 'Poll long-term care facilities for cooling status.'] },
      { positionCode: 'LOFR', items: ['Coordinate with local public health on cooling centres and outreach.'] },
    ],
  },
  {
    slug: 'cyber-it-outage',
    name: 'Cyber attack / IT outage',
    hazardType: 'Cyber attack or IT outage',
    description: 'Ransomware or an IT failure takes down electronic health records, phones or networks at one or more members.',
    objectives: [
      'Identify affected members, the systems down and their downtime procedures in use.',
      'Support diversion and patient transfers from facilities that cannot operate safely.',
      'Keep communications with affected members by phone, radio or runner.',
      'Share indicators and guidance with members through the agreed channel only.',
    ],
    positionCodes: ['HCCDO', 'IC', 'SITL', 'OSC', 'COML', 'LOFR', 'PIO'],
    checklists: [
      { positionCode: 'HCCDO', items: ['Record which systems are down at each affected member.', 'Notify state ESF-8 and the state fusion centre per the coalition plan.'] },
      { positionCode: 'COML', items: ['Switch affected members to the radio net and confirm contact.'] },
    ],
  },
  {
    slug: 'utility-failure',
    name: 'Water or utility failure',
    hazardType: 'Utility failure: water, sewer, medical gas or natural gas',
    description: 'Loss of water, sewer, medical gas or natural gas at one or more facilities.',
    objectives: [
      'Confirm which facilities are affected, the utility lost and the expected restoration time.',
      'Arrange potable water, portable sanitation or gas supplies for affected facilities.',
      'Support the transfer of patients from facilities that cannot keep operating.',
    ],
    positionCodes: ['HCCDO', 'IC', 'SITL', 'INFRA', 'LSC', 'SPUL', 'LOFR'],
    checklists: [
      { positionCode: 'INFRA', items: ['Record the utility lost and restoration estimate for each affected facility.'] },
      { positionCode: 'LSC', items: ['Locate potable water, tankers and portable sanitation.'] },
    ],
  },
  {
    slug: 'facility-evacuation',
    name: 'Evacuation of a facility (long-term care, behavioural health, other)',
    hazardType: 'Facility evacuation',
    description: 'A long-term care, behavioural health or other non-hospital facility evacuates its residents.',
    objectives: [
      'Account for every resident and track each one to a receiving facility.',
      'Match residents to receiving beds and transport suited to their needs.',
      'Move medications, records and equipment with the residents.',
      'Keep families informed through the facility and the PIO.',
    ],
    positionCodes: ['HCCDO', 'IC', 'SITL', 'OSC', 'LSC', 'LOFR', 'PIO'],
    checklists: [
      { positionCode: 'HCCDO', items: ['Confirm the number of residents by mobility and care level.', 'Ask receiving facilities for available beds.'] },
      { positionCode: 'LSC', items: ['Arrange wheelchair vans, ambulances and buses for the residents.'] },
    ],
  },
];

/** ICS 214 categories: the first list plus weather and other common ones operators asked for. */
export const LOG_CATEGORIES = [
  'General',
  'Situation',
  'Weather',
  'Task assignment',
  'Task completion',
  'Resource',
  'Communications',
  'Patient movement',
  'Facility status',
  'Utilities',
  'IT / systems',
  'Transportation',
  'Staffing',
  'Safety',
  'Security',
  'Public information',
  'Difficulty',
] as const;

export function seedSql(): string {
  const templates = TEMPLATES.map(
    (t) =>
      `INSERT INTO incident_templates (id, name, hazard_type, description, objectives, position_codes, checklists, created_at, updated_hlc) VALUES (${q(seedId('template', t.slug))}, ${q(t.name)}, ${q(t.hazardType)}, ${q(t.description)}, ${q(JSON.stringify(t.objectives))}, ${q(JSON.stringify(t.positionCodes))}, ${q(JSON.stringify(t.checklists))}, 0, ${q(SEED_HLC)});`,
  );
  const categories = LOG_CATEGORIES.map(
    (c, i) => `INSERT INTO log_categories (id, name, ordinal, created_at, updated_hlc) VALUES (${q(seedId('log-category', c))}, ${q(c)}, ${i + 1}, 0, ${q(SEED_HLC)});`,
  );
  return [...templates, ...categories].join('\n');
}
