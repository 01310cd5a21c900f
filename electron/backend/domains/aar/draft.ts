import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { Exercise, RecordTable } from '../../../../shared/contract';
import { EXERCISE_TYPE_LABELS, type AarSectionKey } from '../../../../shared/domain/aar-outline';
import { seedId } from '../../db/migrations/002-incidents';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, notFound } from '../../errors';
import { exerciseOfIncident } from '../exercise/queries';
import { listPeriods, type IncidentRow } from '../incident/queries';
import { getCoalition } from '../setup/queries';
import { capabilityByCode, getFramework } from './catalogue';
import { observationRow, observationRows, reportOfIncident } from './queries';
import { appendRevision } from './sections';
import { draftContext, readRecord } from './sources';
import type { CandidateDraft, DraftContext, Topic } from './sources/types';

/** Rows derived from a report and a key get the same id on every workstation. */
const AAR_NAMESPACE = '5d0c2f8e-0f6a-4b7e-9a51-3c1d7e2b9a40';
export const derivedId = (...parts: string[]) => uuidv5(parts.join(':'), AAR_NAMESPACE);

/** The framework a new report rates against unless the planner or the exercise plan says otherwise. */
export const DEFAULT_FRAMEWORK_ID = seedId('framework', 'hpp-2023');

/** Where a candidate's topic sits in each built-in framework (by capability code). */
const TOPIC_CODES: Readonly<Record<string, Readonly<Record<Topic, string>>>> = {
  [seedId('framework', 'hpp-2017')]: { coordination: 'C2-O3', information: 'C2-O2', resources: 'C2-O3', workforce: 'C2-O1' },
  [seedId('framework', 'hpp-2023')]: { coordination: '1', information: '2', resources: '5', workforce: '4' },
  [seedId('framework', 'hseep-core')]: { coordination: 'CC03', information: 'CC28', resources: 'CC22', workforce: 'CC03' },
};

function topicCapability(db: Db, frameworkId: string, topic: Topic): string | null {
  const code = TOPIC_CODES[frameworkId]?.[topic];
  return code ? (capabilityByCode(db, frameworkId, code)?.id ?? null) : null;
}

function span(ctx: DraftContext): string {
  const i = ctx.incident;
  return `from ${ctx.fmt(i.started_at)} ${i.status === 'closed' && i.closed_at !== null ? `to ${ctx.fmt(i.closed_at)}` : '(still open when this draft was made)'}`;
}

/** "14 significant events, 6 decisions, 12 resource requests…": the record in one paragraph, for the planner to edit. */
function summaryOf(tables: readonly RecordTable[]): string {
  const rows = (key: string) => tables.find((t) => t.key === key)?.rows ?? [];
  const ttf = rows('time-to-fill');
  const submitted = ttf.reduce((n, r) => n + Number(r.cells[1] ?? 0), 0);
  const urgent = ttf.find((r) => r.cells[0] === 'Urgent')?.cells;
  const parts = [
    `The record holds ${rows('timeline').length} significant events and ${rows('decisions').length} decisions over ${rows('objectives').length} operational period${rows('objectives').length === 1 ? '' : 's'}.`,
    submitted
      ? `${submitted} resource requests were submitted${urgent && urgent[1] !== '0' ? `, ${urgent[1]} of them urgent (median time to fill ${urgent[3]}, longest ${urgent[5]})` : ''}; ${rows('requests-not-filled').length} were not filled.`
      : 'No resource requests were submitted.',
  ];
  const eei = rows('status-requests');
  if (eei.length) {
    const asked = eei.reduce((n, r) => n + Number(r.cells[3] ?? 0), 0);
    const onTime = eei.reduce((n, r) => n + Number(r.cells[4] ?? 0), 0);
    parts.push(`${eei.length} facility status request${eei.length === 1 ? ' was' : 's were'} sent; ${onTime} of ${asked} facility answers came by the deadline.`);
  }
  return parts.join(' ');
}

/** First text of each section, from the exercise plan or the incident's own record; the planner edits it. */
function draftSections(db: Db, ctx: DraftContext, exercise: Exercise | null, drafter: string, tables: readonly RecordTable[]): Partial<Record<AarSectionKey, string>> {
  const i = ctx.incident;
  const coalition = getCoalition(db)?.name ?? 'the coalition';
  const periods = listPeriods(db, i.id);
  const scope = exercise
    ? `This ${EXERCISE_TYPE_LABELS[exercise.type].toLowerCase()} was held ${exercise.startsOn === exercise.endsOn ? `on ${exercise.startsOn}` : `from ${exercise.startsOn} to ${exercise.endsOn}`}${
        exercise.location ? ` at ${exercise.location}` : ''
      }. ${exercise.description}`.trim()
    : `This report reviews the response of ${coalition} to ${i.name}, ${span(ctx)}, over ${periods.length} operational period${periods.length === 1 ? '' : 's'}.`;
  return {
    handling: `The title of this document is "After-action report and improvement plan: ${i.name}". It is for the use of ${coalition} and its members. Reproduction or release outside the coalition is at the discretion of the point of contact.`,
    scope,
    threat: exercise?.hazard || i.hazard_type || '',
    scenario: exercise?.scenario || i.description || '',
    sponsor: exercise?.sponsor || coalition,
    poc: exercise?.poc || drafter,
    summary: summaryOf(tables),
  };
}

