import { printIntegrity } from '../../integrity/print';
import { newId as uuidv7 } from '../../db/ids';
import type { SitrepRecord, SitrepTextField } from '../../../../shared/contract';
import { SITREP_TEXT_FIELDS, SITREP_TEXT_LABELS, type sitrepMethods } from '../../../../shared/contract/sitrep';
import { conflict, notFound } from '../../errors';
import type { HandlersFor, ReadContext } from '../../registry';
import { isDemo } from '../demo/queries';
import { chainHeadOf, exportFileName, packageExport } from '../export/manifest';
import { requireIncident } from '../incident/guards';
import { getPeriodRow } from '../incident/queries';
import { coalitionTimeZone, formatLocal } from '../incident/time';
import { layout } from './content';
import { sitrepDocx } from './docx';
import { basisColumn, basisJson, basisOf, figuresOf, TEXT_COLUMNS } from './basis';
import { draftRecord, prefill } from './draft';
import { sitrepPdf } from './pdf';
import {
  fieldsOf,
  lastApprovedAsOf,
  nextVersionNumber,
  sitrepForPeriod,
  sitrepRow,
  sitrepRows,
  toSitrep,
  toVersion,
  versionRow,
} from './queries';

function requireSitrep(ctx: ReadContext, id: string) {
  const r = sitrepRow(ctx.db, id);
  if (!r) throw notFound('That situation report');
  return r;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;

export const sitrepHandlers: HandlersFor<keyof typeof sitrepMethods> = {
  'sitrep.list': ({ incidentId }, ctx) => ({
    sitreps: sitrepRows(ctx.db, incidentId).map((r) => {
      const s = toSitrep(ctx.db, r);
      return {
        id: s.id,
        periodId: s.periodId,
        periodNumber: s.periodNumber,
        draftedAt: s.draftedAt,
        latestVersion: s.versions.at(-1)?.version ?? null,
        unapprovedChanges: s.unapprovedChanges,
      };
    }),
  }),
  'sitrep.get': ({ id }, ctx) => ({ sitrep: toSitrep(ctx.db, requireSitrep(ctx, id)) }),
  'sitrep.draft': ({ incidentId, periodId }, ctx) => {
    const incident = requireIncident(ctx.db, incidentId);
    const period = getPeriodRow(ctx.db, periodId);
    if (!period || period.incident_id !== incident.id) throw notFound('That operational period of this incident');
    const now = ctx.services.now();
    const existing = sitrepForPeriod(ctx.db, period.id);
    const since = lastApprovedAsOf(ctx.db, incident.id, existing?.id) ?? incident.started_at;
    const record = draftRecord(ctx.db, incident, since, now);
    const p = prefill(ctx.db, record, period);
    const figures = figuresOf(ctx.db, record, period);
    const drafted = (f: SitrepTextField) => basisJson({ asOf: record.asOf, edited: false, figures: figures[f] });
    const id = ctx.write((tx) => {
      if (existing) {
        // Refreshing redrafts each text the console drafted and planning has not edited
        // since; an edited text is kept with its basis, and named if its figures changed.
        const cols: Record<string, string | number> = { record: JSON.stringify(record), drafted_at: now };
        for (const f of SITREP_TEXT_FIELDS) {
          const b = basisOf(ctx.db, existing, f, period);
          if (!b.edited || existing[TEXT_COLUMNS[f]] === p[f]) {
            cols[TEXT_COLUMNS[f]] = p[f];
            cols[basisColumn(f)] = drafted(f);
          } else if (existing[basisColumn(f)] === null) cols[basisColumn(f)] = basisJson(b);
        }
        tx.put('sitreps', existing.id, cols);
        return existing.id;
      }
      const id = uuidv7();
      tx.put('sitreps', id, {
        incident_id: incident.id,
        period_id: period.id,
        summary: p.summary,
        needs_12h: p.needs12h,
        needs_24h: p.needs24h,
        needs_48h: p.needs48h,
        needs_72h: p.needs72h,
        objectives_next: p.objectivesNext,
        prognosis: null,
        record: JSON.stringify(record),
        drafted_at: now,
        ...Object.fromEntries(SITREP_TEXT_FIELDS.map((f) => [basisColumn(f), drafted(f)])),
      });
      return id;
    });
    return { sitrep: toSitrep(ctx.db, sitrepRow(ctx.db, id)!) };
  },
  'sitrep.save': ({ id, keep, ...fields }, ctx) => {
    const r = requireSitrep(ctx, id);
    const period = getPeriodRow(ctx.db, r.period_id)!;
    const record = JSON.parse(r.record) as SitrepRecord;
    const cols: Record<string, string | null> = {};
    if (fields.prognosis !== undefined) cols.prognosis = fields.prognosis;
    let draft: ReturnType<typeof prefill> | undefined;
    let figures: ReturnType<typeof figuresOf> | undefined;
    for (const f of SITREP_TEXT_FIELDS) {
      const v = fields[f];
      const changed = v !== undefined && v !== r[TEXT_COLUMNS[f]];
      if (changed) cols[TEXT_COLUMNS[f]] = v;
      // A text typed now, or kept as written on sight of the figures, is written against
      // the record the report holds now; one that reads as the console drafts it is drafted.
      if (changed || keep?.includes(f)) {
        const text = changed ? v : r[TEXT_COLUMNS[f]];
        const edited = text !== (draft ??= prefill(ctx.db, record, period))[f];
        cols[basisColumn(f)] = basisJson({ asOf: record.asOf, edited, figures: (figures ??= figuresOf(ctx.db, record, period))[f] });
      }
    }
    if (Object.keys(cols).length) ctx.write((tx) => tx.put('sitreps', id, cols));
    return { sitrep: toSitrep(ctx.db, requireSitrep(ctx, id)) };
  },
  'sitrep.approve': ({ id }, ctx) => {
    const r = requireSitrep(ctx, id);
    const fields = fieldsOf(r);
    if (!fields.summary.trim()) throw conflict('Write the situation summary before approving');
    if (!fields.prognosis) throw conflict('Choose the prognosis (improving, no change or worsening) before approving');
    const s = toSitrep(ctx.db, r);
    const check = s.textChecks[0];
    if (check)
      throw conflict(
        `${SITREP_TEXT_LABELS[check.field]} was written against the figures of ${formatLocal(check.writtenAgainst, coalitionTimeZone(ctx.db))}, which have changed (${check.changes.join('; ')}): edit it, take the text redrafted from the record, or keep it as written before approving`,
      );
    if (!s.unapprovedChanges)
      throw conflict(
        `Version ${s.versions.at(-1)!.version} already says exactly this; edit the draft or refresh it from the record first`,
      );
    const versionId = ctx.write((tx) => {
      const { version, supersedesId } = nextVersionNumber(ctx.db, r.id);
      return tx.appendFact('sitrep_versions', {
        sitrep_id: r.id,
        incident_id: r.incident_id,
        period_id: r.period_id,
        version,
        supersedes_id: supersedesId,
        content: JSON.stringify({ fields, record: JSON.parse(r.record) as unknown }),
        occurred_at: tx.now(),
      });
    });
    return { version: toVersion(ctx.db, versionRow(ctx.db, versionId)!) };
  },
  'sitrep.version': ({ id }, ctx) => {
    const v = versionRow(ctx.db, id);
    if (!v) throw notFound('That approved situation report');
    return { version: toVersion(ctx.db, v) };
  },
  'sitrep.export': async ({ versionId, format }, ctx) => {
    const row = versionRow(ctx.db, versionId);
    if (!row) throw notFound('That approved situation report');
    const v = toVersion(ctx.db, row);
    const tz = coalitionTimeZone(ctx.db);
    const generatedAt = ctx.services.now();
    const by = `${ctx.actor.operatorName ?? 'unknown'}${ctx.actor.positionTitle ? ` (${ctx.actor.positionTitle})` : ''}`;
    // Every export is a checkpoint: the head signed now is printed in its footer and kept in its manifest.
    const integrity = printIntegrity(ctx.services, 'export');
    const footer = `${v.exercise ? 'EXERCISE - ' : ''}${v.incidentName} - situation report period ${v.periodNumber} v${v.version} - generated ${formatLocal(generatedAt, tz)} by ${by} - ${integrity.line}`;
    const l = layout(v, tz, isDemo(ctx.db));
    const docTitle = `Situation report - ${v.incidentName} - period ${v.periodNumber} v${v.version}`;
    const bytes =
      format === 'pdf'
        ? (
            await sitrepPdf(l, {
              footer,
              docTitle,
              author: ctx.actor.operatorName ?? '',
              createdAt: new Date(generatedAt),
              exercise: v.exercise,
            })
          ).bytes
        : await sitrepDocx(l, { footer, docTitle, author: ctx.actor.operatorName ?? '' });
    const fileName = exportFileName({
      demo: isDemo(ctx.db),
      exercise: v.exercise,
      form: 'SITREP',
      incidentName: v.incidentName,
      detail: `P${v.periodNumber}-v${v.version}`,
      at: generatedAt,
      ext: format,
    });
    const result = packageExport(fileName, format === 'pdf' ? 'application/pdf' : DOCX, bytes, {
      form: 'Situation report',
      incidentId: v.incidentId,
      incidentName: v.incidentName,
      exercise: v.exercise,
      generatedAt,
      actor: ctx.actor,
      chainHead: chainHeadOf(integrity),
    });
    ctx.write((tx) =>
      tx.audit('export.generated', {
        form: 'Situation report',
        fileName,
        sha256: result.manifest.sha256,
        bytes: result.manifest.bytes,
        incidentId: v.incidentId,
        exercise: v.exercise,
        versionId,
      }),
    );
    return result;
  },
};
