import { describe, expect, it } from 'vitest';
import { makeItem, makeOrg, requestInput, signInAs, step, withIncident } from '../request/fixtures';

describe('inventory', () => {
  it('records holdings with kind, NIMS type, owner, status and count, and lists them by filter', async () => {
    const t = await withIncident();
    const cache = await makeOrg(t, 'Coalition cache', { discipline: 'other' });
    const ems = await makeOrg(t, 'Twin Rivers EMS', { discipline: 'ems' });
    await makeItem(t, cache, 'N95 respirator', 5000, { name: 'Cache N95' });
    const { item } = await t.call('inventory.save', {
      category: 'Emergency Medical Services',
      resourceClass: 'team',
      kind: 'ambulance strike teams',
      type: '2',
      name: 'Strike team A',
      unit: 'team',
      location: 'HQ',
      ownerOrganisationId: ems,
      status: 'conditionally_available',
      heldQuantity: 1,
      lastCountedAt: Date.UTC(2026, 0, 5),
    });
    expect(item).toMatchObject({ kind: 'Ambulance strike team', type: '2', statusLabel: 'Conditionally available', consumable: false, availableQuantity: 1, ownerName: 'Twin Rivers EMS' });
    expect((await t.call('inventory.list', { kind: 'N95 respirators' })).items.map((i) => i.name)).toEqual(['Cache N95']);
    expect((await t.call('inventory.list', { ownerOrganisationId: ems })).total).toBe(1);
    expect((await t.call('inventory.list', { search: 'twin rivers' })).total).toBe(1);
    expect((await t.call('inventory.list', { status: 'available' })).total).toBe(1);
    const bad = await t.raw('inventory.save', { ...{ category: 'Emergency Medical Services', resourceClass: 'team', kind: 'Ambulance strike team', name: 'X', unit: 'team', location: 'HQ', ownerOrganisationId: ems, status: 'available', heldQuantity: 1 }, type: '9' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', message: 'Ambulance strike team has NIMS types 1 to 4 (Type 1 is the most capable); there is no Type 9. Type 1-4, or a local designation such as BLS' } });
    const kinds = (await t.call('inventory.kinds', {})).kinds;
    expect(kinds.find((k) => k.kind === 'N95 respirator')).toMatchObject({ inCatalog: true, consumable: true, heldQuantity: 5000, availableQuantity: 5000 });
  });

  it('keeps what is held at or above what is allocated, and shows each movement', async () => {
    const t = await withIncident();
    const cache = await makeOrg(t, 'Coalition cache', { discipline: 'other' });
    const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
    const n95 = await makeItem(t, cache, 'N95 respirator', 100);
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc, { lines: [{ quantity: 80, kind: 'N95 respirator' }] }));
    for (const [code, action] of [['HCCDO', 'submit'], ['OSC', 'approve'], ['RESL', 'check_resources']] as const) await step(t, code, { action, id: request.id });
    await step(t, 'LSC', { action: 'source', id: request.id, lineId: request.lines[0]!.id, quantity: 80, source: { kind: 'inventory', inventoryItemId: n95 } });
    expect(await t.raw('inventory.count', { id: n95, heldQuantity: 50 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'N95 respirator stock: 80 each are allocated to requests, so at least 80 must be held; return or consume them first' },
    });
    expect(await t.raw('inventory.remove', { id: n95 })).toMatchObject({ ok: false, error: { message: '80 each of N95 respirator stock are allocated to requests; return them before removing it' } });
    const counted = await t.call('inventory.count', { id: n95, heldQuantity: 120, countedAt: Date.UTC(2026, 0, 1) });
    expect(counted.item).toMatchObject({ heldQuantity: 120, allocatedQuantity: 80, availableQuantity: 40, lastCountedAt: Date.UTC(2026, 0, 1) });
    const { movements } = await t.call('inventory.get', { id: n95 });
    expect(movements.map((m) => [m.movement, m.quantity, m.requestNumber, m.lineNo])).toEqual([['allocate', 80, 'WS1-RR-0001', 1]]);
    await step(t, 'LSC', { action: 'cancel', id: request.id, reason: 'Not needed' });
    expect((await t.call('inventory.get', { id: n95 })).movements.map((m) => m.movement)).toEqual(['return', 'allocate']);
    expect((await t.call('inventory.remove', { id: n95 })).removed).toBe(true);
    expect((await t.call('inventory.list', {})).total).toBe(0);
  });

  it('will not allocate from a holding marked not available', async () => {
    const t = await withIncident();
    const cache = await makeOrg(t, 'Coalition cache', { discipline: 'other' });
    const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
    const n95 = await makeItem(t, cache, 'N95 respirator', 100, { status: 'not_available', name: 'Quarantined N95' });
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc, { lines: [{ quantity: 10, kind: 'N95 respirator' }] }));
    for (const [code, action] of [['HCCDO', 'submit'], ['OSC', 'approve'], ['RESL', 'check_resources']] as const) await step(t, code, { action, id: request.id });
    const opts = await t.call('request.sourcingOptions', { id: request.id });
    expect(opts.lines[0]).toMatchObject({ outstandingQuantity: 10, coverableFromInventory: false, inventory: [expect.objectContaining({ name: 'Quarantined N95', availableQuantity: 0 })] });
    await signInAs(t, 'LSC');
    const r = await t.raw('request.transition', { action: 'source', id: request.id, lineId: request.lines[0]!.id, quantity: 10, source: { kind: 'inventory', inventoryItemId: n95 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Quarantined N95 is marked not available; change its status before allocating from it' } });
  });
});
