import { describe, expect, it } from 'vitest';
import { aarFixture, HOUR } from './fixtures';

async function stormRecord() {
  const f = await aarFixture();
  const a = await f.request({ priority: 'urgent', submitAt: 1 * HOUR, receiveAt: 2 * HOUR });
  const b = await f.request({ priority: 'urgent', submitAt: 1 * HOUR, receiveAt: 7 * HOUR });
  const c = await f.request({ priority: 'urgent', submitAt: 2 * HOUR });
  const d = await f.request({ priority: 'routine', submitAt: 1 * HOUR, receiveAt: 3 * HOUR });
  const e = await f.request({ priority: 'routine', submitAt: 2 * HOUR, cancelAt: 2.5 * HOUR });
  f.at(8 * HOUR);
  await f.asPlanner();
  const base = { incidentId: f.incidentId, decision: 'Open the regional shelter', rationale: 'Power out for 3 days', authority: 'Coalition response plan' };
  const chosen = await f.t.call('decision.record', { ...base, title: 'Open shelter', options: [{ text: 'Open it', chosen: true }, { text: 'Wait' }] });
  const bare = await f.t.call('decision.record', { ...base, title: 'Extend dialysis hours' });
  f.at(10 * HOUR);
  return { f, ids: { a, b, c, d, e, chosen: chosen.id, bare: bare.id } };
}

describe('drafting an after-action report from the record', () => {
  it('computes time to fill by priority, the unfilled and cancelled requests and the sources used from the request events', async () => {
    const { f, ids } = await stormRecord();
    const { tables, sources } = await f.t.call('aar.record', { incidentId: f.incidentId });
    expect(sources).toEqual(['logs', 'decisions', 'incidents', 'requests', 'status']);
    const ttf = tables.find((t) => t.key === 'time-to-fill')!;
    expect(ttf.rows.map((r) => r.cells)).toEqual([
      ['Urgent', '3', '2', '1 h', '6 h', '6 h', '1'],
      ['Routine', '2', '1', '2 h', '2 h', '2 h', '1'],
      ['Low', '0', '0', '-', '-', '-', '0'],
    ]);
    expect(ttf.rows[0]!.evidence).toEqual([expect.objectContaining({ type: 'request', id: ids.b })]);
    const unfilled = tables.find((t) => t.key === 'requests-not-filled')!;
    expect(unfilled.rows.map((r) => [r.evidence[0]!.id, r.cells[3]])).toEqual([
      [ids.c, 'Sourcing'],
      [ids.e, 'Cancelled'],
    ]);
    const used = tables.find((t) => t.key === 'sources-used')!;
    expect(used.rows.map((r) => r.cells)).toEqual([['State', '4', '40', '100%']]);
    const decisions = tables.find((t) => t.key === 'decisions')!;
    expect(decisions.rows.map((r) => r.evidence[0]!.id)).toEqual([ids.chosen, ids.bare]);
    expect(decisions.rows[0]!.cells[3]).toBe('Power out for 3 days');
  });

  it('proposes candidate observations, each with the records behind it, and keeps the planner’s decisions on redraft', async () => {
    const { f, ids } = await stormRecord();
    const first = await f.t.call('aar.draft', { incidentId: f.incidentId });
    expect(first).toMatchObject({ created: true, newCandidates: 3 });
    let view = (await f.t.call('aar.get', { incidentId: f.incidentId })).view!;
    const byRule = new Map(view.observations.map((o) => [o.ruleKey, o]));
    expect(byRule.get('requests.urgent-slow')).toMatchObject({
      kind: 'afi',
      status: 'candidate',
      title: '2 urgent requests took longer than 4 hours to fill',
      capabilityLabel: '5 Resources',
      evidence: [expect.objectContaining({ id: ids.b }), expect.objectContaining({ id: ids.c })],
    });
    expect(byRule.get('requests.not-filled')).toMatchObject({ title: '1 request not filled: 1 cancelled or denied, 0 still open', evidence: [expect.objectContaining({ id: ids.e })] });
    expect(byRule.get('decisions.no-options')).toMatchObject({ title: '1 of 2 decisions recorded without the options considered', evidence: [expect.objectContaining({ id: ids.bare })] });

    await f.t.call('aar.reviewCandidate', { id: byRule.get('requests.urgent-slow')!.id, decision: 'accept' });
    await f.t.call('aar.reviewCandidate', { id: byRule.get('decisions.no-options')!.id, decision: 'dismiss' });
    // A third urgent request goes unfilled: the record now says 3, the accepted observation keeps the planner's words.
    await f.request({ priority: 'urgent', submitAt: 3 * HOUR });
    f.at(11 * HOUR);
    await f.asPlanner();
    const record = await f.t.call('aar.record', { incidentId: f.incidentId });
    expect(record.tables.find((t) => t.key === 'time-to-fill')!.rows[0]!.cells[1]).toBe('4');
    const again = await f.t.call('aar.draft', { incidentId: f.incidentId });
    expect(again).toMatchObject({ created: false, newCandidates: 0 });
    view = (await f.t.call('aar.get', { incidentId: f.incidentId })).view!;
    const after = new Map(view.observations.map((o) => [o.ruleKey, o]));
    expect(after.get('requests.urgent-slow')).toMatchObject({ status: 'accepted', title: '2 urgent requests took longer than 4 hours to fill' });
    expect(after.get('decisions.no-options')).toMatchObject({ status: 'dismissed' });
    expect(view.observations).toHaveLength(3);
  });

  it('starts the report with the incident’s objectives and drafted section text attributed to the planner', async () => {
    const { f } = await stormRecord();
    const { periods } = await f.t.call('incident.periods', { incidentId: f.incidentId });
    expect(periods).toHaveLength(0);
    await f.t.call('incident.openPeriod', { incidentId: f.incidentId, endsAt: f.t0 + 20 * HOUR, objectives: ['Keep dialysis patients on treatment', 'Shelter residents without heat'] });
    await f.t.call('aar.draft', { incidentId: f.incidentId });
    const view = (await f.t.call('aar.get', { incidentId: f.incidentId })).view!;
    expect(view.objectives.map((o) => [o.ordinal, o.text, o.source])).toEqual([
      [1, 'Keep dialysis patients on treatment', 'period'],
      [2, 'Shelter residents without heat', 'period'],
    ]);
    const scope = view.sections.find((s) => s.key === 'scope')!;
    expect(scope.heads).toHaveLength(1);
    expect(scope.heads[0]).toMatchObject({ operatorName: 'Pat Planner', positionTitle: 'Planning Section Chief' });
    expect(scope.heads[0]!.text).toContain('Spring ice storm');
    expect(view.sections.find((s) => s.key === 'summary')!.heads[0]!.text).toBe(
      'The record holds 0 significant events and 2 decisions over 1 operational period. 5 resource requests were submitted, 3 of them urgent (median time to fill 1 h, longest 6 h); 2 were not filled.',
    );
    expect(view.report).toMatchObject({ status: 'draft', title: 'After-action report: Spring ice storm', exercise: false });
  });

  it('refuses to draft for an unknown incident or framework, in words', async () => {
    const { f } = await stormRecord();
    expect(await f.t.raw('aar.draft', { incidentId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That incident was not found' } });
    expect(await f.t.raw('aar.draft', { incidentId: f.incidentId, frameworkId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'That capability framework was not found' },
    });
    expect((await f.t.call('aar.get', { incidentId: f.incidentId })).view).toBeNull();
  });
});
