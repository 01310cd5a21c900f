import type { StatusType } from '../../../../shared/contract';
import { DISCIPLINES, type Discipline } from '../../../../shared/domain/disciplines';
import type { RuleType, StatusChoice, StatusKind } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';

interface TypeRow {
  id: string;
  code: string;
  label: string;
  group_name: string;
  ordinal: number;
  kind: StatusKind;
  unit: string | null;
  min_value: number | null;
  max_value: number | null;
  choices: string;
  baseline_type_id: string | null;
  jump_share: number | null;
  aggregate: 'sum' | 'none';
  intervals: string;
  default_interval: number;
  have_field: string | null;
}

export interface Level {
  id: string;
  name: string;
  rank: number;
}

/** A status type as the backend works with it. */
export interface TypeDef extends RuleType {
  readonly group: string;
  readonly ordinal: number;
  readonly choices: readonly StatusChoice[];
  readonly aggregate: 'sum' | 'none';
  readonly intervals: Readonly<Record<string, number>>;
  readonly defaultInterval: number;
  readonly haveField: string | null;
}

const toDef = (r: TypeRow): TypeDef => ({
  id: r.id,
  code: r.code,
  label: r.label,
  group: r.group_name,
  ordinal: r.ordinal,
  kind: r.kind,
  unit: r.unit,
  min: r.min_value,
  max: r.max_value,
  choices: JSON.parse(r.choices) as StatusChoice[],
  baselineTypeId: r.baseline_type_id,
  jumpShare: r.jump_share,
  aggregate: r.aggregate,
  intervals: JSON.parse(r.intervals) as Record<string, number>,
  defaultInterval: r.default_interval,
  haveField: r.have_field,
});

/**
 * The catalogue is tens of rows read on every status screen; it is cached per connection
 * and dropped when a write touches it (see forgetCatalogue), so a board refresh parses no JSON.
 */
const cache = new WeakMap<
  Db,
  { types: TypeDef[]; byId: Map<string, TypeDef>; byCode: Map<string, TypeDef>; sets: Map<Discipline, string[]>; setIds: Map<Discipline, Set<string>> }
>();

export function forgetCatalogue(db: Db): void {
  cache.delete(db);
}

function load(db: Db) {
  let c = cache.get(db);
  if (!c) {
    const types = (db.prepare('SELECT * FROM status_types WHERE deleted = 0 ORDER BY ordinal, label').all() as TypeRow[]).map(toDef);
    const sets = new Map(
      (db.prepare('SELECT discipline, type_ids FROM eei_sets WHERE deleted = 0').all() as { discipline: Discipline; type_ids: string }[]).map((r) => [
        r.discipline,
        JSON.parse(r.type_ids) as string[],
      ]),
    );
    const byId = new Map(types.map((t) => [t.id, t]));
    // A set keeps only live types, in the set's order.
    for (const [d, ids] of sets) sets.set(d, ids.filter((id) => byId.has(id)));
    c = { types, byId, byCode: new Map(types.map((t) => [t.code, t])), sets, setIds: new Map() };
    cache.set(db, c);
  }
  return c;
}

export const statusTypes = (db: Db): readonly TypeDef[] => load(db).types;
export const typeById = (db: Db): ReadonlyMap<string, TypeDef> => load(db).byId;
export const typeByCode = (db: Db): ReadonlyMap<string, TypeDef> => load(db).byCode;
export const eeiSets = (db: Db): ReadonlyMap<Discipline, readonly string[]> => load(db).sets;

/** The ids of the status types a discipline reports (kept with the cached catalogue). */
export function setIdsOf(db: Db, discipline: Discipline): ReadonlySet<string> {
  const c = load(db);
  let ids = c.setIds.get(discipline);
  if (!ids) c.setIds.set(discipline, (ids = new Set(c.sets.get(discipline) ?? [])));
  return ids;
}

/** The status types a discipline reports, in its set's order. */
export function setOf(db: Db, discipline: Discipline): readonly TypeDef[] {
  const { sets, byId } = load(db);
  return (sets.get(discipline) ?? []).map((id) => byId.get(id)!);
}

/** The disciplines whose set includes the type, in the directory's order of disciplines. */
export function disciplinesOf(db: Db, typeId: string): Discipline[] {
  const { sets } = load(db);
  return DISCIPLINES.filter((d) => sets.get(d)?.includes(typeId));
}

export function levels(db: Db): Level[] {
  return db.prepare('SELECT id, name, rank FROM activation_levels WHERE deleted = 0 ORDER BY rank, name').all() as Level[];
}

/**
 * The coalition's activation level now: the highest of its open incidents, else the
 * lowest level (monitoring). Staleness is read against this level's intervals.
 */
export function currentLevel(db: Db): Level | null {
  const open = db
    .prepare(
      `SELECT l.id, l.name, l.rank FROM incidents i JOIN activation_levels l ON l.id = i.activation_level_id
       WHERE i.status = 'open' AND i.deleted = 0 ORDER BY l.rank DESC LIMIT 1`,
    )
    .get() as Level | undefined;
  return open ?? levels(db)[0] ?? null;
}

export const intervalAt = (t: TypeDef, level: Level | null): number => (level ? (t.intervals[level.id] ?? t.defaultInterval) : t.defaultInterval);

export function toStatusType(db: Db, t: TypeDef, level: Level | null): StatusType {
  return {
    id: t.id,
    code: t.code,
    label: t.label,
    group: t.group,
    ordinal: t.ordinal,
    kind: t.kind,
    unit: t.unit,
    min: t.min,
    max: t.max,
    choices: [...t.choices],
    baselineTypeId: t.baselineTypeId,
    jumpShare: t.jumpShare,
    aggregate: t.aggregate,
    intervals: { ...t.intervals },
    defaultInterval: t.defaultInterval,
    intervalNow: intervalAt(t, level),
    haveField: t.haveField,
    disciplines: disciplinesOf(db, t.id),
  };
}
