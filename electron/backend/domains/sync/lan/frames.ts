import type { Duplex } from 'node:stream';

/** Largest message a peer may send (a page of changes and records): bigger is refused. */
export const MAX_FRAME = 256 * 1024 * 1024;

/**
 * Messages on a sync connection: one JSON object a line (JSON never holds a raw newline).
 * A peer that sends more than MAX_FRAME without a newline, or a line that is not JSON, is
 * disconnected; the host goes on.
 */
export function frames(socket: Duplex, onMessage: (m: Record<string, unknown>) => void, onBad: (why: string) => void): (m: unknown) => void {
  let buffered: Buffer[] = [];
  let size = 0;
  socket.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      buffered.push(chunk.subarray(start, i));
      const line = Buffer.concat(buffered).toString('utf8');
      buffered = [];
      size = 0;
      start = i + 1;
      let m: unknown;
      try {
        m = JSON.parse(line);
      } catch {
        onBad('a message that is not JSON');
        return;
      }
      if (!m || typeof m !== 'object' || Array.isArray(m)) {
        onBad('a message that is not an object');
        return;
      }
      onMessage(m as Record<string, unknown>);
    }
    const rest = chunk.subarray(start);
    size += rest.length;
    if (size > MAX_FRAME) {
      onBad('a message larger than allowed');
      return;
    }
    if (rest.length) buffered.push(rest);
  });
  return (m) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(m)}\n`);
  };
}
