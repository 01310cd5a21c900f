import { describe, expect, it } from 'vitest';
import { checkCap } from '../../../electron/backend/domains/alert/cap-check';
import { openBackend } from '../helpers/backend';

describe('the demonstration coalition’s preparedness', () => {
  it('has plans in its library, an activation sheet with directory numbers, a scored HVA, a call-down in its incident and a CAP alert issued', async () => {
    const t = await openBackend();
    const { incidentId } = await t.call('demo.load', { workstationName: 'DEMO' });
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });

    const { plans, reviewDue } = await t.call('plan.list', {});
    expect(plans.length).toBeGreaterThanOrEqual(5);
    expect(plans.every((p) => p.demo)).toBe(true);
    expect(plans.find((p) => p.title === 'Coalition Response Plan')).toMatchObject({ versions: 2, current: { versionLabel: 'v3.2' } });
    expect(plans.find((p) => p.title === 'Shelter and Warming Center Annex')!.review.standing).toBe('overdue');
    expect(reviewDue).toBeGreaterThanOrEqual(2);
    expect((await t.call('plan.search', { query: 'partial activation' })).hits[0]).toMatchObject({ planTitle: 'Coalition Response Plan', heading: '4. Activation levels' });

    const { sheet } = await t.call('activation.current', {});
    expect(sheet!.demo).toBe(true);
    expect(sheet!.calls.filter((c) => c.source === 'directory').length).toBeGreaterThanOrEqual(4);
    expect(sheet!.calls.every((c) => c.phone)).toBe(true);
    expect((await t.call('activation.print', {})).pages).toBe(1);

    expect((await t.call('service.list', {})).services.filter((s) => s.latitude !== null)).toHaveLength(10);

    const [hva] = (await t.call('hva.list', {})).assessments;
    const { hazards } = await t.call('hva.get', { id: hva!.id });
    expect(hazards[0]!.hazard).toBe('Extended power outage');
    expect(hazards.find((h) => h.hazard.startsWith('Severe winter'))!.templates.map((x) => x.name)).toContain('Severe winter storm');

    const [cd] = (await t.call('calldown.list', { incidentId: incidentId! })).calldowns;
    expect(cd!.reached).toBeLessThan(cd!.total);
    expect(cd!.progress).toBe(`${cd!.reached} of ${cd!.total} reached`);

    const { alert, xml } = await t.call('alert.get', { id: 'latest' });
    expect(alert).toMatchObject({ status: 'Test', demo: true, incidentId });
    expect(checkCap(xml)).toEqual([]);
    expect(xml).toContain('<note>DEMO DATA: not a real alert.</note>');
  });
});
