import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import type { EventEnvelope } from '../../../shared/contract/define';
import { createLogger } from '../../../electron/backend/logger';
import { openingBackend } from '../../../electron/backend/server/opening-backend';
import { startBrowserHost } from '../../../electron/backend/server/server';
import { WebSocket } from 'ws';
import { openBackend, tempDir } from '../helpers/backend';

/** A promise of the backend, opened only when the test says so. */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the browser host while its backend is still opening', () => {
  it('serves the page at once and answers requests sent meanwhile, in order, once the store is open', async () => {
    const t = await openBackend();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
    const opening = later<Backend>();
    let connections = 0;
    const host = await startBrowserHost({
      backend: openingBackend(opening.promise, t.dataDir, createLogger({ dataDir: t.dataDir })),
      rendererDir,
      port: 0,
      onConnection: () => connections++,
    });
    try {
      const page = await fetch(`http://127.0.0.1:${host.port}/`);
      expect(await page.text()).toContain('<title>console</title>');

      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
      const answers: string[] = [];
      const allIn = new Promise<void>((resolve) =>
        ws.on('message', (d) => {
          const m = JSON.parse(d.toString()) as { id?: string; ok?: boolean };
          if (m.id && m.ok) answers.push(m.id);
          if (answers.length === 3) resolve();
        }),
      );
      await new Promise<void>((r) => ws.once('open', () => r()));
      expect(connections).toBe(1);
      for (const id of ['a', 'b', 'c']) ws.send(JSON.stringify({ id, method: 'system.ping', input: {} }));
      await new Promise((r) => setImmediate(r));
      expect(answers).toEqual([]); // nothing answered before the store is open
      opening.resolve(t.backend);
      await allIn;
      expect(answers).toEqual(['a', 'b', 'c']);
      ws.close();
    } finally {
      await host.close();
    }
  });

  it('answers "unavailable" with the reason when the backend could not open', async () => {
    const dataDir = tempDir();
    const opening = later<Backend>();
    const view = openingBackend(opening.promise, dataDir, createLogger({ dataDir }));
    const pending = view.handle({ id: 'x', method: 'system.ping', input: {} });
    opening.reject(new Error('The data folder is in use by another console'));
    expect(await pending).toEqual({
      id: 'x',
      ok: false,
      error: { code: 'unavailable', message: "The console's backend did not open: The data folder is in use by another console" },
    });
  });

  it('passes on events from the moment the backend is open, and not after the listener is removed', async () => {
    const t = await openBackend();
    const opening = later<Backend>();
    const view = openingBackend(opening.promise, t.dataDir, t.backend.logger);
    const seen: EventEnvelope[] = [];
    const gone: EventEnvelope[] = [];
    view.onEvent((e) => seen.push(e));
    const off = view.onEvent((e) => gone.push(e));
    off(); // removed before the backend opened: never subscribed
    opening.resolve(t.backend);
    await opening.promise;
    await new Promise((r) => setImmediate(r));
    const loaded = await view.handle({
      id: 'd',
      method: 'setup.complete',
      input: { coalitionName: 'Test Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'EOC-1' },
    });
    expect(loaded.ok).toBe(true);
    expect(seen.some((e) => e.event === 'data.changed')).toBe(true);
    expect(gone).toEqual([]);
  });
});
