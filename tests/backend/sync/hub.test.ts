import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unseal } from '../../../electron/backend/domains/sync/envelope';
import { startLanSync, type LanService } from '../../../electron/backend/domains/sync/lan/service';
import { main as hubMain } from '../../../electron/backend/hub/main';
import { joinHub, startHub, type Hub } from '../../../electron/backend/hub/server';
import { HubStore } from '../../../electron/backend/hub/store';
import { generatePrivateKey, rawPublicKey, signBytes } from '../../../electron/backend/identity/keys';
import { openBackend, openReadyBackend } from '../helpers/backend';
import { startTempCluster, type TempCluster } from '../helpers/postgres';
import { signIn, type Station } from './harness';

/** The hub against a real PostgreSQL server: a throwaway cluster in a temp folder. */
let cluster: TempCluster;
let dbCount = 0;
beforeAll(() => {
  cluster = startTempCluster();
}, 120_000);
afterAll(() => cluster?.stop());

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

async function hubOn(database: string): Promise<Hub> {
  const h = await startHub({ database, port: 0, host: '127.0.0.1', name: 'Region 4 hub' });
  open.push(h);
  return h;
}

async function lan(s: { backend: Station['backend']; dataDir: string }): Promise<LanService> {
  const svc = await startLanSync({ backend: s.backend, dataDir: s.dataDir, port: 0, host: '127.0.0.1', retryMs: 200 });
  open.push(svc);
  return svc;
}

/** A service whose close may be called twice (by the test midway, then after it). */
function closable<T extends { close(): Promise<void> }>(x: T): T {
  let closing: Promise<void> | null = null;
  const close = x.close.bind(x);
  x.close = () => (closing ??= close());
  return x;
}

/** Resolves once `check` holds, re-checking whenever any of the backends says its data changed. */
function until(on: Pick<Station, 'backend'> | Pick<Station, 'backend'>[], check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (e?: Error) => {
      if (done) return;
      done = true;
      off();
      clearTimeout(timer);
      if (e) reject(e);
      else resolve();
    };
    const test = () => void check().then((ok) => ok && finish(), finish);
    const offs = (Array.isArray(on) ? on : [on]).map((s) => s.backend.onEvent((e) => e.event === 'data.changed' && test()));
    const off = () => offs.forEach((f) => f());
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), ms);
    test();
  });
}

/** The incident's log as text; empty until the incident itself has arrived. */
const texts = async (s: Pick<Station, 'call'>, incidentId: string) =>
  (await s.call('incident.list', {})).incidents.some((i) => i.id === incidentId) ? JSON.stringify(await s.call('log.list', { incidentId })) : '';

