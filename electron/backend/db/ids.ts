import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Random bytes drawn from the system in one call for many ids (as node's randomUUID does). */
const POOL = new Uint8Array(16 * 256);
let used = POOL.length;
const state = { msecs: -Infinity, seq: 0 };

/**
 * A new record id: a UUID version 7 (time-ordered, increasing within a millisecond as the
 * uuid package's own v7 does), with its random bits taken from a pool refilled 256 ids at a
 * time. The uuid package asks the system for 16 bytes per id, which is a tenth of the cost
 * of appending a record in a bulk import.
 */
export function newId(): string {
  if (used === POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  const random = POOL.subarray(used, used + 16);
  used += 16;
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}
