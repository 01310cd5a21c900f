import { describe, expect, it } from 'vitest';
import { HOUR, incidentFixture } from './fixtures';

describe('operational periods', () => {
  it('open one at a time: the next waits until the current one is closed', async () => {
    const { t, incident } = await incidentFixture();
    const r = await t.raw('incident.openPeriod', { incidentId: incident.id, endsAt: Date.now() + 12 * HOUR });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Operational period 1 is still open: close it before opening the next one.' } });
  });

  it('carry objectives and staffing over to the next period', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    await t.call('incident.staff', { periodId: period.id, positionId: positions.get('SITL')!.id, holderName: 'Sam Situation', homeAgency: 'Region 1 HMCC' });
    const closed = await t.call('incident.closePeriod', { periodId: period.id });
    expect(closed.status).toBe('closed');
    const next = await t.call('incident.openPeriod', { incidentId: incident.id, endsAt: Date.now() + 12 * HOUR });
    expect(next.number).toBe(2);
    expect(next.objectives.map((o) => o.text)).toEqual(period.objectives.map((o) => o.text));
    expect(next.staffing.find((s) => s.positionCode === 'SITL')).toMatchObject({ holderName: 'Sam Situation', homeAgency: 'Region 1 HMCC' });
    const { currentPeriod } = await t.call('incident.active', {});
    expect(currentPeriod?.id).toBe(next.id);
  });

  it('refuse to overlap another period, naming it and when it ends', async () => {
    const { t, incident, period } = await incidentFixture();
    await t.call('incident.closePeriod', { periodId: period.id });
    const r = await t.raw('incident.openPeriod', { incidentId: incident.id, startsAt: period.startsAt + HOUR, endsAt: Date.now() + 6 * HOUR });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/overlap operational period 1 .* Start at or after/) } });
  });

  it('refuse closing a closed period, closing before it started, and editing a closed one', async () => {
    const { t, period } = await incidentFixture();
    expect(await t.raw('incident.closePeriod', { periodId: period.id, closedAt: period.startsAt - HOUR })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('before it started') },
    });
    await t.call('incident.closePeriod', { periodId: period.id });
    expect(await t.raw('incident.closePeriod', { periodId: period.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Operational period 1 is already closed') } });
    expect(await t.raw('incident.setObjectives', { periodId: period.id, objectives: [] })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('is closed') } });
    expect(await t.raw('incident.updatePeriod', { periodId: period.id, commandEmphasis: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuse an end before the start', async () => {
    const { t, incident, period } = await incidentFixture();
    await t.call('incident.closePeriod', { periodId: period.id });
    const now = Date.now();
    expect(await t.raw('incident.openPeriod', { incidentId: incident.id, startsAt: now, endsAt: now - HOUR })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('must end after it starts') },
    });
  });

  it('keep the ICS 202 blocks and an ordered objectives list', async () => {
    const { t, period } = await incidentFixture();
    const [first, second] = period.objectives;
    const updated = await t.call('incident.setObjectives', {
      periodId: period.id,
      objectives: [{ id: second!.id, text: second!.text }, { text: 'Reunify families' }, { id: first!.id, text: 'Track every patient (revised)' }],
    });
    expect(updated.objectives.map((o) => o.text)).toEqual([second!.text, 'Reunify families', 'Track every patient (revised)']);
    const p = await t.call('incident.updatePeriod', { periodId: period.id, commandEmphasis: 'Patient safety first', siteSafetyPlanRequired: true, siteSafetyPlanLocation: 'EOC binder', preparedBy: 'Pat Planning, PSC' });
    expect(p).toMatchObject({ commandEmphasis: 'Patient safety first', siteSafetyPlanRequired: true, siteSafetyPlanLocation: 'EOC binder', preparedBy: 'Pat Planning, PSC' });
    expect(await t.raw('incident.setObjectives', { periodId: period.id, objectives: [{ id: '01900000-0000-7000-8000-000000000000', text: 'x' }] })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('does not belong to operational period 1') },
    });
  });

  it('staff one holder per position, replaceable and removable', async () => {
    const { t, period, positions } = await incidentFixture();
    const lsc = positions.get('LSC')!.id;
    const a = await t.call('incident.staff', { periodId: period.id, positionId: lsc, holderName: 'Lee Logistics' });
    const b = await t.call('incident.staff', { periodId: period.id, positionId: lsc, holderName: 'Lou Logistics' });
    expect(b.id).toBe(a.id);
    expect(b.holderName).toBe('Lou Logistics');
    expect((await t.call('incident.unstaff', { staffingId: a.id })).removed).toBe(true);
    const { periods } = await t.call('incident.periods', { incidentId: period.incidentId });
    expect(periods[0]!.staffing.some((s) => s.positionId === lsc)).toBe(false);
  });
});

describe('checklists', () => {
  it('keep who ticked and unticked what, and when', async () => {
    const { t, incident, positions, signInAs } = await incidentFixture();
    const { items } = await t.call('incident.checklists', { incidentId: incident.id, positionId: positions.get('HCCDO')!.id });
    const item = items[0]!;
    const ticked = await t.call('incident.tick', { itemId: item.id, done: true });
    expect(ticked).toMatchObject({ done: true, ticks: [{ done: true, operatorName: 'Dana Duty', positionTitle: 'Coalition Duty Officer' }] });
    expect(await t.raw('incident.tick', { itemId: item.id, done: true })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already ticked (by Dana Duty') } });
    await signInAs('SITL', 'Sam Situation');
    const unticked = await t.call('incident.tick', { itemId: item.id, done: false, note: 'Command center contact changed' });
    expect(unticked.done).toBe(false);
    expect(unticked.ticks.map((k) => [k.done, k.operatorName])).toEqual([
      [true, 'Dana Duty'],
      [false, 'Sam Situation'],
    ]);
    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { kinds: ['tick'] } });
    expect(page.items.map((i) => i.summary)).toEqual([expect.stringContaining('Checklist unticked'), expect.stringContaining('Checklist ticked')]);
  });

  it('take items added during the incident', async () => {
    const { t, incident, positions } = await incidentFixture();
    const pio = positions.get('PIO')!.id;
    const item = await t.call('incident.addChecklistItem', { incidentId: incident.id, positionId: pio, text: 'Draft the family hotline message' });
    expect(item).toMatchObject({ positionTitle: 'Public Information Officer', done: false, ordinal: 1 });
  });

  it('period 1 given a length lasts that long from its start, even when the incident started hours ago', async () => {
    const { t, incident } = await incidentFixture();
    const startedAt = Date.now() - 5 * HOUR;
    const r = await t.call('incident.create', { name: 'Flood', exercise: false, activationLevelId: incident.activationLevelId, startedAt, firstPeriod: { hours: 12 } });
    expect(r.period).toMatchObject({ startsAt: startedAt, endsAt: startedAt + 12 * HOUR });
    expect(await t.raw('incident.create', { name: 'Flood', exercise: false, activationLevelId: incident.activationLevelId, firstPeriod: {} })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('either its end or its length') },
    });
  });

  it('an open period\'s start can be corrected, within the same rules as its end', async () => {
    const { t, period } = await incidentFixture();
    const earlier = period.startsAt - HOUR;
    expect(await t.call('incident.updatePeriod', { periodId: period.id, startsAt: earlier })).toMatchObject({ startsAt: earlier, endsAt: period.endsAt });
    expect(await t.raw('incident.updatePeriod', { periodId: period.id, startsAt: period.endsAt + HOUR })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await t.raw('incident.updatePeriod', { periodId: period.id, startsAt: Date.now() + 2 * HOUR })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('The period start') } });
  });
});
