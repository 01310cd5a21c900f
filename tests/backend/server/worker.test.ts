import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBackend, type Backend } from '../../../electron/backend';
import { createLogger, logFileOf } from '../../../electron/backend/logger';
import { startBrowserHost, type BrowserHost } from '../../../electron/backend/server/server';
import { backendWorker, type BackendWorker, type WorkerLike } from '../../../electron/backend/server/worker-client';
import type { HostToWorker } from '../../../electron/backend/server/worker-protocol';
import { serveInWorker } from '../../../electron/backend/server/worker-serve';
import { tempDir } from '../helpers/backend';

/** A promise settled when the test says so. */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * The backend's worker thread without the thread: the host's side and the worker's side
 * joined by a real MessageChannel (so every message is structured-cloned as between
 * threads), and the worker's `error`/`exit` raised by the test.
 */
class FakeWorker extends EventEmitter implements WorkerLike {
  readonly channel = new MessageChannel();
  readonly sent: HostToWorker[] = [];
  constructor() {
    super();
    this.channel.port1.on('message', (m: unknown) => {
      const exit = (m as { fakeExit?: number } | null)?.fakeExit;
      if (exit === undefined) return void this.emit('message', m);
      // As worker_threads does: what the thread posted before it ended arrives before 'exit'.
      this.channel.port1.close();
      this.emit('exit', exit);
    });
  }
  postMessage(m: HostToWorker): void {
    this.sent.push(m);
    this.emit('sent');
    this.channel.port1.postMessage(m);
  }
  /** The thread ends (from its own side). */
  end(code: number): void {
    this.channel.port2.postMessage({ fakeExit: code });
    this.channel.port2.close();
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A host's side and a worker's side; the store opens when `open()` is called. */
function startWorker(dataDir = tempDir(), start?: () => Promise<Backend>) {
  const worker = new FakeWorker();
  const gate = later<void>();
  const exits: number[] = [];
  const logger = createLogger({ dataDir });
  let backend: Backend | null = null;
  const served = serveInWorker({
    port: worker.channel.port2,
    logger,
    start:
      start ??
      (async () => {
        await gate.promise;
        return (backend = await createBackend({ dataDir, backupIntervalMs: 0, logger }));
      }),
    exit: (code) => {
      exits.push(code);
      worker.end(code);
    },
  });
  const client = backendWorker(worker, dataDir);
  cleanups.push(async () => {
    if (!exits.length) {
      gate.resolve();
      await Promise.race([client.close(), client.opened.catch(() => {})]);
      if (!exits.length) await backend?.close();
    }
  });
  return { worker, client, served, exits, open: () => gate.resolve(), dataDir };
}

async function hostOver(client: BackendWorker, dataDir: string): Promise<BrowserHost> {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  const host = await startBrowserHost({ backend: client.backend, rendererDir, port: 0 });
  cleanups.push(() => host.close());
  void dataDir;
  return host;
}

function socketTo(host: BrowserHost) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  const received: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    received.push(JSON.parse(d.toString()) as Record<string, unknown>);
    for (const w of waiters.splice(0)) w();
  });
  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise<void>((r) => waiters.push(r));
  };
  return { ws, received, until, open: new Promise<void>((r) => ws.once('open', () => r())) };
}

