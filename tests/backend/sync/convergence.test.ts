import Database from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import type { SignedBatch } from '../../../electron/backend/domains/sync/envelope';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { contentHash } from '../../../electron/backend/domains/sync/content';
import { coalition, unsealed, type Station } from './harness';
import { conservationProblem, requestProblem } from './invariants';

/**
 * The convergence property of sync.md: 3 to 5 workstations make random operations across
 * domains while batches between them are delivered in random order, duplicated, delayed
 * and lost (and resent by the next exchange); after a last exchange with a working
 * network every workstation holds the same content, no record of fact is lost, every
 * chain verifies everywhere, and stock and requests are consistent everywhere, after
 * every single apply as well as at the end. SYNC_SEEDS=1000 for the full run.
 */
const SEEDS = Number(process.env.SYNC_SEEDS ?? 100);

interface Node {
  id: string;
  backend: Backend;
  dir: string;
  call<M extends MethodName>(m: M, i: MethodInput<M>): Promise<MethodOutput<M> | null>;
}

type Op =
  | { k: 'log'; s: number; text: string }
  | { k: 'decision'; s: number }
  | { k: 'rename'; s: number; name: string }
  | { k: 'describe'; s: number; text: string }
  | { k: 'org'; s: number; name: string; town: string }
  | { k: 'request'; s: number; n95: number }
  | { k: 'step'; s: number; r: number; action: number; q: number }
  | { k: 'count'; s: number; held: number }
  | { k: 'period'; s: number }
  | { k: 'staff'; s: number; who: string; pos: number }
  | { k: 'send'; from: number; to: number; stale: boolean; limit: number }
  | { k: 'deliver'; pick: number; keep: boolean }
  | { k: 'drop'; pick: number };

/** The steps a request can take next from each status, so random steps move requests along. */
const NEXT: Record<string, readonly string[]> = {
  draft: ['submit', 'submit', 'submit', 'cancel'],
  submitted: ['approve', 'approve', 'approve', 'deny'],
  resource_check: ['check_resources'],
  sourcing: ['source', 'source', 'source', 'withdraw_fill', 'send_to_finance', 'send_to_finance', 'cancel'],
  finance_review: ['finance_approve'],
  ordered: ['mark_en_route', 'cancel'],
  en_route: ['receive'],
  received: ['release'],
  released: ['return_resources', 'close'],
  returned: ['close'],
};

const s = fc.nat(4);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('log' as const),
      s,
      text: fc.constantFrom('Power out', 'Road closed', 'Generator on'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('decision' as const), s }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('rename' as const),
      s,
      name: fc.constantFrom('Ice storm', 'Ice storm 2026', 'Winter storm'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('describe' as const),
      s,
      text: fc.constantFrom('Freezing rain', 'Ice and wind'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('org' as const),
      s,
      name: fc.constantFrom('Hilltop Care', 'Hilltop Care Center'),
      town: fc.constantFrom('Amherst', 'Hadley'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('request' as const), s, n95: fc.integer({ min: 1, max: 40 }) }) },
  {
    weight: 12,
    arbitrary: fc.record({
      k: fc.constant('step' as const),
      s,
      r: fc.nat(9),
      action: fc.nat(9),
      q: fc.integer({ min: 1, max: 30 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('count' as const), s, held: fc.integer({ min: 20, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('period' as const), s }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('staff' as const),
      s,
      who: fc.constantFrom('Pat Lee', 'Sam Roy'),
      pos: fc.nat(3),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('send' as const),
      from: s,
      to: s,
      stale: fc.boolean(),
      limit: fc.constantFrom(5, 40, 500),
    }),
  },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('deliver' as const), pick: fc.nat(50), keep: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('drop' as const), pick: fc.nat(50) }) },
);

let template: { dir: string; id: string }[] = [];
let templateRoot = '';
let incidentId = '';
let orgId = '';
let itemId = '';

beforeAll(async () => {
  // One coalition of five, set up once; each run starts from a copy of its data folders.
  const stations = await coalition(5);
  const a = stations[0]!;
  const { levels } = await a.call('incident.levels', {});
  incidentId = (
    await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })
  ).incident.id;
  orgId = (
    await a.call('directory.saveOrganisation', {
      name: 'Hilltop Care',
      discipline: 'long_term_care',
      membership: 'core',
      town: 'Amherst',
    })
  ).organisation.id;
  itemId = (
    await a.call('inventory.save', {
      category: 'Medical and Public Health',
      resourceClass: 'supplies',
      kind: 'N95 respirator',
      name: 'Cache N95',
      unit: 'each',
      location: 'Warehouse A',
      ownerOrganisationId: orgId,
      status: 'available',
      heldQuantity: 60,
    })
  ).item.id;
  const { syncAll } = await import('./harness');
  syncAll(stations);
  templateRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-sync-template-'));
  for (const [i, st] of stations.entries()) {
    await st.backend.close();
    const dir = path.join(templateRoot, `ws${i}`);
    fs.cpSync(st.dataDir, dir, { recursive: true });
    template.push({ dir, id: st.id });
  }
}, 120_000);

