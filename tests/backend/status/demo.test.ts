import { describe, expect, it } from 'vitest';
import { openBackend } from '../helpers/backend';

describe('the demonstration coalition’s facility status', () => {
  it('has an EEI history through the storm: beds over the hours, a diversion, a nursing home on generator, stale values, a request with late responders, an approved situation report', async () => {
    const t = await openBackend();
    const loaded = await t.call('demo.load', {});
    expect(loaded.statusReports).toBeGreaterThan(60);
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'SITL')!.id });
    const board = await t.call('status.board', {});
    const names = (w: string) => board.conditions.find((c) => c.words === w)?.facilities.length ?? 0;
    expect(names('On diversion')).toBe(1);
    expect(names('On generator')).toBeGreaterThanOrEqual(2);
    expect(names('Evacuating')).toBe(1);
    expect(names('Closed')).toBe(1);
    expect(board.stale + board.overdue).toBeGreaterThan(0);
    expect(board.beds.find((b) => b.label === 'Adult ICU')!.reporting).toBe(8);
    const { series } = await t.call('status.trend', { typeIds: [board.beds[0]!.typeId], from: Date.now() - 21 * 3_600_000, to: Date.now() });
    expect(series[0]!.points.length).toBeGreaterThan(10);

    const { requests } = await t.call('status.requests', { incidentId: loaded.incidentId! });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.figures).toMatchObject({ asked: 8, answered: 7, onTime: 5, outstanding: 1 });
    const { sitreps } = await t.call('sitrep.list', { incidentId: loaded.incidentId! });
    expect(sitreps).toEqual([expect.objectContaining({ periodNumber: 1, latestVersion: 1, unapprovedChanges: false })]);
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
  });
});
