import { printIntegrity } from '../../integrity/print';
import type { statusMethods } from '../../../../shared/contract/status';
import { notFound } from '../../errors';
import type { HandlersFor, ReadContext, WriteContext } from '../../registry';
import { isDemo } from '../demo/queries';
import { chainHeadOf, exportFileName, packageExport } from '../export/manifest';
import { assertNotFuture } from '../incident/guards';
import { getIncidentRow, openActiveIncidentId } from '../incident/queries';
import { getCoalition } from '../setup/queries';
import { statusBoard } from './board';
import { currentLevel, eeiSets, levels, statusTypes, toStatusType, typeById } from './catalogue';
import { saveType } from './catalogue-edit';
import { exportHave } from './have-export';
import { commitImport, planImport } from './import';
import {
  contactLines,
  currentValues,
  currentValuesOf,
  facilityStatus,
  facilityStatuses,
  reportHistory,
} from './queries';
import { appendReport, flagsFor, requireFacility } from './record';
import { statusRequestRow, statusRequestRows } from './request-metrics';
import { createStatusRequest, toRequestDetail, toRequestSummary } from './requests';
import { conditionsOverTime, trendSeries } from './trend';

/** The incident a report or request belongs to: this workstation's active one, when open. */
function openActiveIncident(ctx: ReadContext): string | null {
  return openActiveIncidentId(ctx.db, ctx.services.workstationId);
}

const strip = <T extends { conditions: unknown }>(f: T): Omit<T, 'conditions'> => {
  const { conditions: _omit, ...rest } = f;
  return rest;
};

function requireRequest(ctx: ReadContext, id: string) {
  const r = statusRequestRow(ctx.db, id);
  if (!r) throw notFound('That status request');
  return r;
}

function reportTime(ctx: WriteContext, at: number | undefined): number {
  const now = ctx.services.now();
  if (at === undefined) return now;
  assertNotFuture(ctx.db, at, now, 'The time reported', 'occurredAt');
  return at;
}

