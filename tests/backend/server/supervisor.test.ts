import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  EXIT_START_REFUSED,
  HostSupervisor,
  TOKEN_ENV,
  type HostChild,
  type HostSupervisorOptions,
} from '../../../electron/backend/server/supervisor';
import { tempDir } from '../helpers/backend';

class FakeChild implements HostChild {
  private messages: ((m: unknown) => void)[] = [];
  private exits: ((code: number | null, signal: string | null) => void)[] = [];
  killedWith: string | null = null;
  constructor(
    readonly args: readonly string[],
    readonly env: Readonly<Record<string, string>>,
  ) {}
  onMessage(l: (m: unknown) => void) {
    this.messages.push(l);
  }
  onExit(l: (code: number | null, signal: string | null) => void) {
    this.exits.push(l);
  }
  kill(signal: NodeJS.Signals) {
    this.killedWith = signal;
  }
  ready(port: number) {
    for (const l of this.messages) l({ type: 'ready', port, url: `http://127.0.0.1:${port}/?token=t` });
  }
  exit(code: number | null, signal: string | null = null) {
    for (const l of this.exits) l(code, signal);
  }
}

function harness(extra: Partial<HostSupervisorOptions> = {}) {
  const children: FakeChild[] = [];
  const logs: string[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let exitCode: number | null = null;
  let now = 0;
  const sup = new HostSupervisor({
    args: ['--data-dir', '/d'],
    token: 'tok',
    spawn: (args, env) => {
      const c = new FakeChild(args, env);
      children.push(c);
      return c;
    },
    onExit: (code) => (exitCode = code),
    log: (m) => logs.push(m),
    timers: { set: (fn, ms) => timers.push({ fn, ms }), clear: () => {} },
    now: () => now,
    ...extra,
  });
  return {
    sup,
    children,
    logs,
    timers,
    exitCode: () => exitCode,
    advance: (ms: number) => (now += ms),
    fire: () => timers.splice(0).forEach((t) => t.fn()),
  };
}

describe('the browser host supervisor', () => {
  it('restarts a host that crashed after it was ready, on the port it took and with the same token', () => {
    const h = harness();
    h.sup.start();
    expect(h.children[0]!.env[TOKEN_ENV]).toBe('tok');
    h.children[0]!.ready(45123);
    h.children[0]!.exit(null, 'SIGKILL');
    expect(h.logs.at(-1)).toMatch(/stopped unexpectedly \(killed by SIGKILL\); restarting it on port 45123/);
    h.fire();
    expect(h.children).toHaveLength(2);
    expect(h.children[1]!.args).toEqual(['--data-dir', '/d', '--port', '45123']);
    expect(h.children[1]!.env[TOKEN_ENV]).toBe('tok');
    h.children[1]!.ready(45123);
    expect(h.logs.at(-1)).toMatch(/running again at the same address/);
    expect(h.exitCode()).toBeNull();
  });

  it('does not retry a host that refused to start, and exits with its code', () => {
    const h = harness();
    h.sup.start();
    h.children[0]!.exit(EXIT_START_REFUSED);
    expect(h.exitCode()).toBe(EXIT_START_REFUSED);
    expect(h.timers).toHaveLength(0);
  });

  it('gives up in words after too many crashes in a short time', () => {
    const h = harness({ maxCrashes: 2, windowMs: 60_000 });
    h.sup.start();
    h.children[0]!.ready(4780);
    for (let i = 0; i < 3; i++) {
      h.children.at(-1)!.exit(1);
      h.advance(1000);
      h.fire();
    }
    expect(h.exitCode()).toBe(1);
    expect(h.logs.at(-1)).toMatch(/stopped 3 times within 60 s.*not restarting/);
  });

  it('forgets crashes older than its window', () => {
    const h = harness({ maxCrashes: 1, windowMs: 10_000 });
    h.sup.start();
    h.children[0]!.ready(4780);
    h.children[0]!.exit(1);
    h.fire();
    h.children[1]!.ready(4780);
    h.advance(20_000);
    h.children[1]!.exit(1);
    expect(h.exitCode()).toBeNull();
    expect(h.timers).toHaveLength(1);
  });

  it('passes a stop on to the host and exits when it has stopped, without restarting it', () => {
    const h = harness();
    h.sup.start();
    h.children[0]!.ready(4780);
    h.sup.stop('SIGINT');
    expect(h.children[0]!.killedWith).toBe('SIGINT');
    h.children[0]!.exit(0);
    expect(h.exitCode()).toBe(0);
    expect(h.timers).toHaveLength(0);
  });

  it('keeps a real host answering on the same address after it is killed (SIGKILL)', async () => {
    const dataDir = tempDir();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const entry = path.resolve('electron/backend/server/cli.ts');
    const readies: number[] = [];
    const pids: number[] = [];
    let onReady: (() => void) | null = null;
    let exited: (code: number) => void = () => {};
    const done = new Promise<number>((r) => (exited = r));
    const sup = new HostSupervisor({
      args: ['--data-dir', dataDir, '--port', '0'],
      token: 'supervised-token',
      backoffMs: [50],
      log: () => {},
      spawn(args, env) {
        const child = fork(entry, [...args], {
          execArgv: ['--import', 'tsx'],
          env: { ...process.env, ...env, EOC_RENDERER_DIR: rendererDir },
          stdio: 'ignore',
        });
        pids.push(child.pid!);
        child.on('message', (m) => {
          if ((m as { type?: string }).type === 'ready') {
            readies.push((m as { port: number }).port);
            onReady?.();
          }
        });
        return { onMessage: (l) => child.on('message', l), onExit: (l) => child.on('exit', l), kill: (s) => child.kill(s) };
      },
      onExit: (code) => exited(code),
    });
    const ready = () => new Promise<void>((r) => (onReady = r));
    let next = ready();
    sup.start();
    await next;
    const ping = async (port: number) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=supervised-token`, { origin: `http://127.0.0.1:${port}` });
      const reply = await new Promise<string>((resolve, reject) => {
        ws.on('open', () => ws.send(JSON.stringify({ id: 'x', method: 'system.ping', input: {} })));
        // The reply to this ping, not an event the host broadcasts meanwhile (a start-up integrity check's).
        ws.on('message', (d) => {
          if ((JSON.parse(d.toString()) as { id?: string }).id === 'x') resolve(d.toString());
        });
        ws.on('error', reject);
      });
      ws.close();
      return JSON.parse(reply) as { ok: boolean };
    };
    expect((await ping(readies[0]!)).ok).toBe(true);
    next = ready();
    process.kill(pids[0]!, 'SIGKILL');
    await next;
    expect(readies[1]).toBe(readies[0]);
    expect(pids[1]).not.toBe(pids[0]);
    expect((await ping(readies[1]!)).ok).toBe(true);
    sup.stop('SIGTERM');
    expect(await done).toBe(0);
  });
});
