import { invalid } from '../../errors';

/**
 * A position in time order: the timeline key split in two so each half stays an exact
 * JavaScript number (the key itself, occurred_at * 2^20 + n, does not). Opaque to the
 * renderer: it only hands back what it was given.
 */
export interface TimelinePosition {
  readonly occurredAt: number;
  readonly n: number;
}

export const KEY_SHIFT = 20n;

export function keyOf(p: TimelinePosition): bigint {
  return (BigInt(p.occurredAt) << KEY_SHIFT) | BigInt(p.n);
}

export function timeKey(ms: number): bigint {
  return BigInt(ms) << KEY_SHIFT;
}

export function encodeCursor(p: TimelinePosition): string {
  return Buffer.from(`${p.occurredAt}.${p.n}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): TimelinePosition {
  const m = /^(\d{1,16})\.(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const occurredAt = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(occurredAt) || n >= 2 ** 20) {
    throw invalid('The page cursor is not valid; reload the list', { issues: [{ path: ['cursor'], message: 'Not a cursor from this list' }] });
  }
  return { occurredAt, n };
}