afterAll(() => {
  if (templateRoot) fs.rmSync(templateRoot, { recursive: true, force: true });
  template = [];
});

async function open(n: number, root: string): Promise<Node[]> {
  const nodes: Node[] = [];
  let seq = 0;
  for (let i = 0; i < n; i++) {
    const dir = path.join(root, `ws${i}`);
    fs.cpSync(template[i]!.dir, dir, { recursive: true });
    const backend = await createBackend({ dataDir: dir, backupIntervalMs: 0 });
    nodes.push({
      id: template[i]!.id,
      backend,
      dir,
      async call(m, input) {
        const r = await backend.handle({ id: String(++seq), method: m, input });
        if (!r.ok && r.error.code === 'internal') throw new Error(`${m}: ${r.error.message}`);
        return r.ok ? (r.result as never) : null;
      },
    });
  }
  return nodes;
}

function check(node: Node, when: string): void {
  const db = new Database(path.join(node.dir, 'eoc.sqlite'), { readonly: true });
  try {
    const p = conservationProblem(db) ?? requestProblem(db);
    if (p) throw new Error(`${when} on ${node.id}: ${p}`);
  } finally {
    db.close();
  }
}

async function operate(node: Node, op: Op): Promise<void> {
  switch (op.k) {
    case 'log':
      await node.call('log.append', { incidentId, category: 'General', text: op.text });
      return;
    case 'decision':
      await node.call('decision.record', {
        incidentId,
        title: 'Open shelter',
        decision: 'Open the shelter',
        rationale: 'Cold',
        authority: 'Plan',
      });
      return;
    case 'rename':
      await node.call('incident.update', { id: incidentId, name: op.name });
      return;
    case 'describe':
      await node.call('incident.update', { id: incidentId, description: op.text });
      return;
    case 'org':
      await node.call('directory.saveOrganisation', {
        id: orgId,
        name: op.name,
        discipline: 'long_term_care',
        membership: 'core',
        town: op.town,
      });
      return;
    case 'request':
      await node.call('request.create', {
        incidentId,
        requestingOrganisationId: orgId,
        requestedByName: 'Lee Park',
        priority: 'urgent',
        deliveryLocation: 'Dock',
        lines: [{ quantity: op.n95, kind: 'N95 respirator' }],
      });
      return;
    case 'count':
      await node.call('inventory.count', { id: itemId, heldQuantity: op.held });
      return;
    case 'period': {
      // The next operational period: two workstations doing this offline both open "period n".
      const got = await node.call('incident.get', { id: incidentId });
      const open = got?.currentPeriod;
      if (open) await node.call('incident.closePeriod', { periodId: open.id });
      await node.call('incident.openPeriod', { incidentId, endsAt: Date.now() + 12 * 3_600_000 });
      return;
    }
    case 'staff': {
      const got = await node.call('incident.get', { id: incidentId });
      const { positions } = (await node.call('position.list', {})) ?? { positions: [] };
      const p = positions[op.pos];
      if (got?.currentPeriod && p)
        await node.call('incident.staff', { periodId: got.currentPeriod.id, positionId: p.id, holderName: op.who });
      return;
    }
    case 'step':
      // A few steps in a row on one workstation, as one logistics chief works a request along.
      for (let i = 0; i < 1 + (op.action % 4); i++) await takeStep(node, { ...op, action: op.action + i });
      return;
  }
}

async function takeStep(node: Node, op: Extract<Op, { k: 'step' }>): Promise<void> {
  {
    {
      const board = await node.call('request.board', { limit: 50 });
      const rows = board?.rows ?? [];
      const r = rows[op.r % Math.max(1, rows.length)];
      if (!r) return;
      const got = await node.call('request.get', { id: r.id });
      const next = NEXT[got?.request.status ?? ''] ?? [];
      const action = next[op.action % Math.max(1, next.length)];
      if (!action) return;
      const line = got?.request.lines[0];
      switch (action) {
        case 'source':
          if (line)
            await node.call('request.transition', {
              action,
              id: r.id,
              lineId: line.id,
              quantity: op.q,
              source: { kind: 'inventory', inventoryItemId: itemId },
            });
          return;
        case 'withdraw_fill': {
          const fill = got?.request.lines.flatMap((l) => l.fills).find((f) => !f.withdrawn);
          if (fill)
            await node.call('request.transition', { action, id: r.id, fillId: fill.id, reason: 'Wrong source' });
          return;
        }
        case 'mark_en_route':
          await node.call('request.transition', { action, id: r.id, eta: Date.now() + 3_600_000 });
          return;
        case 'release':
          await node.call('request.transition', { action, id: r.id });
          return;
        case 'cancel':
        case 'deny':
          await node.call('request.transition', { action, id: r.id, reason: 'Not needed' });
          return;
        default:
          await node.call('request.transition', { action, id: r.id } as MethodInput<'request.transition'>);
      }
    }
  }
}

