import type { ExportResult } from '../../../../shared/contract';
import type { exportMethods } from '../../../../shared/contract/export';
import { notFound } from '../../errors';
import type { HandlersFor, WriteContext } from '../../registry';
import { linkFullLabel } from '../decision/links';
import { listDecisions } from '../decision/queries';
import { requireIncident, requirePosition } from '../incident/guards';
import { getPeriodRow, staffingFor, type IncidentRow } from '../incident/queries';
import { coalitionTimeZone, formatLocal } from '../incident/time';
import { isDemo } from '../demo/queries';
import { getMessage } from '../message/queries';
import { collectTimeline } from './collect';
import { buildDecisionLog } from './decision-log';
import { buildIcs213 } from './ics213';
import { buildIcs214 } from './ics214';
import { printIntegrity } from '../../integrity/print';
import { chainHeadOf, exportFileName, packageExport, type ExportMeta } from './manifest';
import { buildTimelineCsv } from './timeline-csv';

function context(ctx: WriteContext, incident: IncidentRow, form: ExportMeta['form']) {
  const generatedAt = ctx.services.now();
  const timeZone = coalitionTimeZone(ctx.db);
  const by = `${ctx.actor.operatorName ?? 'unknown'}${ctx.actor.positionTitle ? ` (${ctx.actor.positionTitle})` : ''}`;
  // Every export is a checkpoint: the head signed now is printed in its footer and kept in its manifest.
  const integrity = printIntegrity(ctx.services, 'export');
  const meta: ExportMeta = { form, incidentId: incident.id, incidentName: incident.name, exercise: incident.exercise === 1, generatedAt, actor: ctx.actor, chainHead: chainHeadOf(integrity) };
  // The demonstration coalition is marked on every export, at the top of every page and in
  // the footer, as the sitrep and the 213 RR are: a loose page is never taken for real.
  const demo = isDemo(ctx.db);
  const footer = `${demo ? 'DEMO DATA - ' : ''}${incident.exercise === 1 ? 'EXERCISE - ' : ''}${incident.name} - printed ${formatLocal(generatedAt, timeZone)} by ${by} - ${integrity.line}`;
  return { generatedAt, timeZone, meta, footer, integrity, demo };
}

