/**
 * Resource typing catalog (standards-reference §8): Category is the function, the
 * resource class is the broad NIMS kind (personnel, teams, equipment, supplies, facilities,
 * vehicles), and Type is the capability level where NIMS types the resource (Type 1 is the
 * most capable). Entries marked `nimsTyped` follow the FEMA Resource Typing Library Tool;
 * the rest are local kinds coalitions use, which the console allows alongside NIMS ones.
 * Versioned so that exported messages can name the list their values come from.
 */
export const CATALOG_VERSION = '2026.1';
/** The value list URN carried in EDXL-RM TypeStructure for kinds from this catalog. */
export const CATALOG_URN = `urn:x-eoc-console:resource-kind:${CATALOG_VERSION}`;

export const RESOURCE_CATEGORIES = [
  'Medical and Public Health',
  'Emergency Medical Services',
  'Logistics and Transportation',
  'Public Works',
  'Incident Management',
  'Mass Care Services',
] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

export const RESOURCE_CLASSES = ['personnel', 'team', 'equipment', 'supplies', 'facility', 'vehicle'] as const;
export type ResourceClass = (typeof RESOURCE_CLASSES)[number];

export const RESOURCE_CLASS_LABELS: Readonly<Record<ResourceClass, string>> = {
  personnel: 'Personnel',
  team: 'Team',
  equipment: 'Equipment',
  supplies: 'Supplies',
  facility: 'Facility',
  vehicle: 'Vehicle',
};

/** NIMS capability levels; Type 1 is the most capable. */
export const NIMS_TYPES = ['1', '2', '3', '4'] as const;
export type NimsType = (typeof NIMS_TYPES)[number];

export interface CatalogKind {
  /** What the 213RR "Kind" column shows and what inventory is matched on. */
  readonly kind: string;
  readonly category: ResourceCategory;
  readonly resourceClass: ResourceClass;
  readonly nimsTyped: boolean;
  readonly unit: string;
  /** Consumables are used up, not returned: closing a request consumes what was allocated. */
  readonly consumable: boolean;
}

const k = (
  kind: string,
  category: ResourceCategory,
  resourceClass: ResourceClass,
  unit: string,
  opts: { nims?: boolean; consumable?: boolean } = {},
): CatalogKind => ({ kind, category, resourceClass, unit, nimsTyped: opts.nims ?? false, consumable: opts.consumable ?? false });

export const RESOURCE_CATALOG: readonly CatalogKind[] = [
  // Personal protective equipment and medical supplies: consumed, not returned.
  k('N95 respirator', 'Medical and Public Health', 'supplies', 'each', { consumable: true }),
  k('Surgical mask', 'Medical and Public Health', 'supplies', 'each', { consumable: true }),
  k('Isolation gown', 'Medical and Public Health', 'supplies', 'each', { consumable: true }),
  k('Exam gloves', 'Medical and Public Health', 'supplies', 'box', { consumable: true }),
  k('Face shield', 'Medical and Public Health', 'supplies', 'each', { consumable: true }),
  k('Hand sanitizer', 'Medical and Public Health', 'supplies', 'case', { consumable: true }),
  k('Oxygen cylinder (E)', 'Medical and Public Health', 'supplies', 'cylinder', { consumable: true }),
  k('Decedent pouch', 'Medical and Public Health', 'supplies', 'each', { consumable: true }),
  k('Bottled water', 'Mass Care Services', 'supplies', 'case', { consumable: true }),
  // Durable equipment: allocated, then returned to its owner.
  k('Ventilator (portable)', 'Medical and Public Health', 'equipment', 'each'),
  k('Pulse oximeter', 'Medical and Public Health', 'equipment', 'each'),
  k('Portable suction unit', 'Medical and Public Health', 'equipment', 'each'),
  k('Surge cot', 'Mass Care Services', 'equipment', 'each'),
  k('Hospital bed (portable)', 'Medical and Public Health', 'equipment', 'each'),
  k('Evacuation sled', 'Medical and Public Health', 'equipment', 'each'),
  k('Wheelchair', 'Medical and Public Health', 'equipment', 'each'),
  k('Generator (mobile)', 'Public Works', 'equipment', 'each', { nims: true }),
  k('Light tower', 'Public Works', 'equipment', 'each'),
  k('Decontamination system', 'Medical and Public Health', 'equipment', 'each'),
  k('Mass casualty incident trailer', 'Emergency Medical Services', 'equipment', 'trailer'),
  k('Medical surge trailer', 'Medical and Public Health', 'equipment', 'trailer'),
  k('Portable shelter (tent)', 'Mass Care Services', 'facility', 'each'),
  // Vehicles and teams: NIMS types them by capability.
  k('Ambulance (ground)', 'Emergency Medical Services', 'vehicle', 'each', { nims: true }),
  k('Ambulance strike team', 'Emergency Medical Services', 'team', 'team', { nims: true }),
  k('Ambulance bus', 'Emergency Medical Services', 'vehicle', 'each'),
  k('Wheelchair van', 'Logistics and Transportation', 'vehicle', 'each'),
  k('Medical Reserve Corps team', 'Medical and Public Health', 'team', 'team', { nims: true }),
  k('Behavioral health team', 'Medical and Public Health', 'team', 'team'),
  k('Respiratory therapist', 'Medical and Public Health', 'personnel', 'person'),
  k('Registered nurse', 'Medical and Public Health', 'personnel', 'person'),
  k('Alternate care site', 'Medical and Public Health', 'facility', 'site'),
];

