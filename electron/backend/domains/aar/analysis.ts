import { newId as uuidv7 } from '../../db/ids';
import { MISSION_AREAS, type MissionArea } from '../../../../shared/domain/aar-outline';
import type { MethodParsedInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, invalid, notFound } from '../../errors';
import { getCapability, requireCapabilities } from './catalogue';
import { derivedId } from './draft';
import { actionsOfObservation, nextObjectiveOrdinal, objectiveRow, observationRow, ratingRows, reportStatus } from './queries';

/** Every write to a report's analysis names the report; a missing one is an error in words. Its status. */
export function requireReport(db: Db, id: string): { status: 'draft' | 'final' } {
  const status = reportStatus(db, id);
  if (!status) throw notFound('That after-action report');
  return { status };
}

/** Mission areas as a report keeps them: each once, in the standard's order, whatever order they were picked in. */
export function inOrder(list: readonly string[]): MissionArea[] {
  return MISSION_AREAS.filter((a) => list.includes(a));
}

/** Whether an update would change a report's settings (title, framework, marking, mission areas) from what they are. */
export function changesSettings(
  db: Db,
  input: { reportId: string; title?: string; frameworkId?: string; marking?: string; missionAreas?: readonly string[] },
): boolean {
  const now = db.prepare('SELECT title, framework_id, marking, mission_areas FROM aar_reports WHERE id = ?').get(input.reportId) as {
    title: string;
    framework_id: string;
    marking: string;
    mission_areas: string;
  };
  const areas = (list: readonly string[]) => inOrder(list).join('\u0000');
  return (
    (input.title !== undefined && input.title !== now.title) ||
    (input.frameworkId !== undefined && input.frameworkId !== now.framework_id) ||
    (input.marking !== undefined && input.marking !== now.marking) ||
    (input.missionAreas !== undefined && areas(input.missionAreas) !== areas(JSON.parse(now.mission_areas) as string[]))
  );
}

/** What a final report refuses, in words, with the way to change it. */
export const FINAL_LOCKED =
  'The after-action report is final: its text, objectives, ratings and observations no longer change. To change them, set its status back to Draft on the Report tab; that is recorded with your name and the time';

/**
 * A report about to be changed: a final one is refused. Final is the version the coalition
 * issued, so what it says changes only after someone sets it back to Draft, a change of its
 * own in the record. Corrective actions are not held here: the improvement plan is tracked
 * after the report is issued.
 */
export function requireDraft(db: Db, id: string) {
  const r = requireReport(db, id);
  if (r.status === 'final') throw conflict(FINAL_LOCKED);
  return r;
}

export function saveObjective(tx: WriteTx, db: Db, input: MethodParsedInput<'aar.saveObjective'>): string {
  requireDraft(db, input.reportId);
  if (input.id) {
    const o = objectiveRow(db, input.id);
    if (!o || o.report_id !== input.reportId) throw notFound('That objective of this report');
    tx.put('aar_objectives', o.id, { text: input.text });
    return o.id;
  }
  const id = uuidv7();
  tx.put('aar_objectives', id, { report_id: input.reportId, ordinal: nextObjectiveOrdinal(db, input.reportId), text: input.text, source: 'planner' });
  return id;
}

export function removeObjective(tx: WriteTx, db: Db, id: string): boolean {
  const o = objectiveRow(db, id);
  if (!o) throw notFound('That objective');
  requireDraft(db, o.report_id);
  const tied = db.prepare('SELECT count(*) AS n FROM aar_observations WHERE objective_id = ? AND deleted = 0').get(id) as { n: number };
  if (tied.n) throw conflict('Observations are tied to this objective; move or remove them first');
  for (const r of ratingRows(db, id)) if (r.deleted === 0) tx.remove('aar_ratings', r.id);
  return tx.remove('aar_objectives', id);
}

/**
 * Sets which capabilities an objective is rated against (rows of HSEEP Table 1). A row
 * removed and added again comes back under the same id, its earlier rating cleared.
 */
