import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { makeItem, makeOrg, requestInput, signInAs, step, withIncident } from './fixtures';

async function setup() {
  const t = await withIncident();
  const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care', town: 'Holyoke', zip: '01040' });
  const coalition = await makeOrg(t, 'Coalition cache', { discipline: 'other' });
  const hospital = await makeOrg(t, 'Riverbend General Hospital');
  const n95 = await makeItem(t, coalition, 'N95 respirator', 1000);
  const vents = await makeItem(t, coalition, 'Ventilator (portable)', 10, { resourceClass: 'equipment' });
  return { t, ltc, coalition, hospital, n95, vents };
}

const stock = async (t: Awaited<ReturnType<typeof setup>>['t'], id: string) => (await t.call('inventory.get', { id })).item;

describe('an ICS 213RR from draft to closure', () => {
  it('fills an N95 request partly from a cache and partly from a member, and uses up the cache stock at closure', async () => {
    const { t, ltc, hospital, n95 } = await setup();
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    expect(request).toMatchObject({ number: 'WS1-RR-0001', status: 'draft', editable: true, nextAction: { role: 'requestor' } });
    const id = request.id;
    const lineId = request.lines[0]!.id;
    await step(t, 'HCCDO', { action: 'submit', id });
    await step(t, 'OSC', { action: 'approve', id });
    await step(t, 'RESL', { action: 'check_resources', id, findings: 'Cache holds 1000' });
    let r = (await step(t, 'LSC', { action: 'source', id, lineId, quantity: 300, source: { kind: 'inventory', inventoryItemId: n95 }, orderNumber: 'R1-1' })).request;
    expect(r.lines[0]).toMatchObject({ filledQuantity: 300, outstandingQuantity: 200 });
    expect(r.nextAction?.label).toBe('Logistics to source each line');
    expect(await stock(t, n95)).toMatchObject({ heldQuantity: 1000, allocatedQuantity: 300, availableQuantity: 700 });
    r = (await step(t, 'SPUL', { action: 'source', id, lineId, quantity: 200, source: { kind: 'member', organisationId: hospital } })).request;
    expect(r.lines[0]).toMatchObject({ filledQuantity: 500, outstandingQuantity: 0 });
    // Every line sourced: the next action moves on, on the request and on the board.
    expect(r.nextAction?.label).toBe('Logistics to send to finance: every line is sourced');
    const board = await t.call('request.board', { incidentId: t.incidentId });
    expect(board.rows.find((x) => x.id === id)?.nextAction?.label).toBe('Logistics to send to finance: every line is sourced');
    expect(r.lines[0]!.fills.map((f) => [f.source, f.quantity, f.sourceName])).toEqual([
      ['inventory', 300, 'N95 respirator stock (Coalition cache)'],
      ['member', 200, 'Riverbend General Hospital'],
    ]);
    await step(t, 'LSC', { action: 'send_to_finance', id });
    await step(t, 'FSC', { action: 'finance_approve', id });
    await step(t, 'LSC', { action: 'mark_en_route', id, eta: Date.now() + 3_600_000 });
    await step(t, 'OSC', { action: 'receive', id, receivedBy: 'Loading dock' });
    r = (await step(t, 'LSC', { action: 'close', id })).request;
    expect(r.status).toBe('closed');
    expect(r.actions).toEqual([]);
    expect(await stock(t, n95)).toMatchObject({ heldQuantity: 700, allocatedQuantity: 0, availableQuantity: 700 });

    const { events } = await t.call('request.history', { id });
    expect(events.map((e) => e.action)).toEqual(['create', 'submit', 'approve', 'check_resources', 'source', 'source', 'send_to_finance', 'finance_approve', 'mark_en_route', 'receive', 'close']);
    expect(events[2]).toMatchObject({ operatorName: 'OSC operator', positionTitle: 'Operations Section Chief', fromStatus: 'submitted', toStatus: 'resource_check' });
    expect(events.at(-1)!.summary).toBe('Closed; 300 unit(s) used up');
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
  });

  it('returns durable equipment to stock when it comes back', async () => {
    const { t, ltc, vents } = await setup();
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc, { lines: [{ quantity: 3, kind: 'Ventilator (portable)' }] }));
    const id = request.id;
    for (const [code, action] of [['HCCDO', 'submit'], ['OSC', 'approve'], ['RESL', 'check_resources']] as const) await step(t, code, { action, id });
    await step(t, 'LSC', { action: 'source', id, lineId: request.lines[0]!.id, quantity: 3, source: { kind: 'inventory', inventoryItemId: vents } });
    expect(await stock(t, vents)).toMatchObject({ allocatedQuantity: 3, availableQuantity: 7 });
    for (const [code, action] of [['LSC', 'send_to_finance'], ['FSC', 'finance_approve'], ['OSC', 'receive'], ['DMOB', 'release']] as const) await step(t, code, { action, id });
    const { request: r } = await step(t, 'LSC', { action: 'return_resources', id, returns: [{ allocationId: (await t.call('request.get', { id })).request.allocations[0]!.id, quantity: 2 }] });
    expect(r.allocations[0]).toMatchObject({ allocated: 3, returned: 2, outstanding: 1 });
    expect(await stock(t, vents)).toMatchObject({ heldQuantity: 10, allocatedQuantity: 1, availableQuantity: 9 });
    const closed = (await step(t, 'LSC', { action: 'close', id })).request;
    expect((await t.call('request.history', { id })).events.at(-1)!.summary).toBe('Closed; 1 unit(s) not returned, written off');
    expect(closed.allocations[0]).toMatchObject({ outstanding: 0, consumed: 1 });
    expect(await stock(t, vents)).toMatchObject({ heldQuantity: 9, allocatedQuantity: 0 });
  });

  it('puts allocated stock back when a request is cancelled or a fill withdrawn', async () => {
    const { t, ltc, n95 } = await setup();
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    const id = request.id;
    for (const [code, action] of [['HCCDO', 'submit'], ['OSC', 'approve'], ['RESL', 'check_resources']] as const) await step(t, code, { action, id });
    const a = await step(t, 'LSC', { action: 'source', id, lineId: request.lines[0]!.id, quantity: 100, source: { kind: 'inventory', inventoryItemId: n95 } });
    await step(t, 'LSC', { action: 'source', id, lineId: request.lines[0]!.id, quantity: 50, source: { kind: 'inventory', inventoryItemId: n95 } });
    const fillId = a.request.lines[0]!.fills[0]!.id;
    const w = await step(t, 'LSC', { action: 'withdraw_fill', id, fillId, reason: 'Sent to the wrong facility' });
    expect(w.request.lines[0]!.fills[0]).toMatchObject({ withdrawn: true, withdrawnReason: 'Sent to the wrong facility' });
    expect(w.request.lines[0]!.filledQuantity).toBe(50);
    expect(await stock(t, n95)).toMatchObject({ allocatedQuantity: 50, availableQuantity: 950 });
    await step(t, 'LSC', { action: 'cancel', id, reason: 'Resident moved' });
    expect(await stock(t, n95)).toMatchObject({ heldQuantity: 1000, allocatedQuantity: 0 });
    const again = await t.raw('request.transition', { action: 'withdraw_fill', id, fillId, reason: 'again' });
    expect(again.ok).toBe(false);
  });
});

