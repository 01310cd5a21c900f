import { describe, expect, it } from 'vitest';
import type { EventEnvelope, ResponseEnvelope } from '../../../shared/contract';
import {
  CONNECTION_EVENT,
  createSocketBridge,
  LOST_MESSAGE,
  QUEUE_WAIT_MS,
  UNREACHABLE_MESSAGE,
  type BootStart,
  type BridgeEnv,
  type SocketLike,
} from '../../../renderer/src/lib/ws-bridge';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  sent: string[] = [];
  send(text: string) {
    this.sent.push(text);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  reply(r: ResponseEnvelope) {
    this.onmessage?.({ data: JSON.stringify(r) });
  }
}

function setup(boot?: BootStart) {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const env: BridgeEnv = {
    openSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => ((h as { cleared: boolean }).cleared = true),
  };
  const bridge = createSocketBridge('ws://h/ws?token=t', env, boot);
  const events: EventEnvelope[] = [];
  bridge.onEvent((e) => events.push(e));
  const fire = (ms: number) => timers.filter((t) => t.ms === ms && !t.cleared).forEach((t) => ((t.cleared = true), t.fn()));
  return { bridge, sockets, timers, events, fire };
}

const req = (id: string) => ({ id, method: 'system.ping', input: {} });

describe('the browser host transport', () => {
  it('answers a request in flight when the socket drops with unavailable, at once, instead of hanging', async () => {
    const { bridge, sockets } = setup();
    sockets[0]!.open();
    const pending = bridge.invoke(req('a'));
    expect(sockets[0]!.sent).toHaveLength(1);
    sockets[0]!.drop();
    await expect(pending).resolves.toEqual({ id: 'a', ok: false, error: { code: 'unavailable', message: LOST_MESSAGE } });
    expect(LOST_MESSAGE).toMatch(/Reconnecting…/);
  });

  it('says it is reconnecting, reconnects on its own, and refreshes every read once back', () => {
    const { sockets, events, fire } = setup();
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(events.at(-1)).toEqual({ event: CONNECTION_EVENT, payload: { connected: false, attempt: 1 } });
    fire(250);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop();
    expect(events.at(-1)).toEqual({ event: CONNECTION_EVENT, payload: { connected: false, attempt: 2 } });
    fire(500);
    sockets[2]!.open();
    expect(events.slice(-2)).toEqual([
      { event: CONNECTION_EVENT, payload: { connected: true, attempt: 0 } },
      { event: 'data.changed', payload: { tables: ['*'] } },
    ]);
  });

  it('sends a request made while disconnected once the socket is back, and gets its answer', async () => {
    const { bridge, sockets, fire } = setup();
    sockets[0]!.open();
    sockets[0]!.drop();
    const pending = bridge.invoke(req('b'));
    fire(250);
    sockets[1]!.drop(); // a failed attempt does not fail a request it never carried
    fire(500);
    sockets[2]!.open();
    expect(sockets[2]!.sent).toHaveLength(1);
    sockets[2]!.reply({ id: 'b', ok: true, result: { pong: true } });
    await expect(pending).resolves.toMatchObject({ id: 'b', ok: true });
  });

  it('gives up on a request made while the host stays away, in words, after a bounded wait', async () => {
    const { bridge, sockets, fire } = setup();
    sockets[0]!.drop();
    const pending = bridge.invoke(req('c'));
    fire(QUEUE_WAIT_MS);
    await expect(pending).resolves.toEqual({ id: 'c', ok: false, error: { code: 'unavailable', message: UNREACHABLE_MESSAGE } });
  });

  it('ignores a message that is not JSON instead of throwing', () => {
    const { sockets } = setup();
    sockets[0]!.open();
    expect(() => sockets[0]!.onmessage?.({ data: 'garbage' })).not.toThrow();
  });

  describe('adopting the socket the boot script opened', () => {
    const bootWith = (socket: FakeSocket, messages: unknown[] = []): BootStart => ({ url: 'ws://h/ws?token=t', socket, asked: ['system.info', 'setup.status'], messages });

    it('answers the first read of an asked method from what the boot script already received, without asking again', async () => {
      const early = new FakeSocket();
      early.readyState = 1;
      const { bridge, sockets } = setup(bootWith(early, [JSON.stringify({ id: 'boot:system.info', ok: true, result: { v: 1 } })]));
      expect(sockets).toHaveLength(0);
      await expect(bridge.invoke({ id: 'x', method: 'system.info', input: {} })).resolves.toEqual({ id: 'x', ok: true, result: { v: 1 } });
      // The answer on its way: taken when it comes.
      const pending = bridge.invoke({ id: 'y', method: 'setup.status', input: {} });
      early.reply({ id: 'boot:setup.status', ok: true, result: { configured: false } });
      await expect(pending).resolves.toEqual({ id: 'y', ok: true, result: { configured: false } });
      expect(early.sent).toHaveLength(0);
      // Later reads of the same method are asked like any other.
      void bridge.invoke({ id: 'z', method: 'system.info', input: {} });
      expect(early.sent.map((t) => (JSON.parse(t) as { id: string }).id)).toEqual(['z']);
    });

    it('hands over an answer the boot script already has, at once and once; not one still on its way, nor a refusal', async () => {
      const early = new FakeSocket();
      early.readyState = 1;
      const { bridge } = setup(
        bootWith(early, [
          JSON.stringify({ id: 'boot:system.info', ok: true, result: { v: 1 } }),
          JSON.stringify({ id: 'boot:setup.status', ok: false, error: { code: 'degraded', message: 'no' } }),
        ]),
      );
      expect(bridge.takeBootAnswer('system.info')).toEqual({ id: 'boot:system.info', ok: true, result: { v: 1 } });
      expect(bridge.takeBootAnswer('system.info')).toBeUndefined();
      // A refusal stays for the read that asks: it is answered with it, as before.
      expect(bridge.takeBootAnswer('setup.status')).toBeUndefined();
      await expect(bridge.invoke({ id: 'x', method: 'setup.status', input: {} })).resolves.toMatchObject({
        id: 'x',
        ok: false,
        error: { code: 'degraded' },
      });
      // Taken, the answer is not given again: the next read is asked of the host.
      void bridge.invoke({ id: 'y', method: 'system.info', input: {} });
      expect(early.sent.map((t) => (JSON.parse(t) as { id: string }).id)).toEqual(['y']);
    });

    it('hands over nothing while the boot answer is still on its way, and the read waiting for it gets it', async () => {
      const early = new FakeSocket();
      early.readyState = 1;
      const { bridge } = setup(bootWith(early));
      expect(bridge.takeBootAnswer('system.info')).toBeUndefined();
      const pending = bridge.invoke({ id: 'x', method: 'system.info', input: {} });
      early.reply({ id: 'boot:system.info', ok: true, result: { v: 3 } });
      await expect(pending).resolves.toEqual({ id: 'x', ok: true, result: { v: 3 } });
      expect(early.sent).toHaveLength(0);
    });

    it('asks the boot questions itself when it adopted the socket before it opened', async () => {
      const early = new FakeSocket();
      const { bridge } = setup(bootWith(early));
      const pending = bridge.invoke({ id: 'x', method: 'system.info', input: {} });
      early.open();
      expect(early.sent.map((t) => (JSON.parse(t) as { id: string }).id)).toEqual(['boot:system.info', 'boot:setup.status']);
      early.reply({ id: 'boot:system.info', ok: true, result: { v: 2 } });
      await expect(pending).resolves.toEqual({ id: 'x', ok: true, result: { v: 2 } });
    });

    it('answers unavailable when the boot socket drops before its answer, and asks anew once reconnected', async () => {
      const early = new FakeSocket();
      early.readyState = 1;
      const { bridge, sockets, fire } = setup(bootWith(early));
      const pending = bridge.invoke({ id: 'x', method: 'system.info', input: {} });
      early.drop();
      await expect(pending).resolves.toMatchObject({ id: 'x', ok: false, error: { code: 'unavailable' } });
      fire(250);
      sockets[0]!.open();
      void bridge.invoke({ id: 'y', method: 'setup.status', input: {} });
      expect(sockets[0]!.sent.map((t) => (JSON.parse(t) as { id: string }).id)).toEqual(['y']);
    });
  });
});
