import { describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/contract';
import { openBackend, openReadyBackend } from '../helpers/backend';

/** Whether a method's schema is still to be built (a getter) rather than kept (a value). */
const unbuilt = (name: MethodName, key: 'input' | 'output') => typeof Object.getOwnPropertyDescriptor(methods[name], key)?.get === 'function';

describe("the contract's validators, built on first use", () => {
  it('builds none of them when the contract is imported', () => {
    // This file imports nothing else that reads a schema, and asks before any call.
    const names = Object.keys(methods) as MethodName[];
    expect(names.filter((n) => !unbuilt(n, 'input') || !unbuilt(n, 'output'))).toEqual([]);
  });

  it('refuses an unknown key on a public write whose schema was never built, before anyone signs in', async () => {
    const t = await openBackend();
    expect(unbuilt('setup.complete', 'input')).toBe(true);
    const r = await t.raw('setup.complete', { coalitionName: '', region: 'R', timeZone: 'Nowhere/Else', workstationName: 'EOC-1', extra: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(unbuilt('setup.complete', 'input')).toBe(false);
  });

  it("builds a method's input schema at its first call, refuses bad input in words, and keeps the schema", async () => {
    const t = await openReadyBackend();
    expect(unbuilt('incident.saveLevel', 'input')).toBe(true);
    const r = await t.raw('incident.saveLevel', { name: '   ', rank: 1.5 });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!r.ok) {
      expect(r.error.message).toContain('Level name is required');
      expect(r.error.message).toContain('Rank must be a whole number');
    }
    expect(unbuilt('incident.saveLevel', 'input')).toBe(false);
    // Built once: every later call validates with the same schema.
    expect(methods['incident.saveLevel'].input).toBe(methods['incident.saveLevel'].input);
    const again = await t.raw('incident.saveLevel', { name: 'Level\u202Eone', rank: 3 });
    expect(again).toMatchObject({ ok: false, error: { code: 'validation', message: 'Level name contains U+202E (right-to-left override) at character 6; remove it, it cannot be stored' } });
    // And accepts what it accepted before.
    expect(await t.call('incident.saveLevel', { name: 'Level 9', rank: 9 })).toMatchObject({ name: 'Level 9', rank: 9 });
  });
});
