/**
 * The capability catalogues seeded by migration 7 (standards-reference §4 and §3). Frozen
 * with the migration: a later correction is a new migration, so every workstation holds the
 * same rows under the same ids. The coalition edits its copy (and adds its own frameworks)
 * through the console like any other record.
 */

export interface CatalogueCapability {
  readonly code: string;
  readonly title: string;
  readonly description?: string;
  readonly objectives?: readonly { readonly code: string; readonly title: string }[];
}

export interface Catalogue {
  readonly slug: string;
  readonly name: string;
  readonly shortName: string;
  readonly description: string;
  readonly capabilities: readonly CatalogueCapability[];
}

const HPP_2017: Catalogue = {
  slug: 'hpp-2017',
  name: '2017-2022 Health Care Preparedness and Response Capabilities',
  shortName: 'HPP 2017-2022',
  description: 'ASPR Hospital Preparedness Program: the four health care preparedness and response capabilities with their objectives.',
  capabilities: [
    {
      code: 'C1',
      title: 'Foundation for Health Care and Medical Readiness',
      objectives: [
        { code: 'C1-O1', title: 'Establish and Operationalize a Health Care Coalition' },
        { code: 'C1-O2', title: 'Identify Risk and Needs' },
        { code: 'C1-O3', title: 'Develop a Health Care Coalition Preparedness Plan' },
        { code: 'C1-O4', title: 'Train and Prepare the Health Care and Medical Workforce' },
        { code: 'C1-O5', title: 'Ensure Preparedness is Sustainable' },
      ],
    },
    {
      code: 'C2',
      title: 'Health Care and Medical Response Coordination',
      objectives: [
        { code: 'C2-O1', title: 'Develop and Coordinate Health Care Organization and Health Care Coalition Response Plans' },
        { code: 'C2-O2', title: 'Utilize Information Sharing Procedures and Platforms' },
        { code: 'C2-O3', title: 'Coordinate Response Strategy, Resources, and Communications' },
      ],
    },
    {
      code: 'C3',
      title: 'Continuity of Health Care Service Delivery',
      objectives: [
        { code: 'C3-O1', title: 'Identify Essential Functions for Health Care Delivery' },
        { code: 'C3-O2', title: 'Plan for Continuity of Operations' },
        { code: 'C3-O3', title: 'Maintain Access to Non-Personnel Resources during an Emergency' },
        { code: 'C3-O4', title: 'Develop Strategies to Protect Health Care Information Systems and Networks' },
        { code: 'C3-O5', title: "Protect Responders' Safety and Health" },
        { code: 'C3-O6', title: 'Plan for and Coordinate Health Care Evacuation and Relocation' },
        { code: 'C3-O7', title: 'Coordinate Health Care Delivery System Recovery' },
      ],
    },
    {
      code: 'C4',
      title: 'Medical Surge',
      objectives: [
        { code: 'C4-O1', title: 'Plan for a Medical Surge' },
        { code: 'C4-O2', title: 'Respond to a Medical Surge' },
      ],
    },
  ],
};

const HPP_2023: Catalogue = {
  slug: 'hpp-2023',
  name: 'National Health Care Preparedness and Response Capabilities (2023)',
  shortName: 'HPP 2023',
  description: 'ASPR capabilities for the 2024-2028 Hospital Preparedness Program cycle.',
  capabilities: [
    { code: '1', title: 'Incident Management and Coordination' },
    { code: '2', title: 'Information Management' },
    { code: '3', title: 'Patient Movement and Distribution' },
    { code: '4', title: 'Workforce' },
    { code: '5', title: 'Resources' },
    { code: '6', title: 'Operational Continuity' },
    { code: '7', title: 'Specialty Care' },
    { code: '8', title: 'Community Integration' },
  ],
};

/** The 32 core capabilities of the National Preparedness Goal, with their mission areas. */
const CORE: readonly [string, string][] = [
  ['Planning', 'All mission areas'],
  ['Public Information and Warning', 'All mission areas'],
  ['Operational Coordination', 'All mission areas'],
  ['Forensics and Attribution', 'Prevention'],
  ['Intelligence and Information Sharing', 'Prevention, Protection'],
  ['Interdiction and Disruption', 'Prevention, Protection'],
  ['Screening, Search, and Detection', 'Prevention, Protection'],
  ['Access Control and Identity Verification', 'Protection'],
  ['Cybersecurity', 'Protection'],
  ['Physical Protective Measures', 'Protection'],
  ['Risk Management for Protection Programs and Activities', 'Protection'],
  ['Supply Chain Integrity and Security', 'Protection'],
  ['Community Resilience', 'Mitigation'],
  ['Long-term Vulnerability Reduction', 'Mitigation'],
  ['Risk and Disaster Resilience Assessment', 'Mitigation'],
  ['Threats and Hazards Identification', 'Mitigation'],
  ['Critical Transportation', 'Response'],
  ['Environmental Response/Health and Safety', 'Response'],
  ['Fatality Management Services', 'Response'],
  ['Fire Management and Suppression', 'Response'],
  ['Infrastructure Systems', 'Response, Recovery'],
  ['Logistics and Supply Chain Management', 'Response'],
  ['Mass Care Services', 'Response'],
  ['Mass Search and Rescue Operations', 'Response'],
  ['On-scene Security, Protection, and Law Enforcement', 'Response'],
  ['Operational Communications', 'Response'],
  ['Public Health, Healthcare, and Emergency Medical Services', 'Response'],
  ['Situational Assessment', 'Response'],
  ['Economic Recovery', 'Recovery'],
  ['Health and Social Services', 'Recovery'],
  ['Housing', 'Recovery'],
  ['Natural and Cultural Resources', 'Recovery'],
];

const HSEEP_CORE: Catalogue = {
  slug: 'hseep-core',
  name: 'HSEEP core capabilities (National Preparedness Goal)',
  shortName: 'Core capabilities',
  description: 'The 32 core capabilities of the National Preparedness Goal used in HSEEP exercise and after-action documents.',
  capabilities: CORE.map(([title, areas], i) => ({ code: `CC${String(i + 1).padStart(2, '0')}`, title, description: `Mission areas: ${areas}` })),
};

export const CATALOGUES: readonly Catalogue[] = [HPP_2017, HPP_2023, HSEEP_CORE];
