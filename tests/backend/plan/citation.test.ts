import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../incident/fixtures';
import { b64 } from './fixtures';

const plan = {
  title: 'Coalition Response Plan',
  kind: 'conops' as const,
  owner: 'Planning Committee',
  versionLabel: 'v3.2',
  effectiveOn: '2026-01-01',
  fileName: 'crp.txt',
  base64: b64('1. Purpose\nCoordinate.\n\n4. Activation levels\nThe duty officer may declare partial activation.\n'),
};
const decision = { title: 'Go to partial activation', decision: 'Partial activation from 14:00', rationale: 'Two hospitals on generator', authority: 'Coalition Response Plan' };

describe('a decision cites a plan section', () => {
  it('records the citation with the decision, labelled as it read then, and the citation opens the section', async () => {
    const { t, incident } = await incidentFixture();
    const up = await t.call('plan.upload', plan);
    const hit = (await t.call('plan.search', { query: 'partial activation' })).hits[0]!;
    const d = await t.call('decision.record', { incidentId: incident.id, ...decision, citation: { versionId: hit.versionId, ordinal: hit.ordinal } });
    expect(d.citation).toEqual({ planId: up.plan.id, versionId: up.version.id, ordinal: hit.ordinal, label: 'Coalition Response Plan v3.2, § 4. Activation levels' });
    const opened = await t.call('plan.section', { versionId: d.citation!.versionId, ordinal: d.citation!.ordinal });
    expect(opened.section.body).toBe('The duty officer may declare partial activation.');

    // A new version of the plan does not change what the decision cited.
    await t.call('plan.upload', { ...plan, planId: up.plan.id, versionLabel: 'v4', base64: b64('4. Activation levels\nOnly the coordinator may.\n') });
    const again = await t.call('decision.get', { id: d.id });
    expect(again.decision.citation!.label).toContain('v3.2');
    expect((await t.call('plan.section', { versionId: up.version.id, ordinal: hit.ordinal })).section.body).toContain('duty officer');
  });

  it('a decision without a citation has none; a citation to a missing section is refused and nothing is recorded', async () => {
    const { t, incident } = await incidentFixture();
    const up = await t.call('plan.upload', plan);
    const plain = await t.call('decision.record', { incidentId: incident.id, ...decision });
    expect(plain.citation).toBeNull();
    const r = await t.raw('decision.record', { incidentId: incident.id, ...decision, title: 'Bad', citation: { versionId: up.version.id, ordinal: 99 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Coalition Response Plan v3.2 has no section 100');
    expect((await t.call('decision.list', { incidentId: incident.id })).decisions.map((x) => x.title)).toEqual([decision.title]);
  });
});