/** Greets the hub as a workstation no member invited; resolves with the hub's answer. */
function strangerHello(port: number, coalitionId: string): Promise<string> {
  const key = generatePrivateKey();
  const id = 'stranger-workstation';
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, minVersion: 'TLSv1.3' }, () => {
      const ekm = socket.exportKeyingMaterial(32, 'EXPORTER-eoc-sync', Buffer.alloc(0)).toString('hex');
      const proof = signBytes(key, `eoc-sync-hello/1\nclient\n${ekm}\n${id}`).toString('base64');
      socket.write(`${JSON.stringify({ type: 'hello', v: 1, workstationId: id, coalitionId, name: 'Stranger', publicKey: rawPublicKey(key), enrolment: null, proof })}\n`);
    });
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('regional hub on PostgreSQL', () => {
  it('relays between two workstations that cannot see each other, through two hub processes over one database', async () => {
    const database = await cluster.newDatabase(`hub${++dbCount}`);
    const a = await openReadyBackend();
    // The hub joins like a workstation: a code issued on a member.
    const { code: hubCode } = await a.call('sync.issueJoin', {});
    expect(await joinHub(database, hubCode)).toMatchObject({ coalitionName: expect.any(String) });
    const { code } = await a.call('sync.issueJoin', {});
    const b = await openBackend();
    await b.call('sync.join', { code, workstationName: 'EOC-2' });

    const hub1 = await hubOn(database);
    const hub2 = await hubOn(database); // stateless: a second process over the same store
    expect(hub2.identity.fingerprint).toBe(hub1.identity.fingerprint);
    await lan(a);
    await lan(b);
    a.backend.sync.addPeer(`127.0.0.1:${hub1.port}`, 'typed');
    b.backend.sync.addPeer(`127.0.0.1:${hub2.port}`, 'typed');

    await until([a, b], async () => b.backend.sync.contentHash() === a.backend.sync.contentHash(), 'b to hold the coalition through the hub');
    await signIn(b);
    const { levels } = await a.call('incident.levels', {});
    const incidentId = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
    await a.call('log.append', { incidentId, category: 'General', text: 'Generator failed at Hilltop' });
    await until(b, async () => (await texts(b, incidentId)).includes('Generator failed'), 'the entry on b');
    await b.call('log.append', { incidentId, category: 'General', text: 'Fuel truck sent' });
    await until(a, async () => (await texts(a, incidentId)).includes('Fuel truck sent'), 'the entry on a');
    await until([a, b], async () => b.backend.sync.contentHash() === a.backend.sync.contentHash(), 'both to hold the same record');

    // Each workstation lists the hub as a peer, by the name and key fingerprint it proved.
    expect((await a.call('sync.peers', {})).peers[0]).toMatchObject({ name: 'Region 4 hub', connected: true, fingerprint: hub1.identity.fingerprint });
    // The hub holds the signed batches unchanged, by origin, and how far it holds each origin.
    const marks = await hub1.store.vector((await a.call('sync.status', {})).coalitionId!);
    expect(marks[a.backend.sync.describe().workstationId]?.seq).toBe(a.backend.sync.vector()[a.backend.sync.describe().workstationId]?.seq);
    expect(marks[b.backend.sync.describe().workstationId]?.seq).toBeGreaterThan(0);
    const senders = (await hub1.store.pool.query<{ sender: string }>('SELECT DISTINCT sender FROM hub_batches')).rows.map((r) => r.sender).sort();
    expect(senders).toEqual([a.backend.sync.describe().workstationId, b.backend.sync.describe().workstationId].sort());
  }, 60_000);

  it('refuses a workstation of a coalition it does not serve, and one the coalition never invited; stores nothing from them', async () => {
    const database = await cluster.newDatabase(`hub${++dbCount}`);
    const a = await openReadyBackend();
    const { code: hubCode } = await a.call('sync.issueJoin', {});
    await joinHub(database, hubCode);
    const hub = await hubOn(database);
    const other = await openReadyBackend(); // set up its own coalition
    await lan(other);
    other.backend.sync.addPeer(`127.0.0.1:${hub.port}`, 'typed');
    await until(other, async () => ((await other.call('sync.peers', {})).peers[0]?.lastError ?? '').includes('does not serve that coalition'), 'the refusal');
    // A workstation that proves its key and names the served coalition, but shows no invitation.
    const coalitionId = (await a.call('sync.status', {})).coalitionId!;
    expect(await strangerHello(hub.port, coalitionId)).toContain('holds no invitation from a member the hub knows');
    const stored = await hub.store.pool.query('SELECT count(*)::int AS n FROM hub_batches');
    expect(stored.rows[0]).toEqual({ n: 0 });
  }, 60_000);

  it('honours a removal: the removed workstation is refused, its new batches are not stored, what it sent before stays', async () => {
    const database = await cluster.newDatabase(`hub${++dbCount}`);
    const a = await openReadyBackend();
    await joinHub(database, (await a.call('sync.issueJoin', {})).code);
    const { code } = await a.call('sync.issueJoin', {});
    const b = await openBackend();
    await b.call('sync.join', { code, workstationName: 'EOC-2' });
    const hub = await hubOn(database);
    await lan(a);
    await lan(b);
    a.backend.sync.addPeer(`127.0.0.1:${hub.port}`, 'typed');
    b.backend.sync.addPeer(`127.0.0.1:${hub.port}`, 'typed');
    await until([a, b], async () => b.backend.sync.contentHash() === a.backend.sync.contentHash(), 'b to hold the coalition');
    await signIn(b);
    const { levels } = await a.call('incident.levels', {});
    const incidentId = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
    await until(b, async () => (await b.call('incident.list', {})).incidents.some((i) => i.id === incidentId), 'the incident on b');
    await b.call('log.append', { incidentId, category: 'General', text: 'Before the removal' });
    await until(a, async () => (await texts(a, incidentId)).includes('Before the removal'), 'b\'s entry on a');

    const bId = b.backend.sync.describe().workstationId;
    const coalitionId = (await a.call('sync.status', {})).coalitionId!;
    const bBatches = async () => (await hub.store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_batches WHERE sender = $1', [bId])).rows[0]!.n;
    const before = await bBatches();
    expect(before).toBeGreaterThan(0);
    await a.call('sync.removeMember', { id: bId });
    // The removal reaches the hub in a's batch; the hub ends b's session and refuses it from then on.
    await until(b, async () => ((await b.call('sync.peers', {})).peers[0]?.lastError ?? '').includes('removed from the coalition'), 'the hub to refuse b');
    expect(await hub.store.isRemoved(coalitionId, bId)).toBe(true);

    // A batch b signs after its removal is refused by the store itself, whichever hub process takes it.
    await b.call('log.append', { incidentId, category: 'General', text: 'After the removal' });
    const opened = unseal(b.backend.sync.collect(await hub.store.vector(coalitionId)));
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.batch.parts.length).toBeGreaterThan(0);
    expect(await hub.store.store(opened.envelope, opened.batch)).toBe('removed');
    // What b sent before stays, and is still served to members.
    expect(await bBatches()).toBe(before);
    expect((await hub.store.vector(coalitionId))[bId]?.seq).toBeLessThan(b.backend.sync.vector()[bId]!.seq);
    const served = await hub.store.lacking(coalitionId, {}, '0', 1000);
    expect(served.some((x) => x.envelope.sender === bId)).toBe(true);
  }, 60_000);

  it('a workstation offline during a removal learns it through the hub (a hub database older than its removals list backfills it), refuses the removed member\'s new batches and keeps its past records', async () => {
    const database = await cluster.newDatabase(`hub${++dbCount}`);
    const a = await openReadyBackend();
    await joinHub(database, (await a.call('sync.issueJoin', {})).code);
    const b = await openBackend();
    await b.call('sync.join', { code: (await a.call('sync.issueJoin', {})).code, workstationName: 'EOC-2' });
    const c = await openBackend();
    await c.call('sync.join', { code: (await a.call('sync.issueJoin', {})).code, workstationName: 'EOC-3' });
    // Each closed midway by the test, and again (harmlessly) after it.
    const first = closable(await hubOn(database));
    const lanA = closable(await lan(a));
    const lanB = closable(await lan(b));
    const lanC = closable(await lan(c));
    for (const s of [a, b, c]) s.backend.sync.addPeer(`127.0.0.1:${first.port}`, 'typed');
    const same = async () => new Set([a, b, c].map((s) => s.backend.sync.contentHash())).size === 1;
    await until([a, b, c], same, 'all three to hold the coalition through the hub');
    await signIn(b);
    const { levels } = await a.call('incident.levels', {});
    const incidentId = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
    await signIn(c);
    await until(b, async () => (await b.call('incident.list', {})).incidents.some((i) => i.id === incidentId), 'the incident on b');
    await b.call('log.append', { incidentId, category: 'General', text: 'Before the removal' });
    await until(c, async () => (await texts(c, incidentId)).includes('Before the removal'), "b's entry on c");
    // a removes b only once it holds all b wrote (what a holds of b is what stays valid everywhere).
    await until([a, b, c], same, 'all three to hold the same record');

    // c goes offline; a removes b; the removal reaches the hub in a's batch.
    await lanC.close();
    const bId = b.backend.sync.describe().workstationId;
    const coalitionId = (await a.call('sync.status', {})).coalitionId!;
    await a.call('sync.removeMember', { id: bId });
    await until(b, async () => ((await b.call('sync.peers', {})).peers[0]?.lastError ?? '').includes('removed from the coalition'), 'the hub to refuse b');
    await lanB.close();

    // The hub's database as a hub from before it kept removals left it: the batches only.
    await first.close();
    const admin = new HubStore(database);
    await admin.pool.query('DROP TABLE hub_removed');
    await admin.close();
    const hub = await hubOn(database);
    expect(await hub.store.isRemoved(coalitionId, bId)).toBe(true);
    // b wrote on, unaware; the hub refuses what it signs now.
    await b.call('log.append', { incidentId, category: 'General', text: 'After the removal' });
    const late = b.backend.sync.collect(await hub.store.vector(coalitionId));
    const opened = unseal(late);
    if (!opened.ok) throw new Error(opened.problem);
    expect(await hub.store.store(opened.envelope, opened.batch)).toBe('removed');

    // c comes back, sees only the hub, and learns the removal from it.
    await lanA.close();
    await lan(a);
    await lan(c);
    a.backend.sync.addPeer(`127.0.0.1:${hub.port}`, 'typed');
    c.backend.sync.addPeer(`127.0.0.1:${hub.port}`, 'typed');
    await until([a, c], async () => c.backend.sync.contentHash() === a.backend.sync.contentHash(), 'c to catch up with a through the hub');
    expect((await c.call('sync.status', {})).members.find((m) => m.id === bId)?.removedAt).toBeTypeOf('number');

    // b's batch signed after its removal, reaching c by any other path: refused, an audit entry only.
    const cId = c.backend.sync.describe().workstationId;
    const before = c.backend.sync.vector();
    const r = c.backend.sync.receive(b.backend.sync.collect(c.backend.sync.vector()), 'EOC-2 directly');
    expect(r).toMatchObject({ status: 'refused', message: expect.stringMatching(/removed/) });
    const after = c.backend.sync.vector();
    expect(after).toEqual({ ...before, [cId]: { ...before[cId]!, seq: before[cId]!.seq + 1 } }); // the audit entry only
    expect(await texts(c, incidentId)).not.toContain('After the removal');
    // What b wrote before stays, and every chain on c still verifies.
    expect(await texts(c, incidentId)).toContain('Before the removal');
    expect(await c.call('integrity.verify', {})).toMatchObject({ ok: true });
  }, 90_000);

  it('has a command line: help, errors in words, a damaged join code refused', async () => {
    const out: string[] = [];
    const log = console.log;
    const err = console.error;
    console.log = (s: string) => out.push(s);
    console.error = (s: string) => out.push(s);
    try {
      expect(await hubMain(['--help'])).toBe(0);
      expect(out.join('\n')).toContain('--database');
      expect(await hubMain([])).toBe(1);
      expect(out.join('\n')).toContain('Say which PostgreSQL database');
      expect(await hubMain(['--database', cluster.url, '--join', 'EOCJOIN1.garbage'])).toBe(1);
      expect(out.join('\n')).toContain('join code is damaged');
      expect(await hubMain(['--database', cluster.url, '--port', 'ninety'])).toBe(1);
    } finally {
      console.log = log;
      console.error = err;
    }
  });
});
