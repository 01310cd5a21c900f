import { describe, expect, it } from 'vitest';
import type { EventEnvelope, ResponseEnvelope } from '../../../shared/contract';
import {
  CONNECTION_EVENT,
  createSocketBridge,
  LOST_MESSAGE,
  QUEUE_WAIT_MS,
  UNREACHABLE_MESSAGE,
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

function setup() {
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
  const bridge = createSocketBridge('ws://h/ws?token=t', env);
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
});