export function setObjectiveCapabilities(tx: WriteTx, db: Db, objectiveId: string, capabilityIds: readonly string[]): number {
  const o = objectiveRow(db, objectiveId);
  if (!o) throw notFound('That objective');
  requireDraft(db, o.report_id);
  const want = [...new Set(capabilityIds)];
  requireCapabilities(db, want);
  const rows = ratingRows(db, objectiveId);
  for (const r of rows) if (r.deleted === 0 && !want.includes(r.capability_id)) tx.remove('aar_ratings', r.id);
  for (const c of want) {
    const r = rows.find((x) => x.capability_id === c);
    if (!r || r.deleted === 1) {
      tx.put('aar_ratings', derivedId('rating', objectiveId, c), { report_id: o.report_id, objective_id: objectiveId, capability_id: c, rating: null, deleted: 0 });
    }
  }
  return want.length;
}

/** One rating per objective × capability; rating a pair not yet listed adds its row. */
export function rate(tx: WriteTx, db: Db, input: MethodParsedInput<'aar.rate'>): string {
  const o = objectiveRow(db, input.objectiveId);
  if (!o) throw notFound('That objective');
  requireDraft(db, o.report_id);
  if (!getCapability(db, input.capabilityId)) throw notFound('That capability');
  const id = derivedId('rating', o.id, input.capabilityId);
  tx.put('aar_ratings', id, { report_id: o.report_id, objective_id: o.id, capability_id: input.capabilityId, rating: input.rating, deleted: 0 });
  return id;
}

export function saveObservation(tx: WriteTx, db: Db, input: MethodParsedInput<'aar.saveObservation'>): string {
  requireDraft(db, input.reportId);
  if (input.objectiveId) {
    const o = objectiveRow(db, input.objectiveId);
    if (!o || o.report_id !== input.reportId) throw notFound('That objective of this report');
  }
  if (input.capabilityId && !getCapability(db, input.capabilityId)) throw notFound('That capability');
  const existing = input.id ? observationRow(db, input.id) : null;
  if (input.id && (!existing || existing.report_id !== input.reportId)) throw notFound('That observation of this report');
  if (existing && existing.kind !== input.kind && actionsOfObservation(db, existing.id) > 0) {
    throw conflict('Corrective actions address this area for improvement; it cannot become a strength');
  }
  const id = existing?.id ?? uuidv7();
  tx.put('aar_observations', id, {
    report_id: input.reportId,
    kind: input.kind,
    // Editing a candidate keeps it a candidate: accepting it is a separate, deliberate step.
    status: existing?.status ?? 'accepted',
    rule_key: existing?.rule_key ?? null,
    objective_id: input.objectiveId !== undefined ? input.objectiveId : (existing?.objective_id ?? null),
    capability_id: input.capabilityId !== undefined ? input.capabilityId : (existing?.capability_id ?? null),
    title: input.title,
    reference: input.reference ?? existing?.reference ?? '',
    analysis: input.analysis ?? existing?.analysis ?? '',
    root_cause: input.rootCause ?? existing?.root_cause ?? '',
    evidence: existing?.evidence ?? '[]',
  });
  return id;
}

export function reviewCandidate(tx: WriteTx, db: Db, id: string, decision: 'accept' | 'dismiss' | 'restore') {
  const o = observationRow(db, id);
  if (!o) throw notFound('That observation');
  requireDraft(db, o.report_id);
  if (!o.rule_key) throw invalid('Only observations the draft proposed are accepted or dismissed; edit or remove your own');
  if (decision === 'dismiss' && actionsOfObservation(db, id) > 0) throw conflict('Corrective actions address this area for improvement; remove them before dismissing it');
  const status = decision === 'accept' ? 'accepted' : decision === 'dismiss' ? 'dismissed' : 'candidate';
  tx.put('aar_observations', id, { status });
  return status;
}

export function removeObservation(tx: WriteTx, db: Db, id: string): boolean {
  const o = observationRow(db, id);
  if (!o) throw notFound('That observation');
  requireDraft(db, o.report_id);
  if (actionsOfObservation(db, id) > 0) throw conflict('Corrective actions address this area for improvement; remove them first');
  return tx.remove('aar_observations', id);
}
