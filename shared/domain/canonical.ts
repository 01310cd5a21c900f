/**
 * The canonical form of a record of fact, over which its hash is computed. It must never
 * change for a stored row: keys sorted, no whitespace, integers as integers, strings as
 * JSON strings, null kept. Anything else (NaN, objects in a column) is refused so that
 * two runtimes can never disagree on the bytes.
 */
export type CanonicalValue = string | number | null | boolean;

export function canonicalRow(row: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(row).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = row[k];
    parts.push(`${JSON.stringify(k)}:${canonicalValue(k, v)}`);
  }
  return `{${parts.join(',')}}`;
}

function canonicalValue(key: string, v: unknown): string {
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

/** What one link of a workstation's chain commits to. */
export function chainPayload(prevHash: string, table: string, rowCanonical: string): string {
  return `${prevHash}\n${table}\n${rowCanonical}`;
}

/** The hash a workstation's first link follows. */
export const GENESIS_HASH = '0'.repeat(64);