describe("the browser host's backend in its worker thread", () => {
  it('serves the page at once and answers requests sent while the store opens, in order, once it is open', async () => {
    const w = startWorker();
    const host = await hostOver(w.client, w.dataDir);
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(await page.text()).toContain('<title>console</title>');

    const s = socketTo(host);
    await s.open;
    for (const id of ['a', 'b', 'c']) s.ws.send(JSON.stringify({ id, method: 'system.ping', input: {} }));
    // All three have gone to the worker, and none is answered before the store is open.
    while (w.worker.sent.filter((m) => m.type === 'request').length < 3) await new Promise((r) => w.worker.once('sent', r));
    expect(s.received).toEqual([]);
    w.open();
    await w.client.opened;
    await s.until(() => s.received.length === 3);
    expect(s.received.map((m) => [m.id, m.ok])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    s.ws.close();
  });

  it('answers text that is not JSON as the host always did, and passes events on as text', async () => {
    const w = startWorker();
    w.open();
    await w.client.opened;
    expect(JSON.parse(await w.client.backend.request('{nope'))).toEqual({ id: '', ok: false, error: { code: 'validation', message: 'Malformed request: not JSON' } });
    const changed = new Promise<string>((r) => w.client.backend.onEvent((t) => (JSON.parse(t) as { event: string }).event === 'data.changed' && r(t)));
    const done = JSON.parse(
      await w.client.backend.request(
        JSON.stringify({ id: 's', method: 'setup.complete', input: { coalitionName: 'Test Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'EOC-1' } }),
      ),
    ) as { ok: boolean };
    expect(done.ok).toBe(true);
    expect(JSON.parse(await changed)).toMatchObject({ event: 'data.changed' });
  });

  it('an answer that cannot be serialised is still answered, as an internal error in words, and the next request is served', async () => {
    const dataDir = tempDir();
    const w = startWorker(dataDir, async () => {
      const real = await createBackend({ dataDir, backupIntervalMs: 0 });
      const handle = real.handle.bind(real);
      // A defect in a handler: a BigInt in its answer, which JSON cannot carry.
      real.handle = async (r) => ((r as { method?: string }).method === 'system.info' ? ({ id: 'x', ok: true, result: { n: 1n } } as never) : handle(r));
      cleanups.push(() => real.close());
      return real;
    });
    await w.client.opened;
    const answer = JSON.parse(await w.client.backend.request(JSON.stringify({ id: 'x', method: 'system.info', input: {} })));
    expect(answer).toMatchObject({ id: 'x', ok: false, error: { code: 'internal', message: expect.stringContaining('The answer could not be sent') } });
    expect(JSON.parse(await w.client.backend.request(JSON.stringify({ id: 'y', method: 'system.ping', input: {} })))).toMatchObject({ id: 'y', ok: true });
  });

  it('rejects `opened` with the reason in words when the store does not open (the host then stops, exit 3)', async () => {
    const w = startWorker(tempDir(), () => Promise.reject(new Error('The data folder is in use by another console')));
    await expect(w.client.opened).rejects.toThrow('The data folder is in use by another console');
    const answer = JSON.parse(await w.client.backend.request(JSON.stringify({ id: 'x', method: 'system.ping', input: {} }))) as { id: string; error: { code: string; message: string } };
    expect(answer.id).toBe('x');
    expect(answer.error.code).toBe('unavailable');
    expect(answer.error.message).toContain('in use by another console');
  });

  it('a worker that dies while the store opens rejects `opened` with why, and answers what waited "unavailable"', async () => {
    const w = startWorker();
    const waiting = w.client.backend.request(JSON.stringify({ id: 'q', method: 'system.ping', input: {} }));
    w.worker.emit('error', new Error('Cannot find module better-sqlite3'));
    w.worker.end(1);
    await expect(w.client.opened).rejects.toThrow("The console's backend stopped while opening: Cannot find module better-sqlite3");
    expect(JSON.parse(await waiting)).toEqual({ id: 'q', ok: false, error: { code: 'unavailable', message: "The console's backend stopped: Cannot find module better-sqlite3" } });
    w.open(); // let the never-used store open, so the test's cleanup can close it
  });

  it('a worker that dies after opening is reported with its reason (the host then exits for its supervisor to restart it)', async () => {
    const w = startWorker();
    w.open();
    await w.client.opened;
    w.worker.emit('error', new Error('out of memory'));
    expect(await w.client.died).toBe('out of memory');
    const after = JSON.parse(await w.client.backend.request(JSON.stringify({ id: 'z', method: 'system.ping', input: {} }))) as { error: { code: string } };
    expect(after.error.code).toBe('unavailable');
  });

  it('on close, finishes what was accepted, closes the store and ends the thread with 0', async () => {
    const w = startWorker();
    w.open();
    await w.client.opened;
    const accepted = w.client.backend.request(JSON.stringify({ id: 'p', method: 'system.ping', input: {} }));
    await w.client.close();
    expect(JSON.parse(await accepted)).toMatchObject({ id: 'p', ok: true });
    expect(w.exits).toEqual([0]);
    // The store is closed: another backend can open the same folder.
    const again = await createBackend({ dataDir: w.dataDir, backupIntervalMs: 0 });
    await again.close();
  });

  it("writes the host's own log lines through the worker, into the backend's log", async () => {
    const w = startWorker();
    w.open();
    await w.client.opened;
    w.client.backend.logger.warn('connection.refused', { reason: 'wrong or missing token' });
    await w.client.backend.request(JSON.stringify({ id: 'p', method: 'system.ping', input: {} })); // after the line, in order
    expect(fs.readFileSync(logFileOf(w.dataDir), 'utf8')).toContain('"event":"connection.refused"');
    expect(w.worker.sent.some((m) => m.type === 'log')).toBe(true);
  });
});
