/**
 * The canonical form of a record of fact, over which its chain link's hash is computed.
 * It must never change for a stored row: keys sorted, no whitespace, integers as integers,
 * strings as JSON strings, null kept. Anything else (NaN, objects in a column) is refused so
 * that two runtimes can never disagree on the bytes.
 *
 * Which columns are hashed is versioned: each fact table has a frozen column list per
 * version (`canonical-forms.ts`), a link records the version it was hashed under, and the
 * hash covers exactly those columns. Adding a column to a fact table adds a version; every
 * link hashed before keeps verifying under its own.
 */
export type CanonicalValue = string | number | null | boolean;

/** Per fact table, its column lists: index 0 is version 1. Released versions are frozen. */
export type CanonicalForms = Readonly<Record<string, readonly (readonly string[])[]>>;

export function canonicalRow(row: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(row).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = row[k];
    parts.push(`${JSON.stringify(k)}:${canonicalValue(k, v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** The canonical form of `row` over exactly `columns`; a column the row lacks is an error. */
export function canonicalFact(row: Readonly<Record<string, unknown>>, columns: readonly string[]): string {
  const picked: Record<string, unknown> = {};
  for (const c of columns) {
    if (!(c in row)) throw new Error(`The row has no column ${c}, which its canonical form covers`);
    picked[c] = row[c];
  }
  return canonicalRow(picked);
}

/** The canonical form of one column's value (exported for the writer's cached row layout). */
export function canonicalValue(key: string, v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Column ${key} holds a non-finite number`);
    return Number.isInteger(v) ? v.toFixed(0) : JSON.stringify(v);
  }
  throw new Error(`Column ${key} holds a value that has no canonical form`);
}

/** The newest version of a table's canonical form: what a new link is hashed under. */
export function latestCanonicalVersion(forms: CanonicalForms, table: string): number {
  const versions = forms[table];
  if (!versions?.length) throw new Error(`${table} has no frozen canonical column list`);
  return versions.length;
}

/** The columns version `version` of `table`'s canonical form covers. */
export function canonicalColumns(forms: CanonicalForms, table: string, version: number): readonly string[] {
  const cols = forms[table]?.[version - 1];
  if (!cols) throw new Error(`${table} has no canonical form version ${version}`);
  return cols;
}

/**
 * What one link of a workstation's chain commits to. Version 1 is the form every link had
 * before versions existed (all columns of the table as it then was); later versions name
 * themselves in the payload, so a link cannot be passed off as hashed under an older
 * version that leaves out a column.
 */
export function chainPayload(prevHash: string, table: string, rowCanonical: string, version = 1): string {
  return version === 1 ? `${prevHash}\n${table}\n${rowCanonical}` : `${prevHash}\n${table}\nv${version}\n${rowCanonical}`;
}

/** The hash a workstation's first link follows. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The bytes a workstation signs to vouch for its chain up to `seq`: origin, position,
 * hash, time. Anyone with the public key can check a head; a head signed at link N vouches
 * for every link up to N, because each link commits to the one before.
 */
export function headPayload(workstationId: string, seq: number, hash: string, signedAt: number): string {
  return `eoc-chain-head/1\n${workstationId}\n${seq}\n${hash}\n${signedAt}`;
}

/** How many links a bulk write may add before the writer signs an intermediate head. */
export const SIGNED_HEAD_EVERY = 32;

/**
 * A commit signs its workstation's chain head when this many of its links (or more) are
 * not yet under a signed head, or when SIGNED_HEAD_AFTER_MS have passed since the last
 * signature; a timer signs a head left unsigned that long by a quiet workstation. So no
 * more than SIGNED_HEAD_AFTER_LINKS - 1 links of a workstation's own chain are ever
 * committed without a signed head over them: what a crash can leave, and what the
 * verifier accepts as not yet signed rather than added without the key.
 */
export const SIGNED_HEAD_AFTER_LINKS = 16;
export const SIGNED_HEAD_AFTER_MS = 1000;
/** The longest tail of its own chain a workstation may hold unsigned (see SIGNED_HEAD_AFTER_LINKS). */
export const UNSIGNED_TAIL_MAX = SIGNED_HEAD_AFTER_LINKS - 1;
