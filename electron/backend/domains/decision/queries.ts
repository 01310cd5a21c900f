import type { Decision, SituationSnapshot } from '../../../../shared/contract';
import type { Db } from '../../db/open';

interface DecisionRow {
  id: string;
  incident_id: string;
  title: string;
  decision: string;
  options: string;
  rationale: string;
  authority: string;
  made_by_name: string;
  made_by_position_id: string;
  made_by_position_title: string;
  occurred_at: number;
  recorded_at: number;
  operator_name: string | null;
  position_title: string | null;
  links: string;
  snapshot: string;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  cite_plan_id: string | null;
  cite_version_id: string | null;
  cite_ordinal: number | null;
  cite_label: string | null;
}

const DECISION_SELECT = `
  SELECT d.*, (SELECT s.id FROM decisions s WHERE s.supersedes_id = d.id ORDER BY s.recorded_at LIMIT 1) AS superseded_by_id,
    c.plan_id AS cite_plan_id, c.version_id AS cite_version_id, c.section_ordinal AS cite_ordinal, c.label AS cite_label
  FROM decisions d LEFT JOIN decision_citations c ON c.decision_id = d.id`;

const toDecision = (r: DecisionRow): Decision => ({
  id: r.id,
  incidentId: r.incident_id,
  title: r.title,
  decision: r.decision,
  options: JSON.parse(r.options) as Decision['options'],
  rationale: r.rationale,
  authority: r.authority,
  madeByName: r.made_by_name,
  madeByPositionId: r.made_by_position_id,
  madeByPositionTitle: r.made_by_position_title,
  decidedAt: r.occurred_at,
  recordedAt: r.recorded_at,
  operatorName: r.operator_name,
  operatorPositionTitle: r.position_title,
  links: JSON.parse(r.links) as Decision['links'],
  snapshot: JSON.parse(r.snapshot) as SituationSnapshot,
  citation: r.cite_version_id ? { planId: r.cite_plan_id!, versionId: r.cite_version_id, ordinal: r.cite_ordinal!, label: r.cite_label! } : null,
  supersedesId: r.supersedes_id,
  supersededById: r.superseded_by_id,
});

export function getDecision(db: Db, id: string): Decision | null {
  const r = db.prepare(`${DECISION_SELECT} WHERE d.id = ?`).get(id) as DecisionRow | undefined;
  return r ? toDecision(r) : null;
}

/** Newest first. */
export function listDecisions(db: Db, incidentId: string, includeSuperseded: boolean): Decision[] {
  const rows = db
    .prepare(`${DECISION_SELECT} WHERE d.incident_id = ? ORDER BY d.occurred_at DESC, d.id DESC`)
    .all(incidentId) as DecisionRow[];
  const all = rows.map(toDecision);
  return includeSuperseded ? all : all.filter((d) => d.supersededById === null);
}

/** The supersede history a decision belongs to, first decision first. */
export function decisionChain(db: Db, d: Decision): Decision[] {
  let first = d;
  const seen = new Set([d.id]);
  while (first.supersedesId) {
    const prev = getDecision(db, first.supersedesId);
    if (!prev || seen.has(prev.id)) break;
    seen.add(prev.id);
    first = prev;
  }
  const chain = [first];
  while (chain.at(-1)!.supersededById) {
    const next = getDecision(db, chain.at(-1)!.supersededById!);
    if (!next || chain.some((c) => c.id === next.id)) break;
    chain.push(next);
  }
  return chain;
}
