import { describe, expect, it } from 'vitest';
import { hvaRisk } from '../../../shared/domain/hva';
import { openReadyBackend } from '../helpers/backend';
import { pdfPagesText } from '../export/pdf-text';

const zero = { probability: 0, humanImpact: 0, propertyImpact: 0, businessImpact: 0, preparedness: 0, internalResponse: 0, externalResponse: 0 };

describe('hazard vulnerability analysis', () => {
  it('scores relative risk as (probability/3) x (severity/18)', () => {
    expect(hvaRisk({ ...zero, probability: 3, humanImpact: 3, propertyImpact: 3, businessImpact: 3, preparedness: 3, internalResponse: 3, externalResponse: 3 }).riskPct).toBe(100);
    expect(hvaRisk({ probability: 2, humanImpact: 2, propertyImpact: 2, businessImpact: 3, preparedness: 2, internalResponse: 1, externalResponse: 2 })).toEqual({ probabilityPct: 67, severityPct: 67, riskPct: 44 });
    expect(hvaRisk({ ...zero, humanImpact: 3 }).riskPct).toBe(0);
  });

  it('ranks the hazards of a year by relative risk and links a hazard to its incident templates', async () => {
    const t = await openReadyBackend();
    const { templates } = await t.call('incident.templates', {});
    const winter = templates.find((x) => x.name === 'Severe winter storm')!;
    const { assessment } = await t.call('hva.saveAssessment', { year: 2026, title: 'Regional HVA 2026' });
    await t.call('hva.saveHazard', { assessmentId: assessment.id, hazard: 'Active shooter', category: 'human', ...zero, probability: 1, humanImpact: 3, propertyImpact: 1, businessImpact: 2, preparedness: 2, internalResponse: 2, externalResponse: 1 });
    const { hazard } = await t.call('hva.saveHazard', { assessmentId: assessment.id, hazard: 'Ice storm', category: 'natural', probability: 3, humanImpact: 2, propertyImpact: 2, businessImpact: 3, preparedness: 1, internalResponse: 2, externalResponse: 2, templateIds: [winter.id] });
    expect(hazard).toMatchObject({ riskPct: 67, templates: [{ id: winter.id, name: 'Severe winter storm' }] });
    const got = await t.call('hva.get', { id: assessment.id });
    expect(got.hazards.map((h) => [h.rank, h.hazard, h.riskPct])).toEqual([
      [1, 'Ice storm', 67],
      [2, 'Active shooter', 20],
    ]);
    expect((await t.call('hva.list', {})).assessments[0]).toMatchObject({ year: 2026, hazards: 2 });
  });

  it('starts next year from this year to revise, one assessment a year', async () => {
    const t = await openReadyBackend();
    const a = (await t.call('hva.saveAssessment', { year: 2025, title: 'HVA 2025', starterHazards: true })).assessment;
    expect(a.hazards).toBeGreaterThan(5);
    const b = (await t.call('hva.saveAssessment', { year: 2026, title: 'HVA 2026', copyFromId: a.id })).assessment;
    expect(b.hazards).toBe(a.hazards);
    const r = await t.raw('hva.saveAssessment', { year: 2026, title: 'Again' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('There is already an assessment for 2026; open it, or choose another year');
  });

  it('refuses a score outside 0-3 in words', async () => {
    const t = await openReadyBackend();
    const { assessment } = await t.call('hva.saveAssessment', { year: 2026, title: 'HVA' });
    const r = await t.raw('hva.saveHazard', { assessmentId: assessment.id, hazard: 'Flood', category: 'natural', ...zero, probability: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Probability must be a score from 0 to 3');
    expect((await t.call('hva.get', { id: assessment.id })).hazards).toHaveLength(0);
  });

  it('exports the ranked table as CSV and PDF', async () => {
    const t = await openReadyBackend();
    const { assessment } = await t.call('hva.saveAssessment', { year: 2026, title: 'HVA' });
    await t.call('hva.saveHazard', { assessmentId: assessment.id, hazard: '=HYPERLINK("x")', category: 'technological', ...zero, probability: 2, humanImpact: 1 });
    await t.call('hva.saveHazard', { assessmentId: assessment.id, hazard: 'Extreme heat', category: 'natural', probability: 3, humanImpact: 3, propertyImpact: 1, businessImpact: 2, preparedness: 2, internalResponse: 2, externalResponse: 2 });
    const csv = Buffer.from((await t.call('hva.exportCsv', { id: assessment.id })).base64, 'base64').toString('utf8').split('\n');
    expect(csv[1]).toBe('rank,hazard,category,probability,human_impact,property_impact,business_impact,preparedness,internal_response,external_response,probability_pct,severity_pct,relative_risk_pct,incident_templates');
    expect(csv[2]).toBe('1,Extreme heat,Natural,3,3,1,2,2,2,2,100,67,67,');
    expect(csv[3]).toContain(`"'=HYPERLINK(""x"")"`);
    const pdf = await t.call('hva.print', { id: assessment.id });
    const [page] = await pdfPagesText(Buffer.from(pdf.base64, 'base64'));
    expect(page).toContain('HAZARD VULNERABILITY ANALYSIS 2026');
    expect(page).toContain('Extreme heat');
    expect(page).toContain('67%');
  });
});
