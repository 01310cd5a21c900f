import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract';
import { openReadyBackend } from '../helpers/backend';
import { snapshotCounts } from '../helpers/snapshot';

const HUGE = 'x'.repeat(1_000_000);

/** Inputs that no method may accept: wrong shapes, unknown keys, and every field oversized. */
function hostileInputs(schema: z.ZodType): { label: string; input: unknown }[] {
  const out: { label: string; input: unknown }[] = [
    { label: 'a number', input: 42 },
    { label: 'null', input: null },
    { label: 'an array', input: [1, 2] },
    { label: 'a string', input: 'DROP TABLE audit_entries' },
    { label: 'an unknown key', input: { __proto_pollution__: { admin: true } } },
  ];
  if (!schema.safeParse({}).success) out.push({ label: 'missing fields', input: {} });
  if (schema instanceof z.ZodObject) {
    const keys = Object.keys(schema.shape as Record<string, unknown>);
    if (keys.length) out.push({ label: 'every field oversized', input: Object.fromEntries(keys.map((k) => [k, HUGE])) });
    if (keys.length) out.push({ label: 'every field the wrong type', input: Object.fromEntries(keys.map((k) => [k, { nested: [] }])) });
  }
  return out;
}

describe('hostile input at the boundary', () => {
  for (const [name, def] of Object.entries(methods)) {
    it(`${name} refuses malformed input with a validation error and writes nothing`, async () => {
      const t = await openReadyBackend();
      const before = snapshotCounts(t.dataDir);
      for (const { label, input } of hostileInputs(def.input)) {
        const r = await t.raw(name, input);
        expect(r.ok, `${name} accepted ${label}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, `${name} with ${label}`).toBe('validation');
          expect(r.error.message.length).toBeGreaterThan(3);
          expect(r.error.message.length).toBeLessThan(2000);
        }
      }
      expect(snapshotCounts(t.dataDir)).toEqual(before);
    });
  }

  it('refuses an unknown method by name', async () => {
    const t = await openReadyBackend();
    const r = await t.raw('incident.dropAll', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Unknown method incident.dropAll' } });
  });

  it('refuses an envelope without a method', async () => {
    const t = await openReadyBackend();
    const r = await t.backend.handle({ id: '1', input: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await t.backend.handle('garbage')).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