const BY_KIND = new Map(RESOURCE_CATALOG.map((c) => [normalizeKind(c.kind), c]));

/** Kinds are matched without regard to case, spacing or a trailing plural "s". */
export function normalizeKind(kind: string): string {
  return kind.trim().toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '');
}

export function catalogKind(kind: string): CatalogKind | null {
  return BY_KIND.get(normalizeKind(kind)) ?? null;
}

/**
 * What each NIMS type means, in words an operator can pick from. NIMS types by capability,
 * Type 1 the most capable; the FEMA Resource Typing Library Tool holds the full definition
 * of each kind's types and stays the authority.
 */
export const NIMS_TYPE_MEANING: Readonly<Record<NimsType, string>> = {
  '1': 'Type 1: the most capable (largest capacity, highest level of care or skill)',
  '2': 'Type 2: less than Type 1',
  '3': 'Type 3: less than Type 2',
  '4': 'Type 4: the least capable typed level',
};

const ROMAN: Readonly<Record<string, NimsType>> = { I: '1', II: '2', III: '3', IV: '4' };

/**
 * A Type as stored: "Type 2", "type II", "T2" and "2" are all NIMS type "2"; anything else
 * is a local designation ("BLS", "ALS", "40 kW"), kept as typed. Never "Type Type 2".
 */
export function normalizeType(type: string | null | undefined): string | null {
  const t = (type ?? '').trim();
  if (!t) return null;
  const m = /^(?:type\s*|t\s*)?(\d+|i{1,3}|iv)$/i.exec(t);
  if (!m) return t;
  const v = m[1]!.toUpperCase();
  return ROMAN[v] ?? String(Number(v));
}

/** In an exchanged message: "Type 2" for a NIMS type, a local designation as typed. */
export function typeForExchange(type: string): string {
  return (NIMS_TYPES as readonly string[]).includes(type) ? `Type ${type}` : type;
}

/** "Type 2" for a NIMS type; "BLS (local)" for a local designation. */
export function typeLabel(type: string | null): string {
  if (!type) return '';
  return (NIMS_TYPES as readonly string[]).includes(type) ? `Type ${type}` : `${type} (local)`;
}

/**
 * Checks a Type against the kind. NIMS-typed kinds take 1-4, or a local designation beside
 * them (coalitions say "BLS" as often as "Type 2"); only a numbered type NIMS does not have
 * is refused, with the meaning of each. Returns the message to show, or null when fine.
 */
export function typeProblem(kind: string, type: string | null): string | null {
  const c = catalogKind(kind);
  const t = normalizeType(type);
  if (!c?.nimsTyped || t === null || !/^\d+$/.test(t)) return null;
  return (NIMS_TYPES as readonly string[]).includes(t)
    ? null
    : `${c.kind} has NIMS types 1 to 4 (Type 1 is the most capable); there is no Type ${t}. Type 1-4, or a local designation such as BLS`;
}

export function isConsumable(kind: string): boolean {
  return catalogKind(kind)?.consumable ?? false;
}
