import { describe, expect, it } from 'vitest';
import type { EventEnvelope, RequestEnvelope } from '../../../shared/contract/define';
import {
  BackendSupervisor,
  RESTARTED_MESSAGE,
  SHUTTING_DOWN_MESSAGE,
  type BackendChild,
} from '../../../electron/main/backend-supervisor';
import { createBackend } from '../../../electron/backend/backend';
import { tempDir } from '../helpers/backend';
import { InProcessChild, ManualTimers, ScriptedChild } from './children';

function supervise<C extends BackendChild>(make: () => C) {
  const children: C[] = [];
  const events: EventEnvelope[] = [];
  const fatals: string[] = [];
  const logs: string[] = [];
  const timers = new ManualTimers();
  let now = 0;
  const supervisor = new BackendSupervisor({
    spawn: () => {
      const c = make();
      children.push(c);
      return c;
    },
    onEvent: (e) => events.push(e),
    onFatal: (m) => fatals.push(m),
    log: (m) => logs.push(m),
    timers,
    now: () => now,
  });
  return { supervisor, children, events, fatals, logs, timers, advance: (ms: number) => (now += ms) };
}

const req = (id: string, method = 'system.ping', input: unknown = {}): RequestEnvelope => ({ id, method, input });

describe('the backend supervisor, with the real host and backend in process', () => {
  it('routes each answer to its caller even when two windows use the same request id', async () => {
    const dataDir = tempDir();
    const t = supervise(() => new InProcessChild(dataDir));
    t.supervisor.start();
    const [ping, info] = await Promise.all([
      t.supervisor.invoke(req('same', 'system.ping')),
      t.supervisor.invoke(req('same', 'system.info')),
    ]);
    expect(ping).toMatchObject({ id: 'same', ok: true, result: { now: expect.any(Number) } });
    expect(info).toMatchObject({ id: 'same', ok: true, result: { dataDir } });
    await t.supervisor.stop();
  });

  it('relays push events from the backend', async () => {
    const t = supervise(() => new InProcessChild(tempDir()));
    t.supervisor.start();
    const r = await t.supervisor.invoke(
      req('s', 'setup.complete', { coalitionName: 'C', region: 'R', timeZone: 'UTC', workstationName: 'W' }),
    );
    expect(r.ok).toBe(true);
    expect(t.events.map((e) => e.event)).toContain('data.changed');
    await t.supervisor.stop();
  });

  it('restarts a backend that died and serves the same store again', async () => {
    const dataDir = tempDir();
    const t = supervise(() => new InProcessChild(dataDir));
    t.supervisor.start();
    await t.supervisor.invoke(
      req('s', 'setup.complete', { coalitionName: 'C', region: 'R', timeZone: 'UTC', workstationName: 'W' }),
    );
    await t.children[0]!.crash(1);
    expect(t.supervisor.state).toBe('restarting');
    const after = t.supervisor.invoke(req('after', 'setup.status'));
    t.timers.fire(250);
    expect(await after).toMatchObject({ id: 'after', ok: true, result: { configured: true } });
    expect(t.children).toHaveLength(2);
    await t.supervisor.stop();
  });

  it('closes the backend on stop, releasing its data folder', async () => {
    const dataDir = tempDir();
    const t = supervise(() => new InProcessChild(dataDir));
    t.supervisor.start();
    await t.supervisor.invoke(req('p'));
    await t.supervisor.stop();
    expect(t.supervisor.state).toBe('stopped');
    expect(t.children[0]!.received.at(-1)).toEqual({ type: 'close' });
    expect(t.children[0]!.exited).toBe(true);
    const again = await createBackend({ dataDir, backupIntervalMs: 0 });
    await again.close();
  });
});

