import Database, { type Statement } from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { coalition, hashes, resealAs, syncAll, unsealed, type Station } from './harness';

async function withEntries(a: Station, n: number): Promise<string> {
  const { levels } = await a.call('incident.levels', {});
  const id = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id }))
    .incident.id;
  for (let i = 0; i < n; i++) await a.call('log.append', { incidentId: id, category: 'General', text: `Entry ${i}` });
  return id;
}

const own = (s: Station) => s.backend.sync.vector()[s.id]!.seq;

function lastAudit(s: Station): { action: string; detail: Record<string, unknown> } {
  const db = new Database(path.join(s.dataDir, 'eoc.sqlite'), { readonly: true });
  try {
    const r = db
      .prepare(
        'SELECT action, detail FROM audit_entries WHERE workstation_id = ? ORDER BY recorded_at DESC, id DESC LIMIT 1',
      )
      .get(s.id) as { action: string; detail: string };
    return { action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> };
  } finally {
    db.close();
  }
}

describe('sync: receiving batches', () => {
  it('applies a batch once: the same batch again (a replay) changes nothing', async () => {
    const [a, b] = await coalition(2);
    await withEntries(a!, 3);
    const batch = a!.backend.sync.collect(b!.backend.sync.vector());
    expect(b!.backend.sync.receive(batch, a!.id)).toMatchObject({ status: 'applied' });
    const before = b!.backend.sync.contentHash();
    expect(b!.backend.sync.receive(batch, a!.id)).toMatchObject({ status: 'applied', changes: 0, facts: 0 });
    expect(b!.backend.sync.contentHash()).toBe(before);
  });

  it('holds a page that arrives before the one it follows, and applies both when the first arrives', async () => {
    const [a, b] = await coalition(2);
    await withEntries(a!, 12);
    const theirs = b!.backend.sync.vector();
    const first = a!.backend.sync.collect(theirs, 10_000);
    // A later page: a's records after the fifth it lacks, as if the first five had arrived.
    const mine = a!.backend.sync.vector()[a!.id]!;
    const second = a!.backend.sync.collect(
      { ...theirs, [a!.id]: { seq: (theirs[a!.id]?.seq ?? 0) + 5, hlc: mine.hlc } },
      10_000,
    );
    expect(unsealed(second).parts.map((p) => p.origin)).toContain(a!.id);
    expect(b!.backend.sync.receive(second, a!.id).status).toBe('held');
    expect((await b!.call('sync.status', {})).held).toBe(1);
    expect(b!.backend.sync.receive(first, a!.id).status).toBe('applied');
    expect((await b!.call('sync.status', {})).held).toBe(0);
    syncAll([a!, b!]);
    expect(new Set(hashes([a!, b!])).size).toBe(1);
  });

  it('refuses a batch holding an altered record, names the peer and the row in the audit trail, and writes nothing else', async () => {
    const [a, b] = await coalition(2);
    await withEntries(a!, 2);
    const batch = unsealed(a!.backend.sync.collect(b!.backend.sync.vector()));
    const part = batch.parts.find((p) => p.facts?.rows.some((f) => f.link.table_name === 'log_entries'))!;
    const entry = part.facts!.rows.find((f) => f.link.table_name === 'log_entries')!;
    entry.row.text = 'Entry 0, quietly changed';
    const seqBefore = own(b!);
    const vBefore = b!.backend.sync.vector()[a!.id];
    // Signed again by a's own key: a dishonest member, not a forger.
    const r = b!.backend.sync.receive(resealAs(a!, batch), 'peer-at-10.0.0.7');
    expect(r.status).toBe('refused');
    expect(r.message).toMatch(/altered/);
    expect(b!.backend.sync.vector()[a!.id]).toEqual(vBefore);
    expect(own(b!)).toBe(seqBefore + 1); // the audit entry, nothing else
    expect(lastAudit(b!)).toMatchObject({
      action: 'sync.refused',
      detail: { peer: 'peer-at-10.0.0.7', table: 'log_entries', rowId: entry.link.row_id, origin: a!.id },
    });
  });

  it('refuses a batch of another coalition, and one whose chain has a link missing', async () => {
    const [a, b] = await coalition(2);
    await withEntries(a!, 2);
    const other = { ...unsealed(a!.backend.sync.collect(b!.backend.sync.vector())), coalitionId: 'another-coalition' };
    expect(b!.backend.sync.receive(resealAs(a!, other), a!.id)).toMatchObject({ status: 'refused' });
    expect(lastAudit(b!).detail.problem).toMatch(/another coalition/);
    const gap = unsealed(a!.backend.sync.collect(b!.backend.sync.vector()));
    const facts = gap.parts.find((p) => p.facts && p.facts.rows.length > 2)!.facts!;
    facts.rows.splice(1, 1);
    expect(b!.backend.sync.receive(resealAs(a!, gap), a!.id)).toMatchObject({ status: 'refused' });
    expect(lastAudit(b!).detail.problem).toMatch(/missing/);
  });

  it('refuses what is not a batch at all, in words, without failing', async () => {
    const [a, b] = await coalition(2);
    const bad = {
      ...unsealed(a!.backend.sync.collect({})),
      parts: [{ origin: 'x', facts: { after: 0, rows: [{ link: {}, row: {} }] } }],
    };
    for (const junk of [
      null,
      'hello',
      { format: 'eoc-sync-batch/1' },
      resealAs(a!, bad as never),
      '{"format":"eoc-sync-signed/1"}',
    ]) {
      expect(b!.backend.sync.receive(junk, 'somewhere')).toMatchObject({ status: 'refused' });
    }
  });

  it('holds a batch that fails for this workstation’s own reason (a full disk), and applies it once there is room', async () => {
    const [a, b] = await coalition(2);
    const incidentId = await withEntries(a!, 2);
    const env = a!.backend.sync.collect(b!.backend.sync.vector());
    // Every statement of every connection shares one prototype: the disk fills as the entries go in.
    const proto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Statement;
    const run = proto.run;
    const full = vi.spyOn(proto, 'run').mockImplementation(function (this: Statement, ...args: unknown[]) {
      if (this.source.startsWith('INSERT INTO log_entries')) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return run.apply(this, args);
    });
    try {
      expect(b!.backend.sync.receive(env, a!.id)).toMatchObject({ status: 'held', message: expect.stringMatching(/database or disk is full/) });
    } finally {
      full.mockRestore();
    }
    expect((await b!.call('sync.status', {})).held).toBe(1);
    // Nothing of it was written: not even the incident its entries belong to.
    expect(await b!.raw('log.list', { incidentId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Room again: the held batch applies with the next one, nothing refused or lost.
    await a!.call('log.append', { incidentId, category: 'General', text: 'Entry 2' });
    expect(b!.backend.sync.receive(a!.backend.sync.collect(b!.backend.sync.vector()), a!.id).status).toBe('applied');
    expect((await b!.call('sync.status', {})).held).toBe(0);
    expect((await b!.call('log.list', { incidentId })).entries.map((e) => e.text).sort()).toEqual(['Entry 0', 'Entry 1', 'Entry 2']);
  });

  it('holds a batch from a newer schema instead of dropping it', async () => {
    const [a, b] = await coalition(2);
    await withEntries(a!, 1);
    const batch = unsealed(a!.backend.sync.collect(b!.backend.sync.vector()));
    const newer = resealAs(a!, { ...batch, schemaVersion: batch.schemaVersion + 1 });
    expect(b!.backend.sync.receive(newer, a!.id)).toMatchObject({
      status: 'held',
      message: expect.stringMatching(/upgraded/),
    });
    expect((await b!.call('sync.status', {})).held).toBe(1);
    // Retrying before the upgrade leaves it held; it is never dropped.
    b!.backend.sync.retryHeld();
    expect((await b!.call('sync.status', {})).held).toBe(1);
  });

  it('never puts derived values in the outbox: a request’s status and stock move only as the records they follow', async () => {
    const [a] = await coalition(1);
    const incidentId = await withEntries(a!, 0);
    const org = (
      await a!.call('directory.saveOrganisation', {
        name: 'Hilltop',
        discipline: 'hospital',
        membership: 'core',
        town: 'Amherst',
      })
    ).organisation.id;
    const { request } = await a!.call('request.create', {
      incidentId,
      requestingOrganisationId: org,
      requestedByName: 'Lee',
      priority: 'urgent',
      deliveryLocation: 'Dock',
      lines: [{ quantity: 3, kind: 'N95 respirator' }],
    });
    await a!.call('request.transition', { action: 'submit', id: request.id });
    const db = new Database(path.join(a!.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      const derived = db
        .prepare(
          "SELECT DISTINCT column_name FROM changes WHERE table_name = 'requests' AND column_name IN ('status', 'status_since', 'is_open', 'search_text', 'summary', 'quantity_requested', 'priority_rank')",
        )
        .pluck()
        .all();
      expect(derived).toEqual([]);
      expect(db.prepare('SELECT status FROM requests WHERE id = ?').pluck().get(request.id)).toBe('submitted');
    } finally {
      db.close();
    }
  });
});

describe('sync: held batches after an upgrade', () => {
  it('applies, at the next start, a batch that was held until this version could read it', async () => {
    const [a, b] = await coalition(2);
    await withEntries(a!, 2);
    const env = a!.backend.sync.collect(b!.backend.sync.vector());
    const batch = unsealed(env);
    const dir = b!.dataDir;
    await b!.backend.close();
    // As the previous version left it: held, marked with the schema it was written for,
    // which is the schema this (upgraded) version reads.
    const db = new Database(path.join(dir, 'eoc.sqlite'));
    db.prepare('INSERT INTO sync_inbox (id, received_at, peer, schema_version, reason, body) VALUES (?,?,?,?,?,?)').run(batch.id, Date.now(), a!.id, batch.schemaVersion, 'written by a newer version', JSON.stringify(env));
    db.close();
    const { openBackend } = await import('../helpers/backend');
    const b2 = await openBackend({ dataDir: dir });
    expect((await b2.call('sync.status', {})).held).toBe(0);
    expect(b2.backend.sync.vector()[a!.id]).toEqual(a!.backend.sync.vector()[a!.id]);
  });
});
