import fs from 'node:fs';
import path from 'node:path';
import type { Batch } from '../../../electron/backend/domains/sync/batch';
import { seal, type SignedBatch } from '../../../electron/backend/domains/sync/envelope';
import type { ReceiveResult } from '../../../electron/backend/domains/sync/receive';
import { KEY_FILE } from '../../../electron/backend/identity/key-store';
import { privateKeyFromPkcs8, rawPublicKey, signBytes } from '../../../electron/backend/identity/keys';
import { openBackend, openReadyBackend, type TestBackend } from '../helpers/backend';

/** One simulated workstation: a real backend on its own data folder. */
export interface Station extends TestBackend {
  id: string;
  name: string;
}

export async function signIn(t: TestBackend, code = 'HCCDO', name = `${code} operator`): Promise<void> {
  const { positions } = await t.call('position.list', {});
  const p = positions.find((x) => x.code === code)!;
  await t.call('session.signIn', { operatorName: name, positionId: p.id });
}

/** Sends everything `from` holds that `to` lacks, page by page, until `to` has it all. */
export function syncOnce(from: Station, to: Station, limit = 500): ReceiveResult[] {
  const results: ReceiveResult[] = [];
  for (let i = 0; i < 10_000; i++) {
    const env = from.backend.sync.collect(to.backend.sync.vector(), limit);
    const b = unsealed(env);
    if (!b.parts.length) return results;
    const r = to.backend.sync.receive(env, from.id);
    results.push(r);
    if (r.status !== 'applied' && !b.more) return results;
    if (!b.more && r.status === 'applied') return results;
  }
  throw new Error('sync did not finish');
}

/** Every pair, until nothing moves: what every workstation would reach with a working network. */
export function syncAll(stations: Station[]): void {
  const last = new Map<string, string>();
  for (let round = 0; round < 10; round++) {
    const before = stations.map((s) => JSON.stringify(s.backend.sync.vector()));
    for (const a of stations) for (const b of stations) if (a !== b) last.set(`${a.name} to ${b.name}`, syncOnce(a, b).map((r) => `${r.status}: ${r.message}`).join(' | '));
    const after = stations.map((s) => JSON.stringify(s.backend.sync.vector()));
    if (before.every((v, i) => v === after[i]) && new Set(after).size === 1) return;
  }
  const held = stations.map((s) => `${s.name}: ${JSON.stringify(s.backend.sync.vector())}`);
  const said = [...last].filter(([, r]) => r).map(([k, r]) => `${k}: ${r}`);
  throw new Error(`workstations did not converge in 10 rounds; what each holds:\n${held.join('\n')}\nlast round:\n${said.join('\n')}`);
}

/**
 * A coalition of `n` workstations: the first set up, each other joined with a code the
 * first issued and given the coalition's records, every one with an operator signed in.
 */
export async function coalition(n: number, opts: { clock?: () => number } = {}): Promise<Station[]> {
  const first = await openReadyBackend(opts.clock ? { clock: opts.clock } : {});
  const firstId = (await first.call('sync.status', {})).workstation.id;
  const head: Station = Object.assign(first, { id: firstId, name: 'EOC-1' });
  const stations: Station[] = [head];
  for (let i = 2; i <= n; i++) {
    const t = await openBackend(opts.clock ? { clock: opts.clock } : {});
    const { code } = await head.call('sync.issueJoin', {});
    await t.call('sync.join', { code, workstationName: `EOC-${i}` });
    const s = Object.assign(t, { id: (await t.call('sync.status', {})).workstation.id, name: `EOC-${i}` });
    syncOnce(head, s);
    await signIn(s);
    stations.push(s);
  }
  syncAll(stations);
  return stations;
}

export const hashes = (stations: Station[]) => stations.map((s) => s.backend.sync.contentHash());

/** The batch inside a signed envelope (for tests that look inside or tamper with it). */
export const unsealed = (env: SignedBatch): Batch => JSON.parse(env.batch) as Batch;

/** Signs a (tampered) batch again with a station's own key, as a dishonest member could. */
export function resealAs(s: { dataDir: string }, batch: Batch): SignedBatch {
  const key = privateKeyFromPkcs8(fs.readFileSync(path.join(s.dataDir, KEY_FILE)));
  return seal(batch, { publicKey: rawPublicKey(key), sign: (b) => signBytes(key, b) });
}

export type { Batch, SignedBatch };
