import { describe, expect, it } from 'vitest';
import { openBackend } from '../helpers/backend';
import { snapshotCounts } from '../helpers/snapshot';

describe('the demonstration coalition', () => {
  it('loads on a new workstation as a public first-run choice, marked demo everywhere', async () => {
    const t = await openBackend();
    const r = await t.call('demo.load', { workstationName: 'DEMO-EOC-1' });
    expect(r.organisations).toBeGreaterThanOrEqual(55);
    expect(r.organisations).toBeLessThanOrEqual(65);
    expect(r.incidentId).not.toBeNull();
    expect(await t.call('demo.status', {})).toMatchObject({ demo: true, coalitionName: expect.stringContaining('DEMO') });
    const status = await t.call('setup.status', {});
    expect(status.configured).toBe(true);

    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
    const { organisations, total } = await t.call('directory.list', { limit: 1000 });
    expect(total).toBe(r.organisations);
    expect(organisations.every((o) => o.demo)).toBe(true);
    expect(organisations.every((o) => o.latitude !== null && o.locationSource === 'zip')).toBe(true);
    expect(new Set(organisations.map((o) => o.discipline)).size).toBe(12);
    const { items } = await t.call('inventory.list', { limit: 1000 });
    expect(items.every((i) => i.demo)).toBe(true);
    for (const i of items) expect(i.allocatedQuantity + i.availableQuantity).toBe(i.heldQuantity);
    const n95 = items.find((i) => i.name === 'Coalition cache N95 respirators')!;
    expect(n95.availableQuantity).toBeGreaterThanOrEqual(300);

    const board = await t.call('request.board', { scope: 'all', limit: 500 });
    expect(board.rows.every((row) => row.demo)).toBe(true);
    const statuses = new Set(board.rows.map((row) => row.status));
    for (const s of ['draft', 'submitted', 'changes_requested', 'resource_check', 'sourcing', 'finance_review', 'ordered', 'en_route', 'received', 'released', 'closed', 'denied', 'cancelled']) {
      expect(statuses, s).toContain(s);
    }
    expect(board.counts.overdue).toBeGreaterThan(0);
    const { agreements, expiringSoon, expired } = await t.call('directory.listAgreements', {});
    expect(agreements.every((a) => a.demo)).toBe(true);
    expect(expiringSoon).toBeGreaterThanOrEqual(1);
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
  });

  it('is the same coalition every time: names come from a fixed seed', async () => {
    const names = async () => {
      const t = await openBackend();
      await t.call('demo.load', {});
      const { positions } = await t.call('position.list', {});
      await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
      return (await t.call('directory.list', { limit: 1000 })).organisations.map((o) => `${o.name}|${o.zip}`);
    };
    expect(await names()).toEqual(await names());
  });

  it('is refused once the workstation is set up, and writes nothing', async () => {
    const t = await openBackend();
    await t.call('setup.complete', { coalitionName: 'Real Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'EOC-1' });
    const before = snapshotCounts(t.dataDir);
    const r = await t.raw('demo.load', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already set up') } });
    expect(snapshotCounts(t.dataDir)).toEqual(before);
    expect(await t.call('demo.status', {})).toEqual({ demo: false, loadedAt: null, coalitionName: null });
  });
});
