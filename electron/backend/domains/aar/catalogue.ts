import { newId as uuidv7 } from '../../db/ids';
import type { Capability, Framework, MethodParsedInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid, notFound } from '../../errors';

interface CapabilityRow {
  id: string;
  framework_id: string;
  parent_id: string | null;
  code: string;
  title: string;
  description: string;
  ordinal: number;
}

const toCapability = (r: CapabilityRow): Capability => ({
  id: r.id,
  frameworkId: r.framework_id,
  parentId: r.parent_id,
  code: r.code,
  title: r.title,
  description: r.description,
  ordinal: r.ordinal,
});

export function listFrameworks(db: Db): Framework[] {
  const fws = db
    .prepare('SELECT id, name, short_name, description, builtin FROM capability_frameworks WHERE deleted = 0 ORDER BY builtin DESC, name')
    .all() as { id: string; name: string; short_name: string; description: string; builtin: number }[];
  const caps = db
    .prepare('SELECT id, framework_id, parent_id, code, title, description, ordinal FROM capabilities WHERE deleted = 0 ORDER BY framework_id, ordinal, code')
    .all() as CapabilityRow[];
  return fws.map((f) => ({
    id: f.id,
    name: f.name,
    shortName: f.short_name,
    description: f.description,
    builtin: f.builtin === 1,
    capabilities: caps.filter((c) => c.framework_id === f.id).map(toCapability),
  }));
}

export function getFramework(db: Db, id: string): { id: string; name: string; short_name: string } | null {
  return (
    (db.prepare('SELECT id, name, short_name FROM capability_frameworks WHERE id = ? AND deleted = 0').get(id) as
      | { id: string; name: string; short_name: string }
      | undefined) ?? null
  );
}

export function getCapability(db: Db, id: string): Capability | null {
  const r = db.prepare('SELECT * FROM capabilities WHERE id = ? AND deleted = 0').get(id) as CapabilityRow | undefined;
  return r ? toCapability(r) : null;
}

export function capabilityByCode(db: Db, frameworkId: string, code: string): Capability | null {
  const r = db.prepare('SELECT * FROM capabilities WHERE framework_id = ? AND code = ? AND deleted = 0').get(frameworkId, code) as CapabilityRow | undefined;
  return r ? toCapability(r) : null;
}

/** "C2-O3 Coordinate Response Strategy…": how a capability is named in tables and documents. */
export const capabilityLabel = (c: Pick<Capability, 'code' | 'title'>): string => `${c.code} ${c.title}`;

/** Labels for many capabilities at once (deleted ones still named: a report keeps its history). */
export function capabilityLabels(db: Db, ids: readonly string[]): Map<string, string> {
  if (!ids.length) return new Map();
  const rows = db
    .prepare('SELECT id, code, title FROM capabilities WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as { id: string; code: string; title: string }[];
  return new Map(rows.map((r) => [r.id, capabilityLabel(r)]));
}

export function requireCapabilities(db: Db, ids: readonly string[]): void {
  const known = capabilityLabels(db, ids);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw notFound(`${missing.length === 1 ? 'A capability' : `${missing.length} capabilities`} of that list`);
}

export function saveFramework(tx: WriteTx, db: Db, input: MethodParsedInput<'aar.saveFramework'>): string {
  const clash = db
    .prepare('SELECT id FROM capability_frameworks WHERE lower(name) = lower(?) AND deleted = 0 AND id != ?')
    .get(input.name, input.id ?? '') as { id: string } | undefined;
  if (clash) throw conflict(`A framework named "${input.name}" already exists`);
  if (input.id && !getFramework(db, input.id)) throw notFound('That framework');
  const id = input.id ?? uuidv7();
  tx.put('capability_frameworks', id, {
    name: input.name,
    short_name: input.shortName,
    description: input.description,
    ...(input.id ? {} : { builtin: 0 }),
  });
  return id;
}

export function saveCapability(tx: WriteTx, db: Db, input: MethodParsedInput<'aar.saveCapability'>): string {
  if (!getFramework(db, input.frameworkId)) throw notFound('That framework');
  const existing = input.id ? getCapability(db, input.id) : null;
  if (input.id && !existing) throw notFound('That capability');
  if (existing && existing.frameworkId !== input.frameworkId) throw invalid('A capability cannot move to another framework; add it there instead');
  if (input.parentId) {
    const parent = getCapability(db, input.parentId);
    if (!parent || parent.frameworkId !== input.frameworkId) throw invalid('The parent capability must belong to the same framework');
    if (parent.parentId) throw invalid('Objectives sit under a capability, one level deep');
    if (input.id && input.parentId === input.id) throw invalid('A capability cannot be its own parent');
  }
  const clash = db
    .prepare('SELECT id FROM capabilities WHERE framework_id = ? AND lower(code) = lower(?) AND deleted = 0 AND id != ?')
    .get(input.frameworkId, input.code, input.id ?? '') as { id: string } | undefined;
  if (clash) throw conflict(`Code ${input.code} is already used in this framework`);
  const id = input.id ?? uuidv7();
  const ordinal =
    existing?.ordinal ??
    ((db.prepare('SELECT coalesce(max(ordinal), 0) AS n FROM capabilities WHERE framework_id = ? AND deleted = 0').get(input.frameworkId) as { n: number }).n + 1);
  tx.put('capabilities', id, {
    framework_id: input.frameworkId,
    parent_id: input.parentId,
    code: input.code,
    title: input.title,
    description: input.description,
    ordinal,
  });
  return id;
}

/** A capability a report rated or an action names stays: removing it would blank their rows. */
export function removeCapability(tx: WriteTx, db: Db, id: string): boolean {
  if (!getCapability(db, id)) throw notFound('That capability');
  const used = db
    .prepare(
      `SELECT (SELECT count(*) FROM aar_ratings WHERE capability_id = ? AND deleted = 0)
            + (SELECT count(*) FROM aar_actions WHERE capability_id = ? AND deleted = 0)
            + (SELECT count(*) FROM aar_observations WHERE capability_id = ? AND deleted = 0)
            + (SELECT count(*) FROM capabilities WHERE parent_id = ? AND deleted = 0) AS n`,
    )
    .get(id, id, id, id) as { n: number };
  if (used.n > 0) throw conflict('This capability is used by a report, a corrective action or its own objectives; it cannot be removed');
  return tx.remove('capabilities', id);
}
