import type net from 'node:net';
import tls from 'node:tls';
import selfsigned from 'selfsigned';
import { decodeJoin } from '../domains/sync/join';
import { HubSession, REMOVED } from './session';
import { HubStore, NEWS_CHANNEL, REMOVED_CHANNEL, type HubIdentity } from './store';

export interface HubOptions {
  /** postgres://user@host/db (or a socket folder as host). */
  readonly database: string;
  readonly port: number;
  readonly host?: string;
  /** How the hub names itself to workstations. */
  readonly name?: string;
}

export interface Hub {
  readonly port: number;
  readonly identity: HubIdentity;
  readonly store: HubStore;
  /** Workstations connected to this process now. */
  connected(): string[];
  close(): Promise<void>;
}

/**
 * A hub process: a TLS 1.3 endpoint speaking the workstations' sync protocol over the
 * PostgreSQL store. It keeps nothing of its own (its key and everything it relays are in
 * the database; its TLS certificate is made at each start, since trust rests on the Ed25519
 * proof inside the session), so several processes can serve one cluster. When any process
 * stores something new, PostgreSQL tells every process (LISTEN/NOTIFY), and each nudges the
 * workstations of that coalition connected to it.
 */
export async function startHub(o: HubOptions): Promise<Hub> {
  const store = new HubStore(o.database);
  await store.init();
  const identity = await store.identity();
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'eoc-hub' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
  const sessions = new Set<HubSession>();
  const name = o.name ?? 'Regional hub';

  const listener = await store.pool.connect();
  await listener.query(`LISTEN ${NEWS_CHANNEL}`);
  await listener.query(`LISTEN ${REMOVED_CHANNEL}`);
  listener.on('notification', (n) => {
    if (n.channel === REMOVED_CHANNEL) {
      // A removal reached the hub (through any process): the removed workstation's sessions end.
      const [coalitionId, id] = (n.payload ?? '').split(' ');
      for (const s of sessions) if (s.coalitionId === coalitionId && s.peerId === id) s.refuse(REMOVED);
      return;
    }
    for (const s of sessions) if (s.coalitionId === n.payload) s.nudge();
  });
  listener.on('error', () => undefined);

  const server = tls.createServer(
    { key: pems.private, cert: pems.cert, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', requestCert: true, rejectUnauthorized: false },
    (socket) => {
      sessions.add(new HubSession(socket, store, identity, name, (s) => sessions.delete(s)));
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });

  return {
    port: (server.address() as net.AddressInfo).port,
    identity,
    store,
    connected: () => [...sessions].map((s) => s.peerId).filter((x): x is string => !!x),
    async close() {
      for (const s of sessions) s.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      listener.release();
      await store.close();
    },
  };
}

/** Lets the hub serve a coalition: a join code issued by one of its members. */
export async function joinHub(database: string, code: string, now = Date.now()): Promise<{ coalitionName: string; issuer: string }> {
  const j = decodeJoin(code, now);
  const store = new HubStore(database);
  try {
    await store.init();
    await store.addCoalition(j.enrolment.coalitionId, j.coalitionName, JSON.stringify(j.enrolment), { id: j.enrolment.issuer, key: j.enrolment.issuerKey });
    return { coalitionName: j.coalitionName, issuer: j.enrolment.issuer };
  } finally {
    await store.close();
  }
}
