import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { lazySchema, text } from '../../../shared/contract';

describe('lazySchema: a named schema built on first use', () => {
  it('builds nothing when declared or composed, once when first used, and stands for the schema', () => {
    let builds = 0;
    const name = lazySchema(() => {
      builds++;
      return z.object({ name: text('Level name', 10) }).strict();
    });
    const list = z.object({ levels: z.array(name) });
    expect(builds).toBe(0);
    expect(list.safeParse({ levels: [{ name: 'Level 1' }] })).toEqual({ success: true, data: { levels: [{ name: 'Level 1' }] } });
    expect(builds).toBe(1);
    expect(name).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(name.shape)).toEqual(['name']);
    expect(list.safeParse({ levels: [{ name: 'Level 1' }] }).success).toBe(true);
    expect(builds).toBe(1);
  });

  it('refuses in the same words as the schema it stands for', () => {
    const build = () => z.object({ name: text('Level name', 10), rank: z.number({ error: 'Rank must be a number' }) }).strict();
    const bad = { name: ' ', rank: 'one', extra: 1 };
    const words = (r: { error?: z.ZodError }) => r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(words(lazySchema(build).safeParse(bad))).toEqual(words(build().safeParse(bad)));
    expect(words(lazySchema(build).nullable().safeParse(bad))).toEqual(words(build().nullable().safeParse(bad)));
    expect(words(lazySchema(build).extend({ more: z.string() }).safeParse(bad))).toEqual(words(build().extend({ more: z.string() }).safeParse(bad)));
  });

  it('shows the schema’s own keys to Object.keys, a spread and JSON', () => {
    const build = () => z.object({ name: text('Level name', 10) }).strict();
    const lazy = lazySchema(build);
    const built = build();
    expect(Object.keys(lazy)).toEqual(Object.keys(built));
    expect(Object.keys({ ...lazy })).toEqual(Object.keys({ ...built }));
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(built));
    expect(Object.prototype.hasOwnProperty.call(lazy, '_zod')).toBe(true);
  });
});