describe('the backend supervisor, step by step', () => {
  it('holds requests until the backend is ready, then sends them', () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    void t.supervisor.invoke(req('a'));
    expect(t.children[0]!.requests()).toEqual([]);
    t.children[0]!.emit({ type: 'ready' });
    expect(t.children[0]!.requests().map((r) => r.request)).toEqual([req('a')]);
  });

  it('answers a request in flight when the backend dies, never replays it, and restarts after a backoff', async () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    t.children[0]!.emit({ type: 'ready' });
    const inFlight = t.supervisor.invoke(req('write-1', 'backup.create'));
    t.children[0]!.exit(1);
    expect(await inFlight).toEqual({
      id: 'write-1',
      ok: false,
      error: { code: 'unavailable', message: RESTARTED_MESSAGE },
    });
    expect(t.supervisor.state).toBe('restarting');
    expect(t.timers.delays()).toEqual([250]);

    const later = t.supervisor.invoke(req('read-2'));
    t.timers.fire(250);
    const second = t.children[1]!;
    second.emit({ type: 'ready' });
    expect(second.requests().map((r) => (r.request as RequestEnvelope).id)).toEqual(['read-2']);
    // A late answer from the dead process is not taken for the new one's.
    t.children[0]!.emit({
      type: 'response',
      id: second.requests()[0]!.id,
      response: { id: 'read-2', ok: true, result: 'stale' },
    });
    second.respond(second.requests()[0]!.id, { now: 1 });
    expect(await later).toEqual({ id: 'read-2', ok: true, result: { now: 1 } });
  });

  it('backs off further after each quick death, and starts over once a backend stayed up', () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    t.children[0]!.exit(1);
    expect(t.timers.delays()).toEqual([250]);
    t.timers.fire(250);
    t.children[1]!.exit(1);
    expect(t.timers.delays()).toEqual([1000]);
    t.timers.fire(1000);
    t.children[2]!.emit({ type: 'ready' });
    t.advance(60_000);
    t.children[2]!.exit(1);
    expect(t.timers.delays()).toEqual([250]);
    expect(t.logs.filter((l) => l.includes('exited unexpectedly'))).toHaveLength(3);
  });

  it('does not retry a backend that refused to start, and tells main why once', async () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    const waiting = t.supervisor.invoke(req('a'));
    const why = 'This data file was written by a newer version of the console';
    t.children[0]!.emit({ type: 'fatal', message: why });
    expect(await waiting).toEqual({ id: 'a', ok: false, error: { code: 'unavailable', message: why } });
    expect(t.fatals).toEqual([why]);
    expect(t.supervisor.state).toBe('failed');
    expect(await t.supervisor.invoke(req('b'))).toMatchObject({ ok: false, error: { message: why } });

    const stopped = t.supervisor.stop();
    expect(t.children[0]!.received.at(-1)).toEqual({ type: 'close' });
    t.children[0]!.exit(0);
    await stopped;
    expect(t.children).toHaveLength(1);
    expect(t.timers.delays()).toEqual([]);
  });

  it('on stop, answers what is still waiting and refuses new requests', async () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    t.children[0]!.emit({ type: 'ready' });
    const waiting = t.supervisor.invoke(req('a'));
    const stopped = t.supervisor.stop();
    expect(t.supervisor.stop()).toBe(stopped);
    t.children[0]!.exit(0);
    await stopped;
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'unavailable', message: SHUTTING_DOWN_MESSAGE } });
    expect(await t.supervisor.invoke(req('b'))).toMatchObject({ ok: false, error: { message: SHUTTING_DOWN_MESSAGE } });
    expect(t.children[0]!.killed).toBe(false);
  });

  it('kills a backend that does not close in time', async () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    t.children[0]!.emit({ type: 'ready' });
    const stopped = t.supervisor.stop();
    expect(t.timers.delays()).toEqual([5000]);
    t.timers.fire(5000);
    await stopped;
    expect(t.children[0]!.killed).toBe(true);
    expect(t.supervisor.state).toBe('stopped');
    expect(t.logs.some((l) => l.includes('did not close'))).toBe(true);
  });

  it('does not restart a backend while the app is quitting', async () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    t.children[0]!.exit(1);
    expect(t.timers.delays()).toEqual([250]);
    await t.supervisor.stop();
    expect(t.timers.delays()).toEqual([]);
    expect(t.children).toHaveLength(1);
  });

  it('drops a malformed message from the backend and logs it', () => {
    const t = supervise(() => new ScriptedChild());
    t.supervisor.start();
    t.children[0]!.emit({ type: 'response', id: 'x' });
    t.children[0]!.emit('ready');
    expect(t.supervisor.state).toBe('starting');
    expect(t.logs.filter((l) => l.includes('malformed'))).toHaveLength(2);
  });
});
