import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * A raw TCP client for the browser host, so tests can send what no well-behaved client
 * would: request lines that do not parse, broken headers, hand-made WebSocket frames.
 */
export class RawClient {
  private data = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.data = Buffer.concat([this.data, d]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `done` holds for what was received, or the socket closes. */
  async until(done: (received: Buffer) => boolean): Promise<Buffer> {
    while (!done(this.data) && !this.closed) await new Promise<void>((r) => this.waiters.push(r));
    return this.data;
  }

  /** Everything the server sent until it closed the connection. */
  async untilClosed(): Promise<Buffer> {
    return this.until(() => false);
  }

  write(bytes: string | Buffer): void {
    this.socket.write(bytes);
  }

  /** Opens a WebSocket by hand (Host, Origin and token as the page sends them). */
  static async websocket(port: number, token: string): Promise<RawClient> {
    const c = await RawClient.connect(port);
    c.write(
      `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
        `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
        'Sec-WebSocket-Version: 13\r\n\r\n',
    );
    const head = await c.until((b) => b.includes('\r\n\r\n'));
    if (!head.toString('latin1').startsWith('HTTP/1.1 101')) throw new Error(`No upgrade: ${head.toString('latin1')}`);
    c.data = c.data.subarray(head.indexOf('\r\n\r\n') + 4);
    return c;
  }

  /** The status code of the close frame the server sent, if it sent one. */
  closeCode(): number | null {
    for (let i = 0; i + 1 < this.data.length; ) {
      const opcode = this.data[i]! & 0x0f;
      let len = this.data[i + 1]! & 0x7f;
      let at = i + 2;
      if (len === 126) {
        len = this.data.readUInt16BE(at);
        at += 2;
      } else if (len === 127) {
        len = Number(this.data.readBigUInt64BE(at));
        at += 8;
      }
      if (opcode === 0x8) return len >= 2 ? this.data.readUInt16BE(at) : null;
      i = at + len;
    }
    return null;
  }
}

/** One WebSocket frame. `declaredLength` lies about the payload size; `mask: false` breaks the client rule. */
export function frame(opcode: number, payload: Buffer, opts: { mask?: boolean; declaredLength?: number } = {}): Buffer {
  const mask = opts.mask ?? true;
  const len = opts.declaredLength ?? payload.length;
  let header: Buffer;
  if (len < 126) header = Buffer.from([0x80 | opcode, (mask ? 0x80 : 0) | len]);
  else if (len < 65536) {
    header = Buffer.from([0x80 | opcode, (mask ? 0x80 : 0) | 126, 0, 0]);
    header.writeUInt16BE(len, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = (mask ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(BigInt(len), 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([header, key, body]);
}
