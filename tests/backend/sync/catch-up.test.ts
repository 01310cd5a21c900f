import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { advance, type Vector } from '../../../electron/backend/domains/sync/vector';
import { openBackend, openReadyBackend, tempDir } from '../helpers/backend';
import { unsealed } from './harness';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'catch-up-child.ts');

describe('catch-up of a new workstation', () => {
  it('killed midway (SIGKILL while it applies pages), resumes from its vector and ends identical, nothing half-written', async () => {
    const a = await openReadyBackend();
    const { levels } = await a.call('incident.levels', {});
    const now = Date.now();
    const incidentId = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id, startedAt: now - 3_600_000 })).incident.id;
    for (const from of [0, 750])
      await a.call('log.import', {
        incidentId,
        source: 'paper',
        entries: Array.from({ length: 750 }, (_, i) => ({ occurredAt: now - 3_000_000 + (from + i) * 1000, category: 'General', text: `Paper log line ${from + i}` })),
      });
    const b = await openBackend();
    await b.call('sync.join', { code: (await a.call('sync.issueJoin', {})).code, workstationName: 'EOC-NEW' });

    // The pages a sends, in order, and the vector b holds after each (small pages: many of them).
    const pagesDir = tempDir('eoc-pages-');
    const boundaries: string[] = [];
    let theirs: Vector = b.backend.sync.vector();
    const key = (v: Vector) => JSON.stringify(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)));
    boundaries.push(key(theirs));
    for (let i = 1; ; i++) {
      const env = a.backend.sync.collect(theirs, 100);
      const batch = unsealed(env);
      if (!batch.parts.length) break;
      fs.writeFileSync(path.join(pagesDir, `page-${String(i).padStart(4, '0')}.json`), JSON.stringify(env));
      theirs = advance(theirs, batch.parts);
      boundaries.push(key(theirs));
      if (!batch.more) break;
    }
    expect(boundaries.length).toBeGreaterThan(10);
    await b.backend.close();

    // The catch-up runs in its own process, killed once it has applied two pages.
    const killedAfter = await new Promise<number>((resolve, reject) => {
      const p = fork(child, [b.dataDir, pagesDir], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      let applied = 0;
      p.on('message', (m: { page?: number; status?: string; done?: boolean }) => {
        if (m.done) return reject(new Error('the catch-up finished before it was killed'));
        if (m.status !== 'applied') return reject(new Error(`page ${m.page} was ${m.status}`));
        applied = m.page!;
        if (applied === 2) p.kill('SIGKILL');
      });
      p.on('exit', () => resolve(applied));
      p.on('error', reject);
    });
    expect(killedAfter).toBeGreaterThanOrEqual(2);

    // Reopened: it holds exactly what some whole pages brought (never part of one), at least the two.
    const again = await openBackend({ dataDir: b.dataDir });
    const held = boundaries.indexOf(key(again.backend.sync.vector()));
    expect(held).toBeGreaterThanOrEqual(2);
    expect(held).toBeLessThan(boundaries.length - 1);
    // It resumes from its vector, with the usual (big) pages, and ends with a's record.
    for (;;) {
      const env = a.backend.sync.collect(again.backend.sync.vector());
      const batch = unsealed(env);
      if (!batch.parts.length) break;
      expect(again.backend.sync.receive(env, 'EOC-1').status).toBe('applied');
      if (!batch.more) break;
    }
    // b's own records (its enrolment) go to a, then both hold the same.
    a.backend.sync.receive(again.backend.sync.collect(a.backend.sync.vector()), 'EOC-NEW');
    expect(again.backend.sync.contentHash()).toBe(a.backend.sync.contentHash());
    expect(await again.call('integrity.verify', {})).toMatchObject({ ok: true });
    const aId = a.backend.sync.describe().workstationId;
    expect(again.backend.sync.vector()[aId]).toEqual(a.backend.sync.vector()[aId]);
  }, 120_000);
});