describe('sync convergence (fast-check)', () => {
  it(`3 to 5 workstations, random operations and random delivery, end identical with every invariant held (${SEEDS} seeds)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(opArb, { minLength: 20, maxLength: 90, size: 'large' }),
        async (n, ops) => {
          const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-sync-run-'));
          const nodes = await open(n, root);
          try {
            const net: { to: number; batch: SignedBatch; from: string }[] = [];
            const seen = nodes.map((x) => x.backend.sync.vector());
            for (const op of ops) {
              if (op.k === 'send') {
                const from = nodes[op.from % n]!;
                const toIdx = op.to % n;
                if (from === nodes[toIdx]) continue;
                // A stale vector (what the receiver held when last heard from) makes overlapping, duplicate batches.
                const theirs = op.stale ? seen[toIdx]! : nodes[toIdx]!.backend.sync.vector();
                const batch = from.backend.sync.collect(theirs, op.limit);
                if (unsealed(batch).parts.length) net.push({ to: toIdx, batch, from: from.id });
              } else if (op.k === 'deliver') {
                if (!net.length) continue;
                const i = op.pick % net.length;
                const m = net[i]!;
                if (!op.keep) net.splice(i, 1); // kept: delivered again later (a duplicate)
                const r = nodes[m.to]!.backend.sync.receive(m.batch, m.from);
                if (r.status === 'refused') throw new Error(`refused: ${r.message}`);
                if (r.message.includes('could not be applied')) throw new Error(r.message);
                seen[m.to] = nodes[m.to]!.backend.sync.vector();
                check(nodes[m.to]!, `after a batch from ${m.from}`);
              } else if (op.k === 'drop') {
                if (net.length) net.splice(op.pick % net.length, 1);
              } else {
                await operate(nodes[op.s % n]!, op);
              }
            }
            // The network comes back: exchanges in every direction until nothing moves.
            const stations = nodes.map((x) => ({ ...x, dataDir: x.dir, name: x.id }) as unknown as Station);
            const { syncAll } = await import('./harness');
            syncAll(stations);
            const hashes = nodes.map((x) => x.backend.sync.contentHash());
            if (new Set(hashes).size !== 1) {
              const per = nodes.map((x) => {
                const db = new Database(path.join(x.dir, 'eoc.sqlite'), { readonly: true });
                try {
                  return contentHash(db).perTable;
                } finally {
                  db.close();
                }
              });
              const differ = Object.keys(per[0]!).filter((t) => per.some((p) => p[t] !== per[0]![t]));
              const dump = nodes.map((x) => {
                const db = new Database(path.join(x.dir, 'eoc.sqlite'), { readonly: true });
                try {
                  return (
                    JSON.stringify(db.prepare(`SELECT * FROM ${differ[0]} ORDER BY id`).all()) +
                    JSON.stringify(db.prepare('SELECT * FROM sync_set_aside').all()) +
                    JSON.stringify(db.prepare('SELECT * FROM sync_pending_rows').all())
                  );
                } finally {
                  db.close();
                }
              });
              throw new Error(`workstations differ after syncing, in: ${differ.join(', ')}\n${dump.join('\n')}`);
            }
            for (const x of nodes) {
              check(x, 'at the end');
              const v = await x.call('integrity.verify', {});
              expect(v, JSON.stringify(v).slice(0, 3000)).toMatchObject({ ok: true });
              const held = await x.call('sync.status', {});
              expect(held?.held).toBe(0);
            }
            // No record of fact lost: every origin's chain is as long everywhere as at its origin.
            const own = nodes.map((x) => x.backend.sync.vector()[x.id]?.seq ?? 0);
            for (const x of nodes)
              for (const [i, o] of nodes.entries()) expect(x.backend.sync.vector()[o.id]?.seq ?? 0).toBe(own[i]);
          } finally {
            for (const x of nodes) await x.backend.close();
            fs.rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      {
        numRuns: SEEDS,
        endOnFailure: true,
        ...(process.env.SYNC_SEED ? { seed: Number(process.env.SYNC_SEED), path: process.env.SYNC_PATH } : {}),
      },
    );
  }, Math.max(1_800_000, SEEDS * 30_000)); // 1,000 seeds take hours on a shared machine
});
