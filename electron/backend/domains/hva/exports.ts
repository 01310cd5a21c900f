import Papa from 'papaparse';
import type { HvaAssessment, HvaHazard } from '../../../../shared/contract';
import { FormWriter } from '../export/pdf/form';

const COLUMNS = ['rank', 'hazard', 'category', 'probability', 'human_impact', 'property_impact', 'business_impact', 'preparedness', 'internal_response', 'external_response', 'probability_pct', 'severity_pct', 'relative_risk_pct', 'incident_templates'];

/** Formula-looking cells are quoted so a spreadsheet shows them as text, never runs them. */
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function hvaCsv(a: HvaAssessment, hazards: HvaHazard[], demo: boolean): string {
  const rows = hazards.map((h) => [
    h.rank,
    safe(h.hazard),
    h.categoryLabel,
    h.probability,
    h.humanImpact,
    h.propertyImpact,
    h.businessImpact,
    h.preparedness,
    h.internalResponse,
    h.externalResponse,
    h.probabilityPct,
    h.severityPct,
    h.riskPct,
    safe(h.templates.map((t) => t.name).join('; ')),
  ]);
  const head = `# Hazard vulnerability analysis ${a.year}: ${safe(a.title)}${demo ? ' (DEMO DATA)' : ''}; relative risk = (probability/3) x (severity/18)\n`;
  return head + Papa.unparse({ fields: COLUMNS, data: rows }, { newline: '\n' }) + '\n';
}

const bar = (pct: number) => `${'\u2588'.repeat(Math.round(pct / 5))} ${pct}%`;

export async function hvaPdf(a: HvaAssessment, hazards: HvaHazard[], opts: { demo: boolean; footer: string; by: string; at: number }): Promise<{ bytes: Uint8Array; pages: number }> {
  const f = await FormWriter.create({
    title: `HAZARD VULNERABILITY ANALYSIS ${a.year}${opts.demo ? ' - DEMO DATA' : ''}`,
    formName: 'HVA',
    exercise: false,
    footer: opts.footer,
    docTitle: `HVA ${a.year} - ${a.title}`,
    author: opts.by,
    createdAt: new Date(opts.at),
  });
  f.row([
    { label: 'Assessment', value: a.title, width: 3 },
    { label: 'Year', value: String(a.year) },
    { label: 'Hazards scored', value: String(hazards.length) },
  ]);
  f.note('Each factor is scored 0-3 (preparedness and response: 1 strong, 3 weak or none). Relative risk = (probability / 3) x (sum of the six severity factors / 18).');
  f.gap(4);
  f.heading(undefined, 'Hazards ranked by relative risk');
  f.table(
    [
      { label: '#', width: 0.3 },
      { label: 'Hazard', width: 2.2 },
      { label: 'Prob.', width: 0.45 },
      { label: 'Human', width: 0.5 },
      { label: 'Prop.', width: 0.45 },
      { label: 'Bus.', width: 0.45 },
      { label: 'Prep.', width: 0.45 },
      { label: 'Int.', width: 0.4 },
      { label: 'Ext.', width: 0.4 },
      { label: 'Relative risk', width: 2 },
    ],
    hazards.map((h) => [String(h.rank), `${h.hazard}\n${h.categoryLabel}`, ...[h.probability, h.humanImpact, h.propertyImpact, h.businessImpact, h.preparedness, h.internalResponse, h.externalResponse].map(String), bar(h.riskPct)]),
    'No hazards scored yet.',
  );
  const linked = hazards.filter((h) => h.templates.length);
  if (linked.length) {
    f.gap(6);
    f.heading(undefined, 'Incident templates by hazard');
    f.table([{ label: 'Hazard', width: 1 }, { label: 'Start from template', width: 1.5 }], linked.map((h) => [h.hazard, h.templates.map((t) => t.name).join('\n')]));
  }
  const bytes = await f.finish();
  return { bytes, pages: f.pagesText.length };
}
