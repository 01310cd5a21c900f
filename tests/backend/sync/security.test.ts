import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkHash } from '../../../electron/backend/db/chain';
import { seal } from '../../../electron/backend/domains/sync/envelope';
import { rawPublicKey, signBytes } from '../../../electron/backend/identity/keys';
import type { IncomingFactInput } from '../../../electron/backend/domains/sync/batch';
import { coalition, resealAs, syncAll, syncOnce, unsealed, type Station } from './harness';

async function entries(a: Station, n: number): Promise<string> {
  const { levels } = await a.call('incident.levels', {});
  const id = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id }))
    .incident.id;
  for (let i = 0; i < n; i++) await a.call('log.append', { incidentId: id, category: 'General', text: `Entry ${i}` });
  return id;
}

/** Receives `raw` on `to` and checks it was refused with nothing written but one audit entry. */
function refusedHarmlessly(to: Station, raw: unknown, problem: RegExp): void {
  const before = to.backend.sync.vector();
  const r = to.backend.sync.receive(raw, 'peer-under-test');
  expect(r.status).toBe('refused');
  expect(r.message).toMatch(problem);
  const after = to.backend.sync.vector();
  for (const [origin, mark] of Object.entries(after)) {
    if (origin === to.id)
      expect(mark.seq).toBe(before[origin]!.seq + 1); // the audit entry
    else expect(mark).toEqual(before[origin]);
  }
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
}

/** A dishonest member's chain hashed again from row `at` on, as its own backend would have. */
function rehashFrom(rows: IncomingFactInput[], at: number): void {
  for (let i = at; i < rows.length; i++) {
    const l = rows[i]!.link;
    if (i > at) l.prev_hash = rows[i - 1]!.link.hash;
    l.hash = linkHash(l.prev_hash, l.table_name, l.canon_version, rows[i]!.row);
  }
}

const stranger = () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(privateKey), sign: (b: Uint8Array | string) => signBytes(privateKey, b) };
};

