import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, logFileOf, redact } from '../../../electron/backend/logger';
import { openBackend, tempDir } from '../helpers/backend';

const linesOf = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the backend log', () => {
  it('writes one JSON object a line, at or above its level, in logs/backend.log of the data folder', () => {
    const dir = tempDir();
    const log = createLogger({ dataDir: dir, level: 'info', now: () => Date.UTC(2026, 11, 6, 7, 0) });
    log.debug('too.detailed');
    log.info('backend.started', { pid: 42 });
    log.error('request.failed', { method: 'log.append', error: new Error('disk on fire') });
    expect(log.file).toBe(path.join(dir, 'logs', 'backend.log'));
    const lines = linesOf(log.file!);
    expect(lines.map((l) => [l.level, l.event])).toEqual([
      ['info', 'backend.started'],
      ['error', 'request.failed'],
    ]);
    expect(lines[0]).toMatchObject({ at: '2026-12-06T07:00:00.000Z', pid: 42 });
    expect(lines[1]!.error).toMatchObject({ name: 'Error', message: 'disk on fire' });
  });

  it('rotates past its size, keeping a fixed number of older files', () => {
    const dir = tempDir();
    const log = createLogger({ dataDir: dir, maxBytes: 2_000, keep: 2 });
    for (let i = 0; i < 200; i++) log.info('tick', { i, padding: 'x'.repeat(40) });
    const files = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual(['backend.log', 'backend.log.1', 'backend.log.2']);
    for (const f of files) expect(fs.statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(2_000);
    expect(linesOf(logFileOf(dir)).at(-1)).toMatchObject({ event: 'tick', i: 199 });
  });

  it('never writes a secret: fields named as secrets, tokens inside text and bearer credentials are redacted', () => {
    const safe = JSON.stringify(
      redact({
        token: 'tok-123',
        pin: '4321',
        nested: { privateKey: 'PRIVATE-BYTES', syncToken: 'sync-9' },
        url: 'http://127.0.0.1:5173/ws?token=ABCDEF&x=1',
        header: 'Authorization: Bearer eyJhbGciOi.xyz',
        method: 'session.signIn',
      }),
    );
    for (const secret of ['tok-123', '4321', 'PRIVATE-BYTES', 'sync-9', 'ABCDEF', 'eyJhbGciOi']) expect(safe).not.toContain(secret);
    expect(safe).toContain('session.signIn');
    expect(safe).toContain('x=1');
  });

  it('is kept by the backend: its start, refused requests (never their input) and its close', async () => {
    const t = await openBackend();
    await t.raw('no.suchMethod', {});
    await t.raw('log.append', { incidentId: '00000000-0000-4000-8000-000000000000', category: 'x', text: 'PIN 9911 typed here' });
    await t.backend.close();
    const lines = linesOf(logFileOf(t.dataDir));
    expect(lines[0]).toMatchObject({ level: 'info', event: 'backend.started', dataDir: t.dataDir });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'request.refused', reason: 'unknown method', method: 'no.suchMethod' }));
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'request.refused', reason: 'not signed in', method: 'log.append' }));
    expect(lines.at(-1)).toMatchObject({ event: 'backend.closed' });
    expect(fs.readFileSync(logFileOf(t.dataDir), 'utf8')).not.toContain('9911');
  });

  it('records a start that failed, with the reason the operator was given', async () => {
    const logDir = tempDir();
    // A data "folder" that is a file: the backend cannot start there.
    const notAFolder = path.join(tempDir(), 'eoc-data');
    fs.writeFileSync(notAFolder, 'not a folder');
    await expect(openBackend({ dataDir: notAFolder, logger: createLogger({ dataDir: logDir }) })).rejects.toThrow(/cannot be created/);
    const [line] = linesOf(logFileOf(logDir));
    expect(line).toMatchObject({ level: 'error', event: 'backend.startFailed', dataDir: notAFolder });
    expect((line!.error as { message: string }).message).toMatch(/cannot be created/);
  });
});
