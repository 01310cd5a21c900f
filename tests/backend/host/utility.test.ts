import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, LATEST_SCHEMA } from '../../../electron/backend/backend';
import { nativeBindingCandidates, parseHostConfig } from '../../../electron/backend/host/config';
import {
  createHostDispatcher,
  describeStartFailure,
  type HostDispatcher,
} from '../../../electron/backend/host/dispatch';
import { tempDir } from '../helpers/backend';
import { Inbox } from './helpers';

interface TestHost {
  dispatcher: HostDispatcher;
  inbox: Inbox;
  exits: number[];
  logs: string[];
  dataDir: string;
}

const running: TestHost[] = [];

afterEach(async () => {
  // Close what a test left open, so the data folder's lock and file are released.
  for (const h of running.splice(0)) if (!h.exits.length) await h.dispatcher.receive({ type: 'close' });
});

function startHost(dataDir = tempDir()): TestHost {
  const inbox = new Inbox();
  const exits: number[] = [];
  const logs: string[] = [];
  const dispatcher = createHostDispatcher({
    start: () => createBackend({ dataDir, backupIntervalMs: 0 }),
    post: inbox.post,
    exit: (code) => exits.push(code),
    log: (m) => logs.push(m),
  });
  const host = { dispatcher, inbox, exits, logs, dataDir };
  running.push(host);
  return host;
}

const request = (id: number, method: string, input: unknown = {}, requestId = `r${id}`) => ({
  type: 'request' as const,
  id,
  request: { id: requestId, method, input },
});

describe('the backend host in the utility process', () => {
  it("says ready once the backend is open, and answers each request under main's id", async () => {
    const h = startHost();
    expect(await h.dispatcher.started).toBe(true);
    expect(h.inbox.messages[0]).toEqual({ type: 'ready' });
    await h.dispatcher.receive(request(7, 'system.ping', {}, 'renderer-1'));
    const answer = await h.inbox.next('response', (m) => m.id === 7);
    expect(answer.response).toMatchObject({ id: 'renderer-1', ok: true });
    if (answer.response.ok) expect(answer.response.result).toEqual({ now: expect.any(Number) });
  });

  it('holds requests that arrive while the store opens, then answers each under its own id', async () => {
    const h = startHost();
    expect(h.inbox.messages).toEqual([]);
    const done = Promise.all([
      h.dispatcher.receive(request(1, 'setup.status')),
      h.dispatcher.receive(request(2, 'system.ping', {}, 'same-id')),
      h.dispatcher.receive(request(3, 'system.info', {}, 'same-id')),
    ]);
    await done;
    const responses = h.inbox.ofType('response');
    expect(responses.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    const byId = new Map(responses.map((r) => [r.id, r.response]));
    expect(byId.get(2)).toMatchObject({ ok: true, result: { now: expect.any(Number) } });
    expect(byId.get(3)).toMatchObject({ ok: true, result: { dataDir: h.dataDir } });
  });

  it("passes the backend's own refusals through unchanged", async () => {
    const h = startHost();
    await h.dispatcher.receive(request(1, 'no.such.method'));
    await h.dispatcher.receive({ type: 'request', id: 2, request: { method: 'system.ping' } });
    const [unknown, malformed] = h.inbox.ofType('response');
    expect(unknown?.response).toMatchObject({ id: 'r1', ok: false, error: { code: 'not_found' } });
    expect(malformed?.response).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it("forwards the backend's push events to main", async () => {
    const h = startHost();
    await h.dispatcher.receive(
      request(1, 'setup.complete', { coalitionName: 'C', region: 'R', timeZone: 'UTC', workstationName: 'W' }),
    );
    expect((await h.inbox.next('response')).response.ok).toBe(true);
    const event = await h.inbox.next('event');
    expect(event.event.event).toBe('data.changed');
    expect((event.event.payload as { tables: string[] }).tables.length).toBeGreaterThan(0);
  });

  it('on close, finishes accepted requests, closes the store, then exits 0', async () => {
    const h = startHost();
    const inFlight = h.dispatcher.receive(request(1, 'system.ping'));
    await h.dispatcher.receive({ type: 'close' });
    await inFlight;
    expect(h.inbox.ofType('response')[0]?.response.ok).toBe(true);
    expect(h.exits).toEqual([0]);
    // The store's lock is released: another backend can open the same folder.
    const again = await createBackend({ dataDir: h.dataDir, backupIntervalMs: 0 });
    await again.close();
  });

  it('answers a request that arrives after close with "unavailable"', async () => {
    const h = startHost();
    await h.dispatcher.started;
    const closing = h.dispatcher.receive({ type: 'close' });
    await h.dispatcher.receive(request(9, 'system.ping'));
    await closing;
    expect(h.inbox.ofType('response')[0]?.response).toMatchObject({
      id: 'r9',
      ok: false,
      error: { code: 'unavailable', message: 'The backend is shutting down' },
    });
  });

  it('reports a store from a newer version as fatal, refuses requests, and waits for close to exit', async () => {
    const dataDir = tempDir();
    const first = await createBackend({ dataDir, backupIntervalMs: 0 });
    await first.close();
    const db = new Database(path.join(dataDir, 'eoc.sqlite'));
    db.pragma(`user_version = ${LATEST_SCHEMA + 5}`);
    db.close();

    const h = startHost(dataDir);
    expect(await h.dispatcher.started).toBe(false);
    const fatal = await h.inbox.next('fatal');
    expect(fatal.message).toContain('newer version');
    expect(h.inbox.ofType('ready')).toEqual([]);
    expect(h.exits).toEqual([]);
    await h.dispatcher.receive(request(1, 'system.ping'));
    expect(h.inbox.ofType('response')[0]?.response).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: fatal.message },
    });
    await h.dispatcher.receive({ type: 'close' });
    expect(h.exits).toEqual([0]);
  });

  it('ignores a malformed message from main and says so in its log', async () => {
    const h = startHost();
    await h.dispatcher.started;
    await h.dispatcher.receive({ type: 'request', id: 'not-a-number', request: {} });
    await h.dispatcher.receive('close');
    expect(h.inbox.ofType('response')).toEqual([]);
    expect(h.exits).toEqual([]);
    expect(h.logs).toHaveLength(2);
  });
});

