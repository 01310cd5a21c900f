import type { aarMethods } from '../../../../shared/contract/aar';
import { conflict, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { coalitionToday } from '../directory/queries';
import { requireIncident } from '../incident/guards';
import { getAction, saveAction, setActionStatus, toActions } from './actions';
import { changesSettings, FINAL_LOCKED, inOrder, rate, removeObjective, removeObservation, requireDraft, requireReport, reviewCandidate, saveObjective, saveObservation, setObjectiveCapabilities } from './analysis';
import { listFrameworks, removeCapability, saveCapability, saveFramework } from './catalogue';
import { draftReport } from './draft';
import { buildReport, exportReport } from './export/package';
import { actionRows, getReport, listReports, reportCounts } from './queries';
import { appendRevision, headsOf, refuseFinal, revisionsOf } from './sections';
import { recordFinal } from './issued';
import { reportRecord } from './record';
import { reportView } from './view';

export const aarHandlers: HandlersFor<keyof typeof aarMethods> = {
  'aar.frameworks': (_input, { db }) => ({ frameworks: listFrameworks(db) }),
  'aar.saveFramework': (input, ctx) => ctx.write((tx) => ({ id: saveFramework(tx, ctx.db, input) })),
  'aar.saveCapability': (input, ctx) => ctx.write((tx) => ({ id: saveCapability(tx, ctx.db, input) })),
  'aar.removeCapability': (input, ctx) => ctx.write((tx) => ({ removed: removeCapability(tx, ctx.db, input.id) })),

  'aar.list': (_input, { db, services }) => {
    const counts = reportCounts(db);
    const today = coalitionToday(db, services.now());
    const open = new Map<string, number>();
    for (const a of toActions(db, actionRows(db), today)) if (a.status === 'open' || a.status === 'in_progress') open.set(a.reportId, (open.get(a.reportId) ?? 0) + 1);
    return {
      reports: listReports(db).map((r) => ({ ...r, observations: counts.get(r.id)?.observations ?? 0, actions: counts.get(r.id)?.actions ?? 0, openActions: open.get(r.id) ?? 0 })),
    };
  },
  'aar.draft': (input, ctx) =>
    ctx.write((tx) => {
      const incident = requireIncident(ctx.db, input.incidentId);
      return draftReport(tx, ctx.db, incident, input.frameworkId);
    }),
  'aar.get': (input, { db, services }) => {
    requireIncident(db, input.incidentId);
    return { view: reportView(db, input.incidentId, services.now()) };
  },
  'aar.record': (input, { db, services }) => {
    const { tables, sources, frozenAt, until } = reportRecord(db, requireIncident(db, input.incidentId), services.now());
    return { tables, sources, frozen: frozenAt === null ? null : { at: frozenAt, until } };
  },
  'aar.update': (input, ctx) =>
    ctx.write((tx) => {
      const report = requireReport(ctx.db, input.reportId);
      const finalising = input.status === 'final' && report.status !== 'final';
      if (finalising) refuseFinal(ctx.db, input.reportId);
      // A final report's settings change only with it set back to Draft (in the same call or before).
      // The same settings sent again (a form saved as it stood, a script re-run), or Final again,
      // are not refused and write nothing: a write would move its Final or count as a change after it.
      if (report.status === 'final' && input.status !== 'draft') {
        if (changesSettings(ctx.db, input)) throw conflict(FINAL_LOCKED);
        return getReport(ctx.db, input.reportId)!;
      }
      if (input.frameworkId && !listFrameworks(ctx.db).some((f) => f.id === input.frameworkId)) throw notFound('That capability framework');
      tx.put('aar_reports', input.reportId, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.frameworkId !== undefined ? { framework_id: input.frameworkId } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.marking !== undefined ? { marking: input.marking } : {}),
        ...(input.missionAreas !== undefined ? { mission_areas: JSON.stringify(inOrder(input.missionAreas)) } : {}),
      });
      // What the report said when it was made final, kept in the record: what it says later is compared with it.
      if (finalising) recordFinal(tx, ctx.db, input.reportId);
      return getReport(ctx.db, input.reportId)!;
    }),
  'aar.saveSection': (input, ctx) =>
    ctx.write((tx) => {
      requireDraft(ctx.db, input.reportId);
      const heads = headsOf(revisionsOf(ctx.db, input.reportId, input.section));
      // Saving the text already there, from what is there, adds nothing to the record.
      const same = heads.length === 1 && heads[0]!.text === input.text && input.baseIds.length === 1 && input.baseIds[0] === heads[0]!.id;
      if (same) return { revisionId: heads[0]!.id, concurrent: false, heads: 1 };
      return appendRevision(tx, ctx.db, input.reportId, input.section, input.text, input.baseIds);
    }),
  'aar.sectionHistory': (input, { db }) => {
    requireReport(db, input.reportId);
    return { revisions: revisionsOf(db, input.reportId, input.section).reverse() };
  },

  'aar.saveObjective': (input, ctx) => ctx.write((tx) => ({ id: saveObjective(tx, ctx.db, input) })),
  'aar.removeObjective': (input, ctx) => ctx.write((tx) => ({ removed: removeObjective(tx, ctx.db, input.id) })),
  'aar.setObjectiveCapabilities': (input, ctx) => ctx.write((tx) => ({ rows: setObjectiveCapabilities(tx, ctx.db, input.objectiveId, input.capabilityIds) })),
  'aar.rate': (input, ctx) => ctx.write((tx) => ({ id: rate(tx, ctx.db, input) })),

  'aar.saveObservation': (input, ctx) => ctx.write((tx) => ({ id: saveObservation(tx, ctx.db, input) })),
  'aar.reviewCandidate': (input, ctx) => ctx.write((tx) => ({ status: reviewCandidate(tx, ctx.db, input.id, input.decision) })),
  'aar.removeObservation': (input, ctx) => ctx.write((tx) => ({ removed: removeObservation(tx, ctx.db, input.id) })),

  'aar.saveAction': (input, ctx) => ctx.write((tx) => ({ id: saveAction(tx, ctx.db, input) })),
  'aar.removeAction': (input, ctx) =>
    ctx.write((tx) => {
      if (!actionRows(ctx.db, { id: input.id }).length) throw notFound('That corrective action');
      return { removed: tx.remove('aar_actions', input.id) };
    }),
  'aar.setActionStatus': (input, ctx) => {
    const today = coalitionToday(ctx.db, ctx.services.now());
    ctx.write((tx) => setActionStatus(tx, ctx.db, input, today));
    return getAction(ctx.db, input.id, today)!;
  },
  'aar.actionBoard': (input, { db, services }) => {
    const today = coalitionToday(db, services.now());
    const all = toActions(db, actionRows(db), today);
    const open = all.filter((a) => a.status === 'open' || a.status === 'in_progress');
    const shown = input.show === 'all' ? all : input.show === 'overdue' ? all.filter((a) => a.overdue) : open;
    // Overdue first, most overdue first; then by due date.
    shown.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
    return {
      actions: shown,
      counts: {
        open: open.length,
        overdue: all.filter((a) => a.overdue).length,
        completed: all.filter((a) => a.status === 'completed' || a.status === 'verified').length,
        recurring: all.filter((a) => a.recurring).length,
        all: all.length,
      },
      today,
    };
  },

  'aar.exportDocx': (input, ctx) => exportReport(ctx, input.incidentId, 'docx'),
  'aar.exportPdf': (input, ctx) => exportReport(ctx, input.incidentId, 'pdf'),
  'aar.exportIpCsv': (input, ctx) => exportReport(ctx, input.incidentId, 'csv'),
  'aar.document': async (input, ctx) => {
    const { exercise: _exercise, ...file } = await buildReport(ctx, input.incidentId, input.format);
    return file;
  },
};
