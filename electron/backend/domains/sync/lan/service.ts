import type net from 'node:net';
import tls from 'node:tls';
import type { Backend } from '../../../backend';
import { loadOrCreateCert } from './tls-cert';
import { Session, type Role } from './session';
import { startDiscovery, type Discovery } from './discovery';

export interface LanOptions {
  readonly backend: Backend;
  readonly dataDir: string;
  /** The sync port (0: any free one). Never the console's own port. */
  readonly port: number;
  /** Where to listen: all interfaces by default, since peers are other machines. */
  readonly host?: string;
  /** Announce and find peers by mDNS (`_eoc-sync._tcp`). */
  readonly mdns?: boolean;
  /** How often to try peers that are not connected. */
  readonly retryMs?: number;
}

export interface LanService {
  readonly port: number;
  /** Workstation ids of peers connected now. */
  connected(): string[];
  /** Tries every known peer now (after an address was typed). */
  poke(): void;
  close(): Promise<void>;
}

/** Tables whose change is this workstation's bookkeeping, not news for peers. */
const QUIET = /^(sync_peers|sync_inbox|local_|meta$)/;

/**
 * The LAN sync endpoint: a TLS 1.3 server on its own port, separate from the console's
 * host and never reaching `handle()`; connections out to every known peer (typed
 * addresses and, if on, peers found by mDNS); one session per peer workstation. Anything
 * written here, locally or received from a peer, is offered to every other peer at once,
 * so a workstation that sees only one other still gets everything (gossip).
 */
export async function startLanSync(o: LanOptions): Promise<LanService> {
  // Nothing a peer sends is stored before the data file has passed its check at start
  // (a large file is checked in a thread while the console opens: backend.ts).
  await o.backend.fileChecked();
  const { key, cert } = await loadOrCreateCert(o.dataDir);
  const sync = o.backend.sync;
  const sessions = new Set<Session>();
  const connecting = new Set<string>();
  let closed = false;

  const tlsOptions = { key, cert, minVersion: 'TLSv1.3' as const, maxVersion: 'TLSv1.3' as const };

  const byPeer = (id: string) => [...sessions].filter((s) => s.peer?.workstationId === id);
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      process.emitWarning(`Sync: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const events = {
    ready(s: Session) {
      const self = sync.describe().workstationId;
      // One connection per pair: the one opened by the workstation with the lower id stays.
      const others = byPeer(s.peer!.workstationId).filter((x) => x !== s);
      if (others.length) {
        const keepMine = (s.role === 'client') === self < s.peer!.workstationId;
        if (keepMine) for (const x of others) x.close(null);
        else return s.close(null);
      }
      if (s.role === 'server') {
        s.address = `inbound:${s.peer!.workstationId}`;
        safely(() => sync.addPeer(s.address, 'inbound'));
      }
      safely(() => sync.notePeer(s.address, { workstationId: s.peer!.workstationId, name: s.peer!.name, fingerprint: s.peer!.fingerprint, at: Date.now(), error: null, connected: true }));
    },
    closed(s: Session, why: string | null) {
      sessions.delete(s);
      if (!closed) safely(() => sync.notePeer(s.address, { ...(why ? { error: why } : {}), connected: byPeer(s.peer?.workstationId ?? '').length > 0 }));
    },
    theirVector(s: Session, v: unknown) {
      safely(() => sync.notePeer(s.address, { at: Date.now(), theirVector: JSON.stringify(v) }));
    },
  };

  const server = tls.createServer({ ...tlsOptions, requestCert: true, rejectUnauthorized: false }, (socket) => {
    // Known by its workstation once it has said who it is (see `ready`).
    const s = new Session(socket, 'server', `inbound:${socket.remoteAddress}:${socket.remotePort}`, sync, events);
    sessions.add(s);
    safely(() => s.start());
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  try {
    sync.listening(port);
  } catch (e) {
    // A store that cannot record it (restore mode) takes no sync: the port is let go.
    server.close();
    throw e;
  }

  function connect(address: string): void {
    if (closed || connecting.has(address)) return;
    const m = /^(.*):(\d+)$/.exec(address);
    if (!m) return;
    connecting.add(address);
    const socket = tls.connect({ ...tlsOptions, host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]), rejectUnauthorized: false, servername: undefined });
    const s = new Session(socket, 'client' as Role, address, sync, events);
    sessions.add(s);
    socket.once('secureConnect', () => {
      connecting.delete(address);
      safely(() => s.start());
    });
    socket.once('close', () => connecting.delete(address));
  }

  function tryPeers(): void {
    if (closed) return;
    safely(() => {
      const me = sync.describe().workstationId;
      const known = sync.peers();
      // A peer the operator forgot is let go: connections this workstation opened to it end.
      const addresses = new Set(known.map((p) => p.address));
      for (const s of sessions) if (s.role === 'client' && !addresses.has(s.address)) s.close(null);
      // A peer that reached this workstation is let go the same way, once it has said who it is.
      for (const s of sessions) if (s.role === 'server' && s.peer && !addresses.has(s.address)) s.close(null);
      const live = new Set([...sessions].map((s) => s.peer?.workstationId).filter(Boolean));
      for (const p of known) {
        if (p.source === 'inbound' || p.workstation_id === me) continue;
        if (p.workstation_id && live.has(p.workstation_id)) continue;
        if ([...sessions].some((s) => s.address === p.address)) continue;
        connect(p.address);
      }
    });
  }

  let nudgeTimer: NodeJS.Timeout | null = null;
  const unlisten = o.backend.onEvent((e) => {
    if (e.event !== 'data.changed') return;
    const tables = (e.payload as { tables: string[] }).tables;
    if (tables.length && tables.every((t) => QUIET.test(t))) {
      if (tables.includes('sync_peers')) tryPeers();
      return;
    }
    nudgeTimer ??= setTimeout(() => {
      nudgeTimer = null;
      for (const s of sessions) safely(() => s.nudge());
    }, 20);
  });

  const discovery: Discovery | null = o.mdns ? startDiscovery(sync, port, (address) => sync.addPeer(address, 'mdns')) : null;
  const timer = setInterval(tryPeers, o.retryMs ?? 5000);
  timer.unref();
  tryPeers();

  return {
    port,
    connected: () => [...sessions].map((s) => s.peer?.workstationId).filter((x): x is string => !!x),
    poke: tryPeers,
    async close() {
      closed = true;
      clearInterval(timer);
      if (nudgeTimer) clearTimeout(nudgeTimer);
      unlisten();
      discovery?.stop();
      for (const s of sessions) s.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      try {
        sync.listening(null);
      } catch {
        // The backend may already be closed.
      }
    },
  };
}