/**
 * Starts an incident's report: objectives from its exercise plan (with the capabilities
 * each is rated against) or from its operational periods, and the drafted section text
 * as first revisions attributed to the planner who drafted it.
 */
function createReport(tx: WriteTx, db: Db, ctx: DraftContext, frameworkId: string | undefined, tables: readonly RecordTable[]): string {
  const i = ctx.incident;
  const exercise = exerciseOfIncident(db, i.id);
  const framework = frameworkId ?? exercise?.frameworkId ?? DEFAULT_FRAMEWORK_ID;
  if (!getFramework(db, framework)) throw notFound('That capability framework');
  const reportId = derivedId('report', i.id);
  tx.put('aar_reports', reportId, {
    incident_id: i.id,
    framework_id: framework,
    title: `After-action report: ${i.name}`,
    status: 'draft',
    marking: '',
    mission_areas: JSON.stringify(['Response']),
    exercise_id: exercise?.id ?? null,
    deleted: 0,
  });
  const objectives = exercise
    ? exercise.objectives.map((o) => ({ text: o.text, capabilityIds: o.capabilityIds, source: 'exercise' as const }))
    : [...new Set(listPeriods(db, i.id).flatMap((p) => p.objectives.map((o) => o.text)))].map((text) => ({ text, capabilityIds: [] as string[], source: 'period' as const }));
  objectives.forEach((o, n) => {
    const objectiveId = uuidv7();
    tx.put('aar_objectives', objectiveId, { report_id: reportId, ordinal: n + 1, text: o.text, source: o.source });
    for (const c of o.capabilityIds) {
      tx.put('aar_ratings', derivedId('rating', objectiveId, c), { report_id: reportId, objective_id: objectiveId, capability_id: c, rating: null });
    }
  });
  const drafter = `${tx.actor.operatorName ?? 'The planner'}${tx.actor.positionTitle ? `, ${tx.actor.positionTitle}` : ''}`;
  for (const [section, text] of Object.entries(draftSections(db, ctx, exercise, drafter, tables))) {
    if (text) appendRevision(tx, db, reportId, section as AarSectionKey, text, []);
  }
  return reportId;
}

/**
 * Writes the record's candidate observations. A candidate keeps its id per rule, so a
 * redraft updates it in place while it is still a candidate; once accepted or dismissed it
 * is the planner's and is left alone; one the planner removed is not proposed again; one the
 * record no longer supports is withdrawn.
 */
function writeCandidates(tx: WriteTx, db: Db, reportId: string, frameworkId: string, candidates: readonly CandidateDraft[]): number {
  let added = 0;
  const fired = new Set<string>();
  for (const c of candidates) {
    const id = derivedId('observation', reportId, c.ruleKey);
    fired.add(id);
    const existing = observationRow(db, id, true);
    if (existing && (existing.deleted === 1 || existing.status !== 'candidate')) continue;
    if (!existing) added++;
    tx.put('aar_observations', id, {
      report_id: reportId,
      kind: c.kind,
      status: 'candidate',
      rule_key: c.ruleKey,
      objective_id: null,
      capability_id: existing?.capability_id ?? topicCapability(db, frameworkId, c.topic),
      title: c.title,
      reference: c.reference,
      analysis: c.analysis,
      root_cause: '',
      evidence: JSON.stringify(c.evidence),
    });
  }
  for (const o of observationRows(db, reportId)) {
    if (o.status === 'candidate' && o.rule_key && !fired.has(o.id)) tx.remove('aar_observations', o.id);
  }
  return added;
}

export function draftReport(tx: WriteTx, db: Db, incident: IncidentRow, frameworkId: string | undefined) {
  const existing = reportOfIncident(db, incident.id);
  if (existing?.status === 'final') {
    throw conflict('The after-action report is final: it is not refreshed from the record. To refresh it, set its status back to Draft on the Report tab; that is recorded with your name and the time');
  }
  const ctx = draftContext(db, incident, tx.now());
  if (existing && frameworkId && frameworkId !== existing.frameworkId) {
    if (!getFramework(db, frameworkId)) throw notFound('That capability framework');
    tx.put('aar_reports', existing.id, { framework_id: frameworkId });
  }
  const { candidates, tables } = readRecord(ctx);
  const reportId = existing?.id ?? createReport(tx, db, ctx, frameworkId, tables);
  const framework = frameworkId ?? existing?.frameworkId ?? reportOfIncident(db, incident.id)!.frameworkId;
  const newCandidates = writeCandidates(tx, db, reportId, framework, candidates);
  return { reportId, created: !existing, candidates: candidates.length, newCandidates };
}
