import { newId as uuidv7 } from '../../db/ids';
import type { MethodParsedInput } from '../../../../shared/contract';
import { HVA_STARTER_HAZARDS } from '../../../../shared/domain/hva';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid, notFound } from '../../errors';
import { assessmentForYear, getAssessment, getHazardRow, hazardRows, type HazardRow } from './queries';

type HazardInput = Omit<MethodParsedInput<'hva.saveHazard'>, 'id'>;

export function putHazard(tx: WriteTx, db: Db, id: string | undefined, h: HazardInput): string {
  if (!getAssessment(db, h.assessmentId)) throw notFound('That assessment');
  if (id && !getHazardRow(db, id)) throw notFound('That hazard');
  const exists = db.prepare('SELECT 1 FROM incident_templates WHERE id = ? AND deleted = 0');
  h.templateIds.forEach((t, i) => {
    if (!exists.get(t)) throw invalid(`Template ${i + 1} is not one of the incident templates`, { issues: [{ path: ['templateIds', String(i)], message: 'Not found' }] });
  });
  const clash = hazardRows(db, h.assessmentId).find((r) => r.hazard.toLowerCase() === h.hazard.toLowerCase() && r.id !== id);
  if (clash) throw conflict(`"${clash.hazard}" is already scored in this assessment; edit that row`);
  const rowId = id ?? uuidv7();
  tx.put('hva_hazards', rowId, {
    assessment_id: h.assessmentId,
    hazard: h.hazard,
    category: h.category,
    probability: h.probability,
    human_impact: h.humanImpact,
    property_impact: h.propertyImpact,
    business_impact: h.businessImpact,
    preparedness: h.preparedness,
    internal_response: h.internalResponse,
    external_response: h.externalResponse,
    template_ids: JSON.stringify([...new Set(h.templateIds)]),
    notes: h.notes || null,
  });
  return rowId;
}

type AssessmentInput = MethodParsedInput<'hva.saveAssessment'>;

/** One assessment a year: next year's starts as a copy of this year's to revise, or from the starter list. */
export function putAssessment(tx: WriteTx, db: Db, a: AssessmentInput, demo = false): string {
  if (a.id && !getAssessment(db, a.id)) throw notFound('That assessment');
  const sameYear = assessmentForYear(db, a.year);
  if (sameYear && sameYear.id !== a.id) throw conflict(`There is already an assessment for ${a.year}; open it, or choose another year`);
  const id = a.id ?? uuidv7();
  tx.put('hva_assessments', id, { year: a.year, title: a.title, notes: a.notes || null, ...(a.id ? {} : { demo: demo ? 1 : 0 }) });
  if (a.id) return id;
  if (a.copyFromId) {
    if (!getAssessment(db, a.copyFromId)) throw notFound('The assessment to copy');
    for (const r of hazardRows(db, a.copyFromId)) putHazard(tx, db, undefined, fromRow(id, r));
  } else if (a.starterHazards) {
    for (const s of HVA_STARTER_HAZARDS) {
      putHazard(tx, db, undefined, { assessmentId: id, ...s, probability: 0, humanImpact: 0, propertyImpact: 0, businessImpact: 0, preparedness: 0, internalResponse: 0, externalResponse: 0, templateIds: [], notes: null });
    }
  }
  return id;
}

const fromRow = (assessmentId: string, r: HazardRow): HazardInput => ({
  assessmentId,
  hazard: r.hazard,
  category: r.category,
  probability: r.probability,
  humanImpact: r.human_impact,
  propertyImpact: r.property_impact,
  businessImpact: r.business_impact,
  preparedness: r.preparedness,
  internalResponse: r.internal_response,
  externalResponse: r.external_response,
  templateIds: JSON.parse(r.template_ids) as string[],
  notes: r.notes,
});
