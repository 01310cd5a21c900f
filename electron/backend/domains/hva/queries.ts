import type { HvaAssessment, HvaHazard } from '../../../../shared/contract';
import { HVA_CATEGORY_LABELS, hvaRisk, type HvaCategory } from '../../../../shared/domain/hva';
import type { Db } from '../../db/open';

interface AssessmentRow {
  id: string;
  year: number;
  title: string;
  notes: string | null;
  demo: number;
  created_at: number;
  hazards: number;
}

export interface HazardRow {
  id: string;
  assessment_id: string;
  hazard: string;
  category: HvaCategory;
  probability: number;
  human_impact: number;
  property_impact: number;
  business_impact: number;
  preparedness: number;
  internal_response: number;
  external_response: number;
  template_ids: string;
  notes: string | null;
}

const ASSESSMENT_SELECT = `SELECT a.*, (SELECT count(*) FROM hva_hazards h WHERE h.assessment_id = a.id AND h.deleted = 0) AS hazards FROM hva_assessments a WHERE a.deleted = 0`;

const toAssessment = (r: AssessmentRow): HvaAssessment => ({ id: r.id, year: r.year, title: r.title, notes: r.notes, hazards: r.hazards, createdAt: r.created_at, demo: r.demo === 1 });

export function listAssessments(db: Db): HvaAssessment[] {
  return (db.prepare(`${ASSESSMENT_SELECT} ORDER BY a.year DESC`).all() as AssessmentRow[]).map(toAssessment);
}

export function getAssessment(db: Db, id: string): HvaAssessment | null {
  const r = db.prepare(`${ASSESSMENT_SELECT} AND a.id = ?`).get(id) as AssessmentRow | undefined;
  return r ? toAssessment(r) : null;
}

export function assessmentForYear(db: Db, year: number): { id: string } | undefined {
  return db.prepare('SELECT id FROM hva_assessments WHERE year = ? AND deleted = 0').get(year) as { id: string } | undefined;
}

export function hazardRows(db: Db, assessmentId: string): HazardRow[] {
  return db.prepare('SELECT * FROM hva_hazards WHERE assessment_id = ? AND deleted = 0').all(assessmentId) as HazardRow[];
}

export function getHazardRow(db: Db, id: string): HazardRow | undefined {
  return db.prepare('SELECT * FROM hva_hazards WHERE id = ? AND deleted = 0').get(id) as HazardRow | undefined;
}

/** Hazards ranked by relative risk (ties: probability, then name), risk computed on read. */
export function rankedHazards(db: Db, assessmentId: string): HvaHazard[] {
  const templateName = db.prepare('SELECT name FROM incident_templates WHERE id = ? AND deleted = 0');
  const scored = hazardRows(db, assessmentId).map((r) => {
    const scores = {
      probability: r.probability,
      humanImpact: r.human_impact,
      propertyImpact: r.property_impact,
      businessImpact: r.business_impact,
      preparedness: r.preparedness,
      internalResponse: r.internal_response,
      externalResponse: r.external_response,
    };
    const templates = (JSON.parse(r.template_ids) as string[])
      .map((id) => ({ id, name: (templateName.get(id) as { name: string } | undefined)?.name }))
      .filter((t): t is { id: string; name: string } => !!t.name);
    return { id: r.id, assessmentId: r.assessment_id, hazard: r.hazard, category: r.category, categoryLabel: HVA_CATEGORY_LABELS[r.category], ...scores, ...hvaRisk(scores), rank: 0, templates, notes: r.notes };
  });
  scored.sort((a, b) => b.riskPct - a.riskPct || b.probability - a.probability || a.hazard.localeCompare(b.hazard));
  return scored.map((h, i) => ({ ...h, rank: i + 1 }));
}
