import { isReportValue } from '../../../shared/domain/status-rules';

/**
 * An object, a list, a status report's values (a list of {t, n, s} that the region's bed
 * totals and trends are summed from, so each number must be a number), or any JSON (a
 * setting, whose shape depends on which; its reader checks it).
 */
type Shape = 'object' | 'array' | 'status values' | 'any';

/**
 * The synced columns that hold JSON text, by table, with the shape their readers parse. A
 * record or a change from another workstation is checked against this before any of it is
 * written: a value that is not JSON of that shape would otherwise stop the insert's
 * triggers (the batch held and retried forever) or break every screen that reads the row.
 * A test keeps this list whole against a demonstration store with a console setting and a
 * situation report's kept basis added (every column found holding JSON must be named here).
 */
export const JSON_COLUMNS: Readonly<Record<string, Readonly<Record<string, Shape>>>> = {
  activation_sheets: { content: 'object' },
  aar_observations: { evidence: 'array' },
  aar_reports: { mission_areas: 'array' },
  aar_section_revisions: { base_ids: 'array' },
  agreements: { party_ids: 'array', resources_covered: 'array' },
  audit_entries: { detail: 'object' },
  console_settings: { value: 'any' },
  contacts: { other_phones: 'array' },
  decisions: { options: 'array', links: 'array', snapshot: 'object' },
  eei_sets: { type_ids: 'array' },
  exercise_objectives: { capability_ids: 'array' },
  exercises: { capability_ids: 'array' },
  hva_hazards: { template_ids: 'array' },
  incident_templates: { objectives: 'array', position_codes: 'array', checklists: 'array' },
  incidents: { board_approvers: 'array' },
  map_annotations: { geometry: 'object' },
  map_overlays: { geojson: 'object' },
  request_events: { detail: 'object' },
  services: { languages: 'array' },
  sitrep_versions: { content: 'object' },
  sitreps: {
    record: 'object',
    summary_basis: 'object',
    needs_12h_basis: 'object',
    needs_24h_basis: 'object',
    needs_48h_basis: 'object',
    needs_72h_basis: 'object',
    objectives_next_basis: 'object',
  },
  status_reports: { vals: 'status values', flags: 'array' },
  status_requests: { type_ids: 'array', organisation_ids: 'array' },
  status_types: { choices: 'array', intervals: 'object' },
};

/**
 * Why a column's text is not the JSON its readers expect, in words; null when it is (or when
 * the column holds no JSON, or no value).
 */
export function jsonFault(table: string, column: string, value: unknown): string | null {
  const shape = JSON_COLUMNS[table]?.[column];
  if (!shape || value === null || value === undefined) return null;
  if (typeof value !== 'string') return `${table}.${column} holds a ${typeof value}, not JSON text`;
  let v: unknown;
  try {
    v = JSON.parse(value);
  } catch {
    return `${table}.${column} holds text that is not JSON`;
  }
  if (shape === 'any') return null;
  const is = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  const want = shape === 'status values' ? 'array' : shape;
  if (is !== want) return `${table}.${column} holds a JSON ${is}, not a JSON ${want}`;
  if (shape !== 'status values') return null;
  const bad = (v as unknown[]).findIndex((x) => !isReportValue(x));
  return bad < 0 ? null : `${table}.${column} holds a value (number ${bad + 1}) that is not a type with a number or a text`;
}
