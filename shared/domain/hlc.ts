/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows wall time but never
 * goes backwards and orders causally related events across workstations, even when
 * their clocks disagree. Encoded as a fixed-width string so that text order is clock
 * order: `<wall ms, 15 digits>-<counter, 5 digits>-<workstation id>`.
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

export const HLC_MAX_COUNTER = 99_999;
/** A remote clock further ahead than this is refused rather than followed. */
export const HLC_MAX_DRIFT_MS = 5 * 60_000;

export class HlcError extends Error {}

export function formatHlc(h: Hlc): string {
  return `${String(h.wallMs).padStart(15, '0')}-${String(h.counter).padStart(5, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc {
  const m = /^(\d{15})-(\d{5})-(.+)$/.exec(s);
  if (!m) throw new HlcError(`Not a hybrid logical clock value: ${s}`);
  return { wallMs: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wallMs - b.wallMs || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
}

function bump(wallMs: number, counter: number, node: string): Hlc {
  if (counter > HLC_MAX_COUNTER) throw new HlcError('Clock counter overflow: too many events in one millisecond');
  return { wallMs, counter, node };
}

/** The clock for a local event at wall time `nowMs`. */
export function tick(last: Hlc, nowMs: number): Hlc {
  if (nowMs > last.wallMs) return bump(nowMs, 0, last.node);
  return bump(last.wallMs, last.counter + 1, last.node);
}

/** The clock after receiving `remote` at wall time `nowMs`. */
export function receive(last: Hlc, remote: Hlc, nowMs: number): Hlc {
  if (remote.wallMs - nowMs > HLC_MAX_DRIFT_MS) {
    throw new HlcError(
      `A clock from workstation ${remote.node} is ${Math.round((remote.wallMs - nowMs) / 1000)} s ahead of this one; check the clocks`,
    );
  }
  const wall = Math.max(last.wallMs, remote.wallMs, nowMs);
  if (wall === last.wallMs && wall === remote.wallMs) return bump(wall, Math.max(last.counter, remote.counter) + 1, last.node);
  if (wall === last.wallMs) return bump(wall, last.counter + 1, last.node);
  if (wall === remote.wallMs) return bump(wall, remote.counter + 1, last.node);
  return bump(wall, 0, last.node);
}

/** A clock that any real event will follow. */
export function zeroHlc(node: string): Hlc {
  return { wallMs: 0, counter: 0, node };
}