export const statusHandlers: HandlersFor<keyof typeof statusMethods> = {
  'status.catalogue': (_input, { db }) => {
    const level = currentLevel(db);
    return {
      types: statusTypes(db).map((t) => toStatusType(db, t, level)),
      sets: [...eeiSets(db)].map(([discipline, typeIds]) => ({ discipline, typeIds: [...typeIds] })),
      level,
      levels: levels(db),
    };
  },
  'status.saveType': (input, ctx) => {
    const id = ctx.write((tx) => saveType(tx, ctx.db, input));
    return { type: toStatusType(ctx.db, typeById(ctx.db).get(id)!, currentLevel(ctx.db)) };
  },
  'status.facilities': (input, ctx) => {
    const now = ctx.services.now();
    const { level, facilities } = facilityStatuses(ctx.db, now, input);
    return { now, level, facilities: facilities.map(strip) };
  },
  'status.facility': ({ organisationId }, ctx) => {
    const now = ctx.services.now();
    const org = requireFacility(ctx.db, organisationId);
    const facility = facilityStatus(ctx.db, org.id, now)!;
    return {
      now,
      facility: strip(facility),
      typeIds: [...(eeiSets(ctx.db).get(org.discipline) ?? [])],
      values: currentValues(ctx.db, org.id, now),
      contacts: contactLines(ctx.db, org.id),
      lastReport: reportHistory(ctx.db, org.id, 1)[0] ?? null,
    };
  },
  'status.currentValues': ({ organisationIds, typeIds }, ctx) => ({
    values: currentValuesOf(ctx.db, organisationIds, typeIds, ctx.services.now()),
  }),
  'status.check': ({ organisationId, values }, { db }) => ({
    flags: flagsFor(db, requireFacility(db, organisationId), values),
  }),
  'status.report': (input, ctx) => {
    const occurredAt = reportTime(ctx, input.occurredAt);
    if (input.statusRequestId) requireRequest(ctx, input.statusRequestId);
    // Read inside the write's transaction: a read outside it opens a read transaction of its own.
    return ctx.write((tx) => appendReport(tx, ctx.db, { ...input, occurredAt, incidentId: openActiveIncident(ctx) }));
  },
  'status.reportMany': (input, ctx) => {
    const occurredAt = reportTime(ctx, input.occurredAt);
    if (input.statusRequestId) requireRequest(ctx, input.statusRequestId);
    const incidentId = openActiveIncident(ctx);
    return ctx.write((tx) => ({
      reportIds: input.reports.map(
        (r) =>
          appendReport(tx, ctx.db, {
            ...r,
            occurredAt,
            source: input.source,
            statusRequestId: input.statusRequestId,
            incidentId,
          }).reportId,
      ),
    }));
  },
  'status.history': ({ organisationId, limit }, { db }) => {
    requireFacility(db, organisationId);
    return { reports: reportHistory(db, organisationId, limit) };
  },
  'status.board': (_input, ctx) => statusBoard(ctx.db, ctx.services.now()),
  'status.trend': ({ typeIds, from, to }, { db }) => ({ series: trendSeries(db, typeIds, from, to) }),
  'status.conditionsOverTime': ({ from, to }, { db }) => conditionsOverTime(db, from, to),
  'status.requestCreate': (input, ctx) => {
    const now = ctx.services.now();
    if (input.requestedAt !== undefined)
      assertNotFuture(ctx.db, input.requestedAt, now, 'The time the request went out', 'requestedAt');
    const incidentId = input.incidentId ?? openActiveIncident(ctx);
    if (input.incidentId && !getIncidentRow(ctx.db, input.incidentId)) throw notFound('That incident');
    const id = ctx.write((tx) => createStatusRequest(tx, ctx.db, input, incidentId, now));
    return { request: toRequestDetail(ctx.db, requireRequest(ctx, id), now) };
  },
  'status.requests': ({ incidentId }, ctx) => {
    const now = ctx.services.now();
    return { requests: statusRequestRows(ctx.db, incidentId).map((r) => toRequestSummary(ctx.db, r, now)) };
  },
  'status.request': ({ id }, ctx) => {
    const now = ctx.services.now();
    return { request: toRequestDetail(ctx.db, requireRequest(ctx, id), now), now };
  },
  'status.exportHave': (_input, ctx) => {
    const sentAt = ctx.services.now();
    const coalitionName = getCoalition(ctx.db)?.name ?? 'Coalition';
    const openIncidents = ctx.db
      .prepare("SELECT exercise FROM incidents WHERE status = 'open' AND deleted = 0")
      .all() as { exercise: number }[];
    // An exercise (or the demonstration coalition) must never pass for real status: the file
    // name and manifest say EXERCISE for either, the envelope Exercise or Test (demo).
    const demo = isDemo(ctx.db);
    const exercising = openIncidents.length > 0 && openIncidents.every((i) => i.exercise === 1);
    const exercise = demo || exercising;
    const { xml, hospitals } = exportHave(ctx.db, {
      sentAt,
      senderId: `${ctx.services.workstationId}@eoc-console`,
      exercise: exercising,
      demo,
      coalitionName,
    });
    const fileName = exportFileName({
      demo,
      exercise,
      form: 'EDXL-HAVE',
      incidentName: coalitionName,
      at: sentAt,
      ext: 'xml',
    });
    const result = packageExport(fileName, 'application/xml', new TextEncoder().encode(xml), {
      form: 'EDXL-HAVE',
      incidentId: '',
      incidentName: coalitionName,
      exercise,
      generatedAt: sentAt,
      actor: ctx.actor,
      chainHead: chainHeadOf(printIntegrity(ctx.services, 'export')),
    });
    ctx.write((tx) =>
      tx.audit('export.generated', {
        form: 'EDXL-HAVE',
        fileName,
        sha256: result.manifest.sha256,
        bytes: result.manifest.bytes,
        hospitals,
        exercise,
      }),
    );
    return { ...result, hospitals };
  },
  'status.importPreview': ({ format, text }, ctx) => planImport(ctx.db, format, text, ctx.services.now()).preview,
  'status.importCommit': ({ format, text, digest }, ctx) =>
    ctx.write((tx) => commitImport(tx, ctx.db, format, text, digest, ctx.services.now())),
};
