/**
 * Member disciplines of a health care coalition (ASPR core members and supporting partners;
 * domain.md). Codes are stable identifiers stored in the data and CSV files; labels are
 * what the operator reads.
 */
export const DISCIPLINES = [
  'hospital',
  'ems',
  'public_health',
  'emergency_management',
  'long_term_care',
  'community_health_center',
  'dialysis',
  'home_health',
  'pharmacy',
  'behavioral_health',
  'urgent_care',
  'other',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_LABELS: Readonly<Record<Discipline, string>> = {
  hospital: 'Hospital',
  ems: 'EMS',
  public_health: 'Public health',
  emergency_management: 'Emergency management',
  long_term_care: 'Long-term care',
  community_health_center: 'Community health center',
  dialysis: 'Dialysis',
  home_health: 'Home health',
  pharmacy: 'Pharmacy',
  behavioral_health: 'Behavioral health',
  urgent_care: 'Urgent care',
  other: 'Other',
};

export const MEMBERSHIPS = ['core', 'supporting'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

export const MEMBERSHIP_LABELS: Readonly<Record<Membership, string>> = {
  core: 'Core member',
  supporting: 'Supporting partner',
};

/** Where a new organisation of this discipline usually sits, per the ASPR coalition guidance. */
export const DEFAULT_MEMBERSHIP: Readonly<Record<Discipline, Membership>> = {
  hospital: 'core',
  ems: 'core',
  public_health: 'core',
  emergency_management: 'core',
  long_term_care: 'core',
  community_health_center: 'core',
  dialysis: 'supporting',
  home_health: 'supporting',
  pharmacy: 'supporting',
  behavioral_health: 'supporting',
  urgent_care: 'supporting',
  other: 'supporting',
};

/**
 * Reads a discipline as people write it in a spreadsheet ("Long-term care", "LTC",
 * "nursing home", "EMS"), so a CSV import need not use our codes. Null when unknown.
 */
export function parseDiscipline(raw: string): Discipline | null {
  const s = raw.trim().toLowerCase().replace(/[\s/_-]+/g, ' ');
  if (!s) return null;
  for (const d of DISCIPLINES) {
    if (s === d.replace(/_/g, ' ') || s === DISCIPLINE_LABELS[d].toLowerCase().replace(/[\s/_-]+/g, ' ')) return d;
  }
  return DISCIPLINE_ALIASES[s] ?? null;
}

const DISCIPLINE_ALIASES: Readonly<Record<string, Discipline>> = {
  'acute care hospital': 'hospital',
  'acute care': 'hospital',
  'emergency medical services': 'ems',
  ambulance: 'ems',
  'local public health': 'public_health',
  'board of health': 'public_health',
  'health department': 'public_health',
  'emergency management director': 'emergency_management',
  em: 'emergency_management',
  ltc: 'long_term_care',
  'nursing home': 'long_term_care',
  'skilled nursing facility': 'long_term_care',
  snf: 'long_term_care',
  'assisted living': 'long_term_care',
  chc: 'community_health_center',
  fqhc: 'community_health_center',
  'health center': 'community_health_center',
  'home health agency': 'home_health',
  hospice: 'home_health',
  'mental health': 'behavioral_health',
  'behavioural health': 'behavioral_health',
  'urgent care center': 'urgent_care',
};

export function parseMembership(raw: string): Membership | null {
  const s = raw.trim().toLowerCase();
  if (!s) return null;
  if (s === 'core' || s === 'core member') return 'core';
  if (s === 'supporting' || s === 'supporting partner' || s === 'supporting member' || s === 'partner') return 'supporting';
  return null;
}
