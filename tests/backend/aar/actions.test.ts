import { describe, expect, it } from 'vitest';
import { signInAs } from '../request/fixtures';
import { aarFixture, HOUR } from './fixtures';

async function withAfi() {
  const f = await aarFixture();
  await f.asPlanner();
  const { reportId } = await f.t.call('aar.draft', { incidentId: f.incidentId });
  const { frameworks } = await f.t.call('aar.frameworks', {});
  const planning = frameworks.find((x) => x.shortName === 'Core capabilities')!.capabilities.find((c) => c.title === 'Planning')!;
  const afi = await f.t.call('aar.saveObservation', {
    reportId,
    kind: 'afi',
    capabilityId: planning.id,
    title: 'Fuel resupply contracts not activated',
    reference: 'Coalition fuel annex',
    analysis: 'Two generators ran dry before the contracts were called.',
    rootCause: 'No one was assigned to call the fuel suppliers.',
  });
  return { f, reportId, afi: afi.id, planning: planning.id };
}

describe('corrective actions and their status', () => {
  it('records each status change with who made it and when; verification needs a second person', async () => {
    const { f, afi, planning } = await withAfi();
    const { id } = await f.t.call('aar.saveAction', { observationId: afi, element: 'planning', action: 'Name a fuel coordinator in the annex', poc: 'Pat Planner', dueOn: '2099-01-31' });
    let a = await f.t.call('aar.setActionStatus', { id, status: 'in_progress' });
    expect(a).toMatchObject({ status: 'in_progress', statusBy: 'Pat Planner (Planning Section Chief)', capabilityId: planning, overdue: false });
    a = await f.t.call('aar.setActionStatus', { id, status: 'completed', note: 'Annex revised' });
    expect(await f.t.raw('aar.setActionStatus', { id, status: 'verified' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Verification needs someone other than Pat Planner, who marked the action completed' },
    });
    await signInAs(f.t, 'IC', 'Irene Commander');
    a = await f.t.call('aar.setActionStatus', { id, status: 'verified' });
    expect(a.history.map((h) => [h.status, h.operatorName])).toEqual([
      ['open', 'Pat Planner'],
      ['in_progress', 'Pat Planner'],
      ['completed', 'Pat Planner'],
      ['verified', 'Irene Commander'],
    ]);
    expect(await f.t.raw('aar.setActionStatus', { id, status: 'open' })).toMatchObject({
      ok: false,
      error: { message: 'A verified corrective action cannot become open; verified is final' },
    });
  });

  it('needs a reason to cancel, refuses a status it already has, and shows an action past its due date as overdue', async () => {
    const { f, afi } = await withAfi();
    const { id } = await f.t.call('aar.saveAction', { observationId: afi, element: 'training', action: 'Train night shift on the fuel annex', dueOn: '2020-01-31', startOn: '2020-01-01' });
    expect(await f.t.raw('aar.setActionStatus', { id, status: 'cancelled' })).toMatchObject({ ok: false, error: { message: 'Give the reason for cancelling or reopening the corrective action' } });
    expect(await f.t.raw('aar.setActionStatus', { id, status: 'open' })).toMatchObject({ ok: false, error: { message: 'The corrective action is already open' } });
    const board = await f.t.call('aar.actionBoard', { show: 'overdue' });
    expect(board.actions.map((a) => [a.id, a.overdue, a.status])).toEqual([[id, true, 'open']]);
    expect(board.counts).toMatchObject({ open: 1, overdue: 1, all: 1 });
    expect(board.actions[0]!.daysFromDue).toBeGreaterThan(365);
    await f.t.call('aar.setActionStatus', { id, status: 'cancelled', note: 'Replaced by the regional course' });
    expect((await f.t.call('aar.actionBoard', { show: 'overdue' })).actions).toEqual([]);
  });

  it('plans actions only for an accepted area for improvement, with dates in order and a known organisation', async () => {
    const { f, reportId, afi } = await withAfi();
    const strength = await f.t.call('aar.saveObservation', { reportId, kind: 'strength', title: 'Radio net held' });
    expect(await f.t.raw('aar.saveAction', { observationId: strength.id, element: 'planning', action: 'x' })).toMatchObject({
      ok: false,
      error: { message: 'A corrective action addresses an area for improvement, not a strength' },
    });
    expect(await f.t.raw('aar.saveAction', { observationId: afi, element: 'planning', action: 'x', startOn: '2026-05-01', dueOn: '2026-04-01' })).toMatchObject({
      ok: false,
      // The field at fault is named, so the form marks the completion date and takes the focus there.
      error: { code: 'validation', message: 'The completion date is before the start date', details: { issues: [{ path: ['dueOn'], message: 'Before the start date (2026-05-01)' }] } },
    });
    expect(await f.t.raw('aar.saveAction', { observationId: afi, element: 'planning', action: 'x', dueOn: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Due date is not a real calendar date') },
    });
    expect(await f.t.raw('aar.saveAction', { observationId: afi, element: 'staffing', action: 'x' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Capability element is Planning, Organization, Equipment, Training or Exercise') },
    });
    const ok = await f.t.call('aar.saveAction', { observationId: afi, element: 'equipment', action: 'Buy a fuel trailer', responsibleOrgId: f.hospital });
    expect((await f.t.call('aar.get', { incidentId: f.incidentId })).view!.actions[0]).toMatchObject({ id: ok.id, responsibleOrgName: 'Riverbend General Hospital', element: 'equipment' });
    expect(await f.t.raw('aar.removeObservation', { id: afi })).toMatchObject({ ok: false, error: { message: 'Corrective actions address this area for improvement; remove them first' } });
  });
});

describe('an area for improvement that recurs', () => {
  it('is flagged and linked to its earlier occurrence at another event; an unrelated one is not', async () => {
    const earlier = await aarFixture();
    const { t } = earlier;
    await earlier.request({ priority: 'urgent', submitAt: 1 * HOUR, receiveAt: 9 * HOUR });
    earlier.at(10 * HOUR);
    await earlier.asPlanner();
    await t.call('incident.close', { id: earlier.incidentId });
    await t.call('aar.draft', { incidentId: earlier.incidentId });
    const old = (await t.call('aar.get', { incidentId: earlier.incidentId })).view!;
    const oldSlow = old.observations.find((o) => o.ruleKey === 'requests.urgent-slow')!;
    await t.call('aar.reviewCandidate', { id: oldSlow.id, decision: 'accept' });
    const oldFuel = await t.call('aar.saveObservation', { reportId: old.report.id, kind: 'afi', title: 'Generator fuel resupply was not arranged in time' });

    // A later incident on the same store, with the same two problems.
    earlier.at(20 * HOUR);
    const { levels } = await t.call('incident.levels', {});
    const { incident } = await t.call('incident.create', { name: 'Summer heat wave', exercise: false, activationLevelId: levels[0]!.id });
    await t.call('aar.draft', { incidentId: incident.id });
    const later = (await t.call('aar.get', { incidentId: incident.id })).view!;
    const fuel = await t.call('aar.saveObservation', { reportId: later.report.id, kind: 'afi', title: 'Fuel resupply for generators not arranged in time' });
    const unrelated = await t.call('aar.saveObservation', { reportId: later.report.id, kind: 'afi', title: 'Press releases went out late' });
    const view = (await t.call('aar.get', { incidentId: incident.id })).view!;
    const byId = new Map(view.observations.map((o) => [o.id, o]));
    expect(byId.get(fuel.id)!.recurrences).toEqual([expect.objectContaining({ observationId: oldFuel.id, incidentId: earlier.incidentId, incidentName: 'Spring ice storm' })]);
    expect(byId.get(unrelated.id)!.recurrences).toEqual([]);
    // The earlier occurrence is not flagged by the later one: recurrence looks back.
    expect((await t.call('aar.get', { incidentId: earlier.incidentId })).view!.observations.find((o) => o.id === oldFuel.id)!.recurrences).toEqual([]);

    const { id } = await t.call('aar.saveAction', { observationId: fuel.id, element: 'planning', action: 'Pre-position fuel contracts' });
    expect((await t.call('aar.actionBoard', { show: 'all' })).actions.find((a) => a.id === id)).toMatchObject({ recurring: true, incidentName: 'Summer heat wave' });
  });
});