describe('sync security: each hostile batch is refused or harmless, with nothing written but an audit entry', () => {
  it('refuses a workstation that is not enrolled, even one that knows the coalition', async () => {
    const [a, b] = await coalition(2);
    await entries(a!, 2);
    const outsider = {
      ...unsealed(a!.backend.sync.collect(b!.backend.sync.vector())),
      sender: '01900000-0000-7000-8000-000000000bad',
    };
    refusedHarmlessly(b!, seal(outsider, stranger()), /not enrolled/);
  });

  it('refuses a forged signature, and a member’s key used to speak for another member', async () => {
    const [a, b, c] = await coalition(3);
    await entries(a!, 2);
    const env = a!.backend.sync.collect(b!.backend.sync.vector());
    refusedHarmlessly(b!, { ...env, batch: env.batch.replace('Entry 1', 'Entry 9') }, /signature does not match/);
    const impersonated = { ...unsealed(env), sender: c!.id };
    refusedHarmlessly(b!, resealAs(a!, impersonated), /not enrolled for workstation/);
  });

  it('refuses a broken chain link (a record whose link does not follow the one before)', async () => {
    const [a, b] = await coalition(2);
    await entries(a!, 3);
    const batch = unsealed(a!.backend.sync.collect(b!.backend.sync.vector()));
    const facts = batch.parts.find((p) => p.facts && p.facts.rows.length > 1)!.facts!;
    facts.rows[1]!.link.prev_hash = 'f'.repeat(64);
    refusedHarmlessly(b!, resealAs(a!, batch), /previous-link hash/);
  });

  it('refuses a record its own member hashed and signed whose JSON is not JSON, and a change to a JSON field that is not; the honest batch applies after', async () => {
    const [a, b] = await coalition(2);
    const { levels } = await a!.call('incident.levels', {});
    const now = Date.now();
    const { incident } = await a!.call('incident.create', {
      name: 'Ice storm',
      exercise: true,
      activationLevelId: levels[0]!.id,
      startedAt: now - 60_000,
      firstPeriod: { startsAt: now - 60_000, endsAt: now + 3_600_000 },
    });
    const { positions } = await a!.call('position.list', {});
    const periodId = (await a!.call('incident.get', { id: incident.id })).currentPeriod!.id;
    await a!.call('incident.staff', { periodId, positionId: positions[3]!.id, holderName: 'Kim Lee' });
    await a!.call('log.append', { incidentId: incident.id, category: 'General', text: 'After the staffing' });
    const honest = a!.backend.sync.collect(b!.backend.sync.vector());

    // A dishonest member's own record: its staffing entry's detail broken, its chain hashed
    // again from there on and the batch signed with its real key. Every link checks out.
    const batch = unsealed(honest);
    const rows = batch.parts.find((p) => p.origin === a!.id && p.facts)!.facts!.rows;
    const at = rows.findIndex((f) => f.row.action === 'staffing.assigned');
    expect(at).toBeGreaterThan(-1);
    rows[at]!.row.detail = '{"incidentId": "' + incident.id + '", "position": broken';
    rehashFrom(rows, at);
    refusedHarmlessly(b!, resealAs(a!, batch), /audit_entries\.detail holds text that is not JSON/);

    // A change to a field its readers parse as a list, given an object.
    const changed = unsealed(honest);
    const c = changed.parts
      .flatMap((p) => p.changes?.rows ?? [])
      .find((r) => r.table_name === 'incidents' && r.column_name === 'board_approvers')!;
    c.value = JSON.stringify('{"a": 1}');
    refusedHarmlessly(b!, resealAs(a!, changed), /incidents\.board_approvers holds a JSON object, not a JSON array/);

    // Nothing was held to retry; the honest batch applies and the timeline reads.
    expect((await b!.call('sync.status', {})).held).toBe(0);
    expect(b!.backend.sync.receive(honest, a!.id)).toMatchObject({ status: 'applied' });
    const { items } = await b!.call('timeline.page', { incidentId: incident.id });
    expect(items.map((i: { summary: string }) => i.summary).join('\n')).toMatch(/Kim Lee holds/);
  });

  it.each([
    ['a value outside its allowed set', { source: 'carrier pigeon' }, /breaks a rule of log_entries \(CHECK constraint failed/],
    ['a value missing', { text: null }, /breaks a rule of log_entries \(NOT NULL constraint failed/],
    ['a value of the wrong type', { transcribed: 'yes' }, /breaks a rule of log_entries \(.*(cannot store|datatype)/i],
  ])('refuses a record its own member hashed and signed with %s, not held to retry', async (_, change, problem) => {
    const [a, b] = await coalition(2);
    await entries(a!, 3);
    const batch = unsealed(a!.backend.sync.collect(b!.backend.sync.vector()));
    const rows = batch.parts.find((p) => p.origin === a!.id && p.facts)!.facts!.rows;
    const at = rows.findIndex((f) => f.row.text === 'Entry 1');
    Object.assign(rows[at]!.row, change);
    rehashFrom(rows, at);
    refusedHarmlessly(b!, resealAs(a!, batch), problem);
    expect((await b!.call('sync.status', {})).held).toBe(0);
  });

  it.each([
    ['a value outside its allowed set', 'status', JSON.stringify('bogus'), /CHECK constraint failed/],
    ['a value missing', 'name', null, /NOT NULL constraint failed/],
    ['a value of the wrong type', 'exercise', JSON.stringify('yes'), /cannot store|datatype/i],
  ])('refuses an edit its own member signed with %s, not held to retry, and takes the honest one after', async (_, column, value, problem) => {
    const [a, b] = await coalition(2);
    const incidentId = await entries(a!, 1);
    syncAll([a!, b!]);
    await a!.call('incident.update', { id: incidentId, name: 'Ice storm, day 2' });
    const honest = a!.backend.sync.collect(b!.backend.sync.vector());
    const batch = unsealed(honest);
    const c = batch.parts.flatMap((p) => p.changes?.rows ?? []).find((r) => r.table_name === 'incidents' && r.column_name === 'name')!;
    Object.assign(c, { column_name: column, value });
    refusedHarmlessly(b!, resealAs(a!, batch), problem);
    expect((await b!.call('sync.status', {})).held).toBe(0);
    expect(b!.backend.sync.receive(honest, a!.id)).toMatchObject({ status: 'applied' });
    expect((await b!.call('incident.get', { id: incidentId })).incident.name).toBe('Ice storm, day 2');
  });

  it('refuses a setting that is not JSON; one of the wrong kind arrives and reads as the default, the settings screen still answering', async () => {
    const [a, b] = await coalition(2);
    await a!.call('settings.update', { idleLockMinutes: 15 });
    const honest = a!.backend.sync.collect(b!.backend.sync.vector());
    const tamper = (value: string) => {
      const batch = unsealed(honest);
      const c = batch.parts.flatMap((p) => p.changes?.rows ?? []).find((r) => r.table_name === 'console_settings' && r.column_name === 'value')!;
      c.value = JSON.stringify(value);
      return resealAs(a!, batch);
    };
    refusedHarmlessly(b!, tamper('{not json'), /console_settings\.value holds text that is not JSON/);
    expect(b!.backend.sync.receive(tamper('"fifteen"'), a!.id)).toMatchObject({ status: 'applied' });
    expect(await b!.call('settings.get', {})).toMatchObject({ idleLockMinutes: 0 });
  });

  it('takes a replayed batch as harmless: nothing changes the second time', async () => {
    const [a, b] = await coalition(2);
    await entries(a!, 2);
    const env = a!.backend.sync.collect(b!.backend.sync.vector());
    b!.backend.sync.receive(env, a!.id);
    const hash = b!.backend.sync.contentHash();
    expect(b!.backend.sync.receive(env, a!.id)).toMatchObject({ status: 'applied', changes: 0, facts: 0 });
    expect(b!.backend.sync.contentHash()).toBe(hash);
  });

  it('refuses a batch of another coalition signed by a member of that other coalition', async () => {
    const [a, b] = await coalition(2);
    const [x] = await coalition(1);
    await entries(x!, 1);
    refusedHarmlessly(b!, x!.backend.sync.collect({}), /another coalition/);
    expect(a).toBeDefined();
  });

  it('refuses a removed workstation from then on, leaves out what it wrote since when a member relays it, and keeps its past records valid', async () => {
    const [a, b, c] = await coalition(3);
    const incidentId = await entries(c!, 2);
    syncAll([a!, b!, c!]);
    await a!.call('sync.removeMember', { id: c!.id });
    // c keeps writing, unaware; b takes it before it hears of the removal.
    await c!.call('log.append', { incidentId, category: 'General', text: 'After removal' });
    b!.backend.sync.receive(c!.backend.sync.collect(b!.backend.sync.vector()), c!.id);
    // (a and b cannot converge on c's later records: b cannot un-receive them, a refuses them.)
    syncOnce(a!, b!);
    syncOnce(b!, a!);
    // From c itself: refused.
    await c!.call('log.append', { incidentId, category: 'General', text: 'Later still' });
    refusedHarmlessly(a!, c!.backend.sync.collect(a!.backend.sync.vector()), /removed/);
    // Relayed by b: everything else arrives, c's records since the removal do not.
    const texts = async (s: Station) =>
      (await s.call('log.list', { incidentId })).entries.map((e: { text: string }) => e.text);
    expect(await texts(a!)).toEqual(expect.arrayContaining(['Entry 0', 'Entry 1']));
    expect(await texts(a!)).not.toContain('After removal');
    expect(await a!.call('integrity.verify', {})).toMatchObject({ ok: true });
    const members = (await a!.call('sync.status', {})).members;
    expect(members.find((m) => m.id === c!.id)?.removedAt).toBeTypeOf('number');
  });

  it('a join code altered after it was issued is refused in words', async () => {
    const [a] = await coalition(1);
    const { code } = await a!.call('sync.issueJoin', {});
    const { openBackend } = await import('../helpers/backend');
    const n = await openBackend();
    const payload = JSON.parse(Buffer.from(code.slice('EOCJOIN1.'.length), 'base64url').toString('utf8')) as {
      enrolment: { shortCode: string };
    };
    payload.enrolment.shortCode = 'WS1';
    const forged = 'EOCJOIN1.' + Buffer.from(JSON.stringify(payload)).toString('base64url');
    const r = await n.raw('sync.join', { code: forged, workstationName: 'EOC-9' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/signature does not match/) },
    });
    expect((await n.call('sync.status', {})).coalitionId).toBeNull();
  });
});