describe('start failures as the operator reads them', () => {
  it('explains a SQLite driver built for another runtime', () => {
    const message = describeStartFailure(
      new Error(
        "The module 'better_sqlite3.node' was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115.",
      ),
    );
    expect(message).toContain('built for a different runtime');
    expect(message).toContain('rebuild-electron-native.mjs');
  });

  it('keeps any other message as written', () => {
    expect(describeStartFailure(new Error('The data folder /x is already open in another console process'))).toBe(
      'The data folder /x is already open in another console process',
    );
  });
});

describe('host configuration', () => {
  it("reads the data folder and version from main's arguments wherever they are", () => {
    const argv = ['/usr/lib/eoc/eoc', '--type=utility', '--eoc-data-dir=/data/eoc', '--eoc-app-version=1.2.3'];
    expect(parseHostConfig(argv, {})).toEqual({ dataDir: '/data/eoc', appVersion: '1.2.3' });
  });

  it('falls back to EOC_DATA_DIR, and refuses to guess a folder', () => {
    expect(parseHostConfig([], { EOC_DATA_DIR: '/tmp/x' })).toEqual({ dataDir: '/tmp/x', appVersion: '0.0.0' });
    expect(() => parseHostConfig(['--eoc-data-dir='], {})).toThrow(/without a data folder/);
  });

  it('looks for the Electron SQLite driver beside a packaged app, then in the development tree', () => {
    expect(nativeBindingCandidates('/opt/EOC/resources', '/opt/EOC/resources/app.asar/out/main')).toEqual([
      '/opt/EOC/resources/native/better_sqlite3.node',
      '/opt/EOC/resources/app.asar/resources/native/electron/better_sqlite3.node',
    ]);
    expect(nativeBindingCandidates(undefined, '/src/eoc/out/main')).toEqual([
      '/src/eoc/resources/native/electron/better_sqlite3.node',
    ]);
  });
});
