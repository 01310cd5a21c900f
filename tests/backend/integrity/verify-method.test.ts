import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

describe('integrity.verify with the witnesses an operator brings', () => {
  it('checks the store against anchor files and a head read off a print, naming a divergence and refusing an unreadable head in words', async () => {
    const t = await openReadyBackend();
    const anchor = await t.call('integrity.anchor', {});
    const ok = await t.call('integrity.verify', { anchors: [{ name: 'usb/eoc-anchor.json', anchor }], heads: [] });
    expect(ok).toMatchObject({ ok: true, problems: [], notes: [] });

    const own = anchor.heads[0]!;
    const wrong = `Chain head ${own.seq} · 0000 0000 0000 0000`;
    const bad = await t.call('integrity.verify', { heads: [wrong] });
    expect(bad.problems).toEqual([expect.objectContaining({ kind: 'rewritten', problem: expect.stringContaining(`Link ${own.seq} no longer matches the printed footer`) })]);
    expect((await t.call('integrity.status', {})).state).toBe('problems'); // the banner follows

    const forged = { ...anchor, heads: [{ ...own, seq: own.seq + 50 }] };
    const r = await t.call('integrity.verify', { anchors: [{ name: 'forged.json', anchor: forged }] });
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'witness', problem: expect.stringContaining('does not carry a valid signature') })]);

    const unreadable = await t.raw('integrity.verify', { heads: ['around noon'] });
    expect(unreadable).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('is not a chain head as printed') } });
  });
});
