import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { startLanSync, type LanService } from '../../../electron/backend/domains/sync/lan/service';
import { openReadyBackend } from '../helpers/backend';
import { coalition, type Station } from './harness';

const services: LanService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
});

async function lan(s: { backend: Station['backend']; dataDir: string }): Promise<LanService> {
  const svc = await startLanSync({ backend: s.backend, dataDir: s.dataDir, port: 0, host: '127.0.0.1', retryMs: 200 });
  services.push(svc);
  return svc;
}

/** Resolves once `check` holds, re-checking whenever the backend says its data changed. */
function until(s: Station, check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
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
    const off = s.backend.onEvent((e) => e.event === 'data.changed' && test());
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), ms);
    test();
  });
}

async function incident(a: Station): Promise<string> {
  const { levels } = await a.call('incident.levels', {});
  return (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
}

const texts = async (s: Station, incidentId: string) => JSON.stringify(await s.call('log.list', { incidentId }));

describe('LAN sync over TLS between enrolled workstations', () => {
  it('pushes an entry written on one to the other as it is written, and back', async () => {
    const [a, b] = await coalition(2);
    const incidentId = await incident(a!);
    const la = await lan(a!);
    await lan(b!);
    b!.backend.sync.addPeer(`127.0.0.1:${la.port}`, 'typed');
    await until(b!, async () => (await b!.call('incident.list', {})).incidents.length === 1, 'the incident on b');
    await a!.call('log.append', { incidentId, category: 'General', text: 'Generator failed at Hilltop' });
    await until(b!, async () => (await texts(b!, incidentId)).includes('Generator failed'), 'the entry on b');
    await b!.call('log.append', { incidentId, category: 'General', text: 'Fuel truck sent' });
    await until(a!, async () => (await texts(a!, incidentId)).includes('Fuel truck sent'), 'the entry on a');
    // a asks again after taking b's entry, so b learns a lacks nothing.
    await until(b!, async () => (await b!.call('sync.peers', {})).peers[0]?.toSend === 0, 'a to hold everything b has');
    expect((await b!.call('sync.peers', {})).peers[0]).toMatchObject({ name: 'EOC-1', connected: true, toSend: 0, fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){5}$/) });
  });

  it('relays through any peer: a workstation that sees only one other still gets everything', async () => {
    const [a, b, c] = await coalition(3);
    const incidentId = await incident(a!);
    const la = await lan(a!);
    const lb = await lan(b!);
    await lan(c!);
    b!.backend.sync.addPeer(`127.0.0.1:${la.port}`, 'typed');
    c!.backend.sync.addPeer(`127.0.0.1:${lb.port}`, 'typed');
    await a!.call('log.append', { incidentId, category: 'General', text: 'Relayed through b' });
    await until(c!, async () => (await c!.call('incident.list', {})).incidents.length === 1 && (await texts(c!, incidentId)).includes('Relayed through b'), 'the entry on c');
  });

  it('drops a connection that sends garbage or a hello it cannot prove, and goes on serving', async () => {
    const [a, b] = await coalition(2);
    const la = await lan(a!);
    const raw = (lines: string[]) =>
      new Promise<string>((resolve) => {
        const socket = tls.connect({ host: '127.0.0.1', port: la.port, rejectUnauthorized: false }, () => {
          for (const l of lines) socket.write(`${l}\n`);
        });
        let got = '';
        socket.on('data', (d: Buffer) => (got += d.toString()));
        socket.on('close', () => resolve(got));
        socket.on('error', () => undefined);
      });
    expect(await raw(['this is not json'])).toContain('"type":"hello"');
    const forged = JSON.stringify({ type: 'hello', workstationId: b!.id, coalitionId: a!.backend.sync.describe().coalitionId, publicKey: b!.backend.sync.describe().publicKey, proof: 'AAAA' });
    expect(await raw([forged])).toContain('could not prove it holds its key');
    // Still serving an honest peer.
    await lan(b!);
    b!.backend.sync.addPeer(`127.0.0.1:${la.port}`, 'typed');
    await until(b!, async () => (await b!.call('sync.peers', {})).peers.some((p) => p.connected), 'an honest connection');
  });

  it('refuses a workstation of another coalition at the handshake, and says so in the peer list', async () => {
    const [a] = await coalition(1);
    const x = await openReadyBackend();
    const la = await lan(a!);
    await lan(x);
    x.backend.sync.addPeer(`127.0.0.1:${la.port}`, 'typed');
    await until(x as Station, async () => ((await x.call('sync.peers', {})).peers[0]?.lastError ?? '').length > 0, 'the refusal');
    expect((await x.call('sync.peers', {})).peers[0]!.lastError).toMatch(/another coalition/);
  });
});