/** The value seen most often (the first of equals), or undefined when there is none. */
function mostFrequent(values: (string | null)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

/** Every export is audited with its hash: the record shows who produced which file. */
function recordExport(ctx: WriteContext, result: ExportResult): ExportResult {
  ctx.write((tx) =>
    tx.audit('export.generated', {
      form: result.manifest.form,
      fileName: result.fileName,
      sha256: result.manifest.sha256,
      bytes: result.manifest.bytes,
      incidentId: result.manifest.incidentId,
      exercise: result.manifest.exercise,
    }),
  );
  return result;
}

export const exportHandlers: HandlersFor<keyof typeof exportMethods> = {
  'export.activityLog': async (input, ctx) => {
    const incident = requireIncident(ctx.db, input.incidentId);
    const position = requirePosition(ctx.db, input.positionId);
    const period = getPeriodRow(ctx.db, input.periodId);
    if (!period || period.incident_id !== incident.id) throw notFound('That operational period of this incident');
    const { generatedAt, timeZone, meta, footer, integrity, demo } = context(ctx, incident, 'ICS 214');
    const rows = collectTimeline(ctx.db, incident.id, { positionId: position.id, periodId: period.id }).map((r) => ({ ...r, summary: integrity.mark(r.id, r.summary) }));
    const staffed = staffingFor(ctx.db, period.id, position.id);
    // Not staffed on the period's chart: the log's owner is who kept it, the operator who
    // wrote most of its entries signed in as this position.
    const holderName = staffed?.holderName || mostFrequent(rows.filter((r) => r.operatorPositionTitle === position.title).map((r) => r.operatorName));
    const holder = { name: holderName ?? null, position: position.title, homeAgency: staffed?.holderName ? staffed.homeAgency : null };
    const resources = new Map<string, { name: string; position: string; homeAgency: string }>();
    if (holder.name) resources.set(holder.name, { name: holder.name, position: position.title, homeAgency: holder.homeAgency ?? '' });
    for (const r of rows) {
      if (r.operatorName && !resources.has(r.operatorName)) {
        resources.set(r.operatorName, { name: r.operatorName, position: r.operatorPositionTitle ?? '', homeAgency: '' });
      }
    }
    const { bytes } = await buildIcs214({
      incidentName: incident.name,
      incidentNumber: incident.number,
      exercise: incident.exercise === 1,
      demo,
      period: { number: period.number, startsAt: period.starts_at, endsAt: period.ends_at, open: period.status === 'open' },
      unit: position.title,
      holder,
      resources: [...resources.values()],
      rows,
      // The form is the position's own log: its holder prepares and signs it, whoever prints it.
      preparedBy: { name: holder.name ?? '', position: position.title, at: generatedAt },
      timeZone,
      footer,
    });
    const name = exportFileName({ demo, exercise: meta.exercise, form: 'ICS214', incidentName: incident.name, detail: `P${period.number}-${position.code}`, at: generatedAt, ext: 'pdf' });
    return recordExport(ctx, packageExport(name, 'application/pdf', bytes, meta));
  },
  'export.decisionLog': async (input, ctx) => {
    const incident = requireIncident(ctx.db, input.incidentId);
    const { generatedAt, timeZone, meta, footer, integrity, demo } = context(ctx, incident, 'Decision log');
    const decisions = listDecisions(ctx.db, incident.id, true)
      .reverse()
      .map((d) => ({ ...d, title: integrity.mark(d.id, d.title), links: d.links.map((l) => ({ ...l, label: linkFullLabel(ctx.db, l) })) }));
    const { bytes } = await buildDecisionLog({
      incidentName: incident.name,
      incidentNumber: incident.number,
      exercise: incident.exercise === 1,
      demo,
      activationLevel: incident.level_name ?? '',
      decisions,
      byId: new Map(decisions.map((d) => [d.id, d])),
      timeZone,
      footer,
      preparedBy: { name: ctx.actor.operatorName ?? '', position: ctx.actor.positionTitle ?? '', at: generatedAt },
    });
    const name = exportFileName({ demo, exercise: meta.exercise, form: 'DecisionLog', incidentName: incident.name, at: generatedAt, ext: 'pdf' });
    return recordExport(ctx, packageExport(name, 'application/pdf', bytes, meta));
  },
  'export.generalMessage': async (input, ctx) => {
    const message = getMessage(ctx.db, input.messageId);
    if (!message) throw notFound('That message');
    const incident = requireIncident(ctx.db, message.incidentId);
    const { generatedAt, timeZone, meta, footer, integrity, demo } = context(ctx, incident, 'ICS 213');
    const { bytes } = await buildIcs213({
      incidentName: incident.name,
      exercise: incident.exercise === 1,
      demo,
      message: { ...message, subject: integrity.mark(message.id, message.subject) },
      timeZone,
      footer,
      generatedBy: ctx.actor.operatorName ?? '',
      generatedAt,
    });
    const name = exportFileName({ demo, exercise: meta.exercise, form: 'ICS213', incidentName: incident.name, detail: message.subject, at: generatedAt, ext: 'pdf' });
    return recordExport(ctx, packageExport(name, 'application/pdf', bytes, meta));
  },
  'export.timelineCsv': (input, ctx) => {
    const incident = requireIncident(ctx.db, input.incidentId);
    const { generatedAt, timeZone, meta, integrity, demo } = context(ctx, incident, 'Timeline CSV');
    const items = collectTimeline(ctx.db, incident.id, input.filters).map((r) => ({ ...r, summary: integrity.mark(r.id, r.summary) }));
    const bytes = buildTimelineCsv({ incidentName: incident.name, exercise: incident.exercise === 1, demo, items, timeZone });
    const name = exportFileName({ demo, exercise: meta.exercise, form: 'Timeline', incidentName: incident.name, at: generatedAt, ext: 'csv' });
    return recordExport(ctx, packageExport(name, 'text/csv', bytes, meta));
  },
};
