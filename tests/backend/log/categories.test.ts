import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

describe('ICS 214 log categories', () => {
  it('are data the coalition edits, starting with weather and the other common ones', async () => {
    const t = await openReadyBackend();
    const names = (await t.call('log.categories', {})).categories.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['General', 'Situation', 'Weather', 'Utilities', 'IT / systems', 'Transportation', 'Security', 'Public information']));
    const added = await t.call('log.saveCategory', { name: 'Dialysis' });
    expect((await t.call('log.categories', {})).categories.at(-1)).toEqual(added);
    await t.call('log.saveCategory', { id: added.id, name: 'Dialysis and renal' });
    expect(await t.raw('log.saveCategory', { name: 'weather' })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'There is already a category "Weather"' } });
    await t.call('log.removeCategory', { id: added.id });
    expect((await t.call('log.categories', {})).categories.map((c) => c.name)).not.toContain('Dialysis and renal');
  });

  it('come with hazard templates beyond the winter storm', async () => {
    const t = await openReadyBackend();
    const names = (await t.call('incident.templates', {})).templates.map((x) => x.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Flood / coastal storm',
        'Hurricane / tropical storm',
        'Extreme heat',
        'Mass casualty incident',
        'Infectious disease outbreak',
        'Cyber attack / IT outage',
        'Water or utility failure',
        'Evacuation of a facility (long-term care, behavioural health, other)',
      ]),
    );
  });
});
