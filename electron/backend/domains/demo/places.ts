import type { Discipline } from '../../../../shared/domain/disciplines';

/**
 * Real towns and ZIP codes of Western Massachusetts (HMCC Region 1) for a fictional
 * coalition. Facility and person names are invented; phone numbers use the 555-01xx block
 * reserved for fiction; e-mail addresses use example.org.
 */
export const TOWNS: readonly { town: string; zip: string; county: string }[] = [
  { town: 'Springfield', zip: '01103', county: 'Hampden' },
  { town: 'Springfield', zip: '01107', county: 'Hampden' },
  { town: 'Holyoke', zip: '01040', county: 'Hampden' },
  { town: 'Northampton', zip: '01060', county: 'Hampshire' },
  { town: 'Greenfield', zip: '01301', county: 'Franklin' },
  { town: 'Pittsfield', zip: '01201', county: 'Berkshire' },
  { town: 'Westfield', zip: '01085', county: 'Hampden' },
  { town: 'Amherst', zip: '01002', county: 'Hampshire' },
  { town: 'Chicopee', zip: '01013', county: 'Hampden' },
  { town: 'Ludlow', zip: '01056', county: 'Hampden' },
  { town: 'Palmer', zip: '01069', county: 'Hampden' },
  { town: 'North Adams', zip: '01247', county: 'Berkshire' },
  { town: 'Great Barrington', zip: '01230', county: 'Berkshire' },
  { town: 'West Springfield', zip: '01089', county: 'Hampden' },
  { town: 'Agawam', zip: '01001', county: 'Hampden' },
  { town: 'Easthampton', zip: '01027', county: 'Hampshire' },
  { town: 'Ware', zip: '01082', county: 'Hampshire' },
  { town: 'Athol', zip: '01331', county: 'Worcester' },
  { town: 'Lee', zip: '01238', county: 'Berkshire' },
  { town: 'Williamstown', zip: '01267', county: 'Berkshire' },
];

/** Invented place-like names; none is meant to be a real facility. */
export const DESCRIPTORS: readonly string[] = [
  'Riverbend', 'Sugarloaf', 'Kestrel Valley', 'Old Mill', 'Blue Heron', 'Granite Ridge', 'Maple Terrace', 'Apple Orchard',
  'Willow Brook', 'Birchwood', 'Hearthstone', 'Cedar Hollow', 'Laurel Hill', 'Fox Meadow', 'Hawk Ridge', 'Copper Beech',
  'Silver Lake', 'Pine Knoll', 'Elm Crossing', 'Mill Pond', 'Heron Creek', 'Orchard Park', 'Twin Bridges', 'Summit View',
  'North Ridge', 'Greenleaf', 'Wildflower', 'Stone Bridge', 'Quarry Hill', 'Bluebird', 'Lantern Hill', 'Meadowlark',
  'Red Fox', 'Cobble Hill', 'Tanager', 'Sawmill River', 'Chestnut Hill', 'Beaver Brook', 'Juniper', 'Kettle Pond',
  'Ashfield Road', 'Whippoorwill', 'Two Rivers', 'Falcon Crest', 'Spruce Hill', 'Oxbow', 'Larkspur', 'Cranberry Pond',
  'Snowberry', 'Ironwood', 'Thistle Hill', 'Goldfinch', 'Brook Hollow', 'Wintergreen', 'Otter Creek', 'High Meadow',
  'Clover Hill', 'Harvest Moon', 'Rolling Hills', 'Windy Ridge', 'Partridge', 'Sandpiper',
];

export const SUFFIXES: Readonly<Record<Discipline, readonly string[]>> = {
  hospital: ['General Hospital', 'Community Hospital', 'Regional Hospital', 'Medical Center Hospital'],
  ems: ['Ambulance Service', 'EMS', 'Emergency Medical Services'],
  public_health: ['Public Health District', 'Health Alliance'],
  emergency_management: ['Emergency Management Agency', 'Regional Emergency Planning Office'],
  long_term_care: ['Nursing and Rehabilitation', 'Care Center', 'Skilled Nursing Home', 'Senior Living'],
  community_health_center: ['Community Health Center', 'Family Health Center'],
  dialysis: ['Dialysis Center', 'Kidney Care'],
  home_health: ['Home Health', 'Visiting Nurses'],
  pharmacy: ['Pharmacy', 'Apothecary'],
  behavioral_health: ['Behavioral Health', 'Counseling Center'],
  urgent_care: ['Urgent Care', 'Walk-in Clinic'],
  other: ['Medical Reserve Corps', 'Regional Transit Medical Shuttle'],
};

/** How many members of each discipline the demo coalition has (62 with the coalition itself). */
export const MIX: readonly [Discipline, number][] = [
  ['hospital', 8],
  ['ems', 8],
  ['public_health', 7],
  ['emergency_management', 4],
  ['long_term_care', 12],
  ['community_health_center', 4],
  ['dialysis', 3],
  ['home_health', 4],
  ['pharmacy', 3],
  ['behavioral_health', 3],
  ['urgent_care', 3],
  ['other', 2],
];

export const FIRST_NAMES: readonly string[] = [
  'Avery', 'Blake', 'Casey', 'Dana', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kendall', 'Logan', 'Morgan', 'Parker', 'Quinn',
  'Riley', 'Rowan', 'Sage', 'Taylor', 'Reese', 'Skyler', 'Hayden', 'Jamie', 'Kai', 'Marlowe', 'Noel', 'Oakley', 'Peyton',
];
export const LAST_NAMES: readonly string[] = [
  'Alder', 'Brook', 'Carver', 'Dunmore', 'Ellery', 'Fairbanks', 'Garland', 'Hollis', 'Ingram', 'Jessup', 'Kimball', 'Lowell',
  'Merrick', 'Norcross', 'Oakes', 'Pemberton', 'Quimby', 'Rowley', 'Sheffield', 'Thayer', 'Upham', 'Vance', 'Whitcomb', 'Yardley',
];

export const ROLES_BY_DISCIPLINE: Readonly<Record<Discipline, readonly string[]>> = {
  hospital: ['Emergency Manager', 'House Supervisor', 'Director of Materials Management'],
  ems: ['Chief of Operations', 'Duty Supervisor'],
  public_health: ['Public Health Director', 'Emergency Preparedness Coordinator'],
  emergency_management: ['Emergency Management Director', 'Deputy Director'],
  long_term_care: ['Administrator', 'Director of Nursing'],
  community_health_center: ['Chief Operating Officer', 'Emergency Preparedness Lead'],
  dialysis: ['Facility Administrator', 'Charge Nurse'],
  home_health: ['Agency Director', 'Clinical Manager'],
  pharmacy: ['Pharmacist in Charge'],
  behavioral_health: ['Program Director', 'Crisis Team Lead'],
  urgent_care: ['Clinic Manager'],
  other: ['Unit Coordinator', 'Volunteer Coordinator'],
};
