import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { nextFreePort, portInUseMessage } from '../../../electron/backend/server/port-in-use';

describe('starting the browser host on a port in use', () => {
  it('says so in a sentence and offers the next free port', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as net.AddressInfo).port;
    const blocker = net.createServer();
    const next = await new Promise<number>((r) => blocker.listen(port + 1, '127.0.0.1', () => r(port + 1))).catch(() => port + 1);
    try {
      const free = await nextFreePort('127.0.0.1', port);
      expect(free).not.toBeNull();
      expect(free).not.toBe(next);
      expect(portInUseMessage('127.0.0.1', port, free)).toBe(
        `Port ${port} on 127.0.0.1 is already in use (another console or program is listening on it). Start it with --port ${free} (free now), or --port 0 for any free port.`,
      );
    } finally {
      taken.close();
      blocker.close();
    }
  });
});