describe('refusals leave the store as it was', () => {
  it('refuses an impossible step with the state machine’s sentence', async () => {
    const { t, ltc } = await setup();
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    const before = snapshotCounts(t.dataDir);
    const r = await t.raw('request.transition', { action: 'receive', id: request.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'A request awaiting section chief approval cannot be marked received; next it can be approved, denied, returned for changes or cancelled' } });
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });

  it('refuses a step the position signed in may not take, naming who may', async () => {
    const { t, ltc } = await setup();
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    await signInAs(t, 'SITL');
    const r = await t.raw('request.transition', { action: 'approve', id: request.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!r.ok) expect(r.error.message).toContain('Operations Section Chief');
    const { request: seen } = await t.call('request.get', { id: request.id });
    expect(seen.actions.find((a) => a.action === 'approve')).toMatchObject({ allowed: false, reason: expect.stringContaining('Situation Unit Leader') });
  });

  it('refuses to source more than a line still needs, or more than a cache has, and rolls back the event', async () => {
    const { t, ltc, coalition } = await setup();
    const small = await makeItem(t, coalition, 'N95 respirator', 100, { name: 'Small cache' });
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    const id = request.id;
    for (const [code, action] of [['HCCDO', 'submit'], ['OSC', 'approve'], ['RESL', 'check_resources']] as const) await step(t, code, { action, id });
    await signInAs(t, 'LSC');
    const lineId = request.lines[0]!.id;
    const before = snapshotCounts(t.dataDir);
    expect(await t.raw('request.transition', { action: 'source', id, lineId, quantity: 600, source: { kind: 'state', agency: 'MDPH' } })).toMatchObject({
      ok: false,
      error: { message: 'Line 1 asks for 500; 0 are already sourced, so at most 500 more can be sourced' },
    });
    expect(await t.raw('request.transition', { action: 'source', id, lineId, quantity: 150, source: { kind: 'inventory', inventoryItemId: small } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Small cache: Only 100 each are available here (100 held, 0 already allocated); allocate at most 100' },
    });
    expect(snapshotCounts(t.dataDir)).toEqual(before);
    expect(await t.raw('request.transition', { action: 'send_to_finance', id })).toMatchObject({ ok: false, error: { message: 'Source at least one line before sending the request to finance' } });
  });

  it('refuses to rely on an expired agreement', async () => {
    const { t, ltc, hospital } = await setup();
    const { agreement } = await t.call('directory.saveAgreement', { title: 'Old MOU', kind: 'mou', partyIds: [hospital], scope: 'PPE', effectiveOn: '2020-01-01', expiresOn: '2021-01-01' });
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    const id = request.id;
    for (const [code, action] of [['HCCDO', 'submit'], ['OSC', 'approve'], ['RESL', 'check_resources']] as const) await step(t, code, { action, id });
    await signInAs(t, 'LSC');
    const r = await t.raw('request.transition', { action: 'source', id, lineId: request.lines[0]!.id, quantity: 10, source: { kind: 'agreement', agreementId: agreement.id } });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^"Old MOU" cannot be relied on: expired .* renew the agreement first$/) } });
  });

  it('lets the requestor section change only while a draft or returned for changes', async () => {
    const { t, ltc } = await setup();
    const input = requestInput(t.incidentId, ltc);
    const { request } = await t.call('request.create', input);
    const edited = await t.call('request.update', { id: request.id, ...input, priority: 'routine', lines: [{ id: request.lines[0]!.id, quantity: 450, kind: 'N95 respirator' }, { quantity: 20, kind: 'Face shield' }] });
    expect(edited.request.lines.map((l) => [l.lineNo, l.quantity, l.kind])).toEqual([[1, 450, 'N95 respirator'], [2, 20, 'Face shield']]);
    expect(edited.request.lines[0]!.id).toBe(request.lines[0]!.id);
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    const r = await t.raw('request.update', { id: request.id, ...input });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'A request awaiting section chief approval cannot be edited; ask the section chief to return it for changes first' } });
    await step(t, 'OSC', { action: 'return_for_changes', id: request.id, reason: 'Give sizes' });
    expect((await t.call('request.update', { id: request.id, ...input })).request.editable).toBe(true);
  });

  it('refuses a NIMS type out of range and a step dated before the previous one', async () => {
    const { t, ltc } = await setup();
    const bad = await t.raw('request.create', requestInput(t.incidentId, ltc, { lines: [{ quantity: 1, kind: 'Ambulance strike team', type: '7' }] }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', message: 'Line 1: Ambulance strike team has NIMS types 1 to 4 (Type 1 is the most capable); there is no Type 7. Type 1-4, or a local designation such as BLS' } });
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    const early = await t.raw('request.transition', { action: 'submit', id: request.id, occurredAt: Date.now() - 86_400_000 });
    expect(early).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining("cannot have happened before the request's previous step") } });
  });

  it('copies a denied request into a new draft', async () => {
    const { t, ltc } = await setup();
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    await step(t, 'OSC', { action: 'deny', id: request.id, reason: 'Covered by the state' });
    const { request: copy } = await t.call('request.duplicate', { id: request.id });
    expect(copy).toMatchObject({ number: 'WS1-RR-0002', status: 'draft' });
    expect(copy.lines.map((l) => l.quantity)).toEqual([500]);
  });
});
