import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeItem, makeOrg, requestInput, withIncident } from '../request/fixtures';
import type { TestBackend } from '../helpers/backend';

type Op =
  | { op: 'request'; n95: number; vents: number }
  | { op: 'source'; r: number; line: 0 | 1; q: number }
  | { op: 'withdraw'; r: number }
  | { op: 'cancel'; r: number }
  | { op: 'deliver'; r: number }
  | { op: 'return'; r: number }
  | { op: 'close'; r: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('request' as const), n95: fc.integer({ min: 1, max: 400 }), vents: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('source' as const), r: fc.nat(5), line: fc.constantFrom(0 as const, 1 as const), q: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('withdraw' as const), r: fc.nat(5) }),
  fc.record({ op: fc.constant('cancel' as const), r: fc.nat(5) }),
  fc.record({ op: fc.constant('deliver' as const), r: fc.nat(5) }),
  fc.record({ op: fc.constant('return' as const), r: fc.nat(5) }),
  fc.record({ op: fc.constant('close' as const), r: fc.nat(5) }),
);

/** Checks the stock against the record of movements, straight from the file. */
function checkConservation(t: TestBackend, items: { id: string; initial: number }[]) {
  const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
  try {
    for (const it of items) {
      const row = db.prepare('SELECT held, allocated FROM inventory_stock WHERE inventory_id = ?').get(it.id) as { held: number; allocated: number };
      const m = db
        .prepare("SELECT coalesce(sum(CASE movement WHEN 'allocate' THEN quantity ELSE 0 END), 0) AS a, coalesce(sum(CASE movement WHEN 'return' THEN quantity ELSE 0 END), 0) AS r, coalesce(sum(CASE movement WHEN 'consume' THEN quantity ELSE 0 END), 0) AS c FROM allocations WHERE inventory_id = ?")
        .get(it.id) as { a: number; r: number; c: number };
      const available = row.held - row.allocated;
      expect(available).toBeGreaterThanOrEqual(0);
      expect(row.allocated).toBe(m.a - m.r - m.c);
      expect(row.held).toBe(it.initial - m.c);
      expect(row.allocated + available).toBe(row.held);
    }
  } finally {
    db.close();
  }
}

describe('inventory conservation through the backend', () => {
  it('allocated + available always equals what is held, whatever requests do (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const t = await withIncident();
        const org = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
        const cache = await makeOrg(t, 'Coalition cache', { discipline: 'other' });
        const items = [
          { id: await makeItem(t, cache, 'N95 respirator', 1000), initial: 1000 },
          { id: await makeItem(t, cache, 'Ventilator (portable)', 8, { resourceClass: 'equipment' }), initial: 8 },
        ];
        const requests: { id: string; lines: string[] }[] = [];
        const step = (input: Parameters<TestBackend['raw']>[1]) => t.raw('request.transition', input);
        for (const o of ops) {
          const r = 'r' in o ? requests[o.r % Math.max(1, requests.length)] : undefined;
          switch (o.op) {
            case 'request': {
              const { request } = await t.call(
                'request.create',
                requestInput(t.incidentId, org, { lines: [{ quantity: o.n95, kind: 'N95 respirator' }, { quantity: o.vents, kind: 'Ventilator (portable)' }] }),
              );
              for (const action of ['submit', 'approve', 'check_resources'] as const) await step({ action, id: request.id });
              requests.push({ id: request.id, lines: request.lines.map((l) => l.id) });
              break;
            }
            case 'source':
              if (r) await step({ action: 'source', id: r.id, lineId: r.lines[o.line]!, quantity: o.line === 1 ? Math.min(o.q, 6) : o.q, source: { kind: 'inventory', inventoryItemId: items[o.line]!.id } });
              break;
            case 'withdraw':
              if (r) {
                const { request } = await t.call('request.get', { id: r.id });
                const fill = request.lines.flatMap((l) => l.fills).find((f) => !f.withdrawn);
                if (fill) await step({ action: 'withdraw_fill', id: r.id, fillId: fill.id, reason: 'Wrong source' });
              }
              break;
            case 'cancel':
              if (r) await step({ action: 'cancel', id: r.id, reason: 'No longer needed' });
              break;
            case 'deliver':
              if (r) for (const action of ['send_to_finance', 'finance_approve', 'receive', 'release'] as const) await step({ action, id: r.id });
              break;
            case 'return':
              if (r) await step({ action: 'return_resources', id: r.id });
              break;
            case 'close':
              if (r) await step({ action: 'close', id: r.id });
              break;
          }
          checkConservation(t, items);
        }
        await t.backend.close();
      }),
      { numRuns: 20 },
    );
  });
});
