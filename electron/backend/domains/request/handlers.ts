import { createHash } from 'node:crypto';
import { fileNamePart } from '../export/file-name';
import type { requestMethods } from '../../../../shared/contract/request';
import { forbidden, notFound } from '../../errors';
import type { ReadContext } from '../../registry';
import type { HandlersFor } from '../../registry';
import { board } from './board';
import { requestCharts } from './charts';
import { requestDetail } from './detail';
import { toEvent } from './events';
import { workstationNames } from '../sync/queries';
import { FAILED_MARK, printIntegrity } from '../../integrity/print';
import { formPdf } from './form-pdf';
import { historyCsv } from './history-csv';
import { isDemo } from '../demo/queries';
import { eventsOf, incidentInfo, requestRow } from './queries';
import { createRequest, duplicateRequest, updateRequest } from './records';
import { sourcingOptions } from './sourcing-options';
import { applyStep } from './steps';
import { coalitionZone } from './times';
import { chainHeadOf, manifestOf } from '../export/manifest';
import { markedFileName } from '../export/marks';

// The on-duty position, read with the session and kept by the backend (ReadContext.position).
const positionOf = (ctx: ReadContext) => ctx.position;
const detail = (ctx: ReadContext, id: string) => requestDetail(ctx.db, id, positionOf(ctx), ctx.services.now());
const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

export const requestHandlers: HandlersFor<keyof typeof requestMethods> = {
  'request.create': (input, ctx) => ctx.write((tx) => ({ request: detail(ctx, createRequest(tx, ctx.db, input)) })),
  'request.update': ({ id, ...fields }, ctx) =>
    ctx.write((tx) => {
      updateRequest(tx, ctx.db, id, fields);
      return { request: detail(ctx, id) };
    }),
  'request.duplicate': ({ id }, ctx) => ctx.write((tx) => ({ request: detail(ctx, duplicateRequest(tx, ctx.db, id)) })),
  'request.transition': (step, ctx) =>
    // The session is read once, inside the write's transaction, for the step and the answer.
    ctx.write((tx) => {
      const position = positionOf(ctx);
      if (!position) throw forbidden('Sign in with your name and position before recording a step');
      const { eventId } = applyStep(tx, ctx.db, step, position);
      return { request: requestDetail(ctx.db, step.id, position, ctx.services.now()), eventId };
    }),
  'request.get': ({ id }, ctx) => ({ request: detail(ctx, id) }),
  'request.board': (input, { db, services }) => board(db, input, services.now()),
  'request.history': ({ id }, { db }) => {
    const r = requestRow(db, id);
    if (!r) throw notFound('That request');
    return { id, number: r.number, status: r.status, events: eventsOf(db, id).map(toEvent) };
  },
  'request.sourcingOptions': ({ id }, { db, services }) => {
    if (!requestRow(db, id)) throw notFound('That request');
    return sourcingOptions(db, id, services.now());
  },
  'request.charts': ({ incidentId, buckets }, { db, services }) => {
    if (!incidentInfo(db, incidentId)) throw notFound('That incident');
    return requestCharts(db, incidentId, buckets, services.now());
  },
  'request.formPdf': async ({ id }, ctx) => {
    // A request written after the demonstration coalition was loaded is in a demo store: marked too.
    const r = { ...detail(ctx, id), ...(isDemo(ctx.db) ? { demo: true } : {}) };
    const printedAt = ctx.services.now();
    const integrity = printIntegrity(ctx.services, 'print');
    const events = eventsOf(ctx.db, id).map(toEvent).map((e) => ({ ...e, summary: integrity.mark(e.id, e.summary) }));
    const flagged = integrity.mark(r.id, '') !== '' || events.some((e) => e.summary.startsWith(FAILED_MARK));
    const printedBy = `${ctx.actor.operatorName ?? 'unknown'}${ctx.actor.positionTitle ? ` (${ctx.actor.positionTitle})` : ''}`;
    const { bytes, pages } = await formPdf(r, events, coalitionZone(ctx.db), { at: printedAt, by: printedBy, witness: integrity.line, flagged, workstations: workstationNames(ctx.db) });
    const hash = sha256(bytes);
    const fileName = markedFileName(`ICS-213RR-${r.number}${r.exercise ? '-EXERCISE' : ''}.pdf`, { demo: !!r.demo });
    ctx.write((tx) => tx.audit('request.formExported', { requestId: id, number: r.number, fileName, sha256: hash }));
    const meta = { form: 'ICS 213RR' as const, incidentId: r.incidentId, incidentName: r.incidentName, exercise: r.exercise, generatedAt: printedAt, actor: ctx.actor, chainHead: chainHeadOf(integrity) };
    return { fileName, mimeType: 'application/pdf' as const, base64: Buffer.from(bytes).toString('base64'), pages, sha256: hash, exercise: r.exercise, ...manifestOf(fileName, bytes, meta) };
  },
  'request.historyCsv': (by, ctx) => {
    let name: string;
    if (by.requestId) {
      const r = requestRow(ctx.db, by.requestId);
      if (!r) throw notFound('That request');
      name = r.number;
    } else {
      const i = incidentInfo(ctx.db, by.incidentId!);
      if (!i) throw notFound('That incident');
      name = fileNamePart(i.name, 'incident');
    }
    const { csv, rows } = historyCsv(ctx.db, by);
    const hash = sha256(csv);
    const fileName = markedFileName(`request-history-${name}.csv`, { demo: isDemo(ctx.db) });
    ctx.write((tx) => tx.audit('request.historyExported', { ...by, fileName, rows, sha256: hash }));
    const incident = by.incidentId ? incidentInfo(ctx.db, by.incidentId) : incidentInfo(ctx.db, requestRow(ctx.db, by.requestId!)!.incident_id);
    const chainHead = chainHeadOf(printIntegrity(ctx.services, 'export'));
    const meta = { form: 'Request history CSV' as const, incidentId: incident?.id ?? null, incidentName: incident?.name ?? null, exercise: !!incident?.exercise, generatedAt: ctx.services.now(), actor: ctx.actor, chainHead };
    return { fileName, mimeType: 'text/csv' as const, csv, rows, sha256: hash, ...manifestOf(fileName, new TextEncoder().encode(csv), meta) };
  },
};
