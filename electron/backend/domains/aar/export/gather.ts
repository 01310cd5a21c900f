import type { Db } from '../../../db/open';
import type { Actor } from '../../../db/writer';
import { conflict } from '../../../errors';
import { requireIncident } from '../../incident/guards';
import { formatLocal } from '../../incident/time';
import { getCoalition } from '../../setup/queries';
import { listFrameworks } from '../catalogue';
import { reportRecord } from '../record';
import { reportView } from '../view';
import type { AarDocumentData } from './document-data';

export function gatherDocument(db: Db, incidentId: string, now: number, actor: Actor): AarDocumentData {
  const incident = requireIncident(db, incidentId);
  const view = reportView(db, incidentId, now);
  if (!view) throw conflict(`"${incident.name}" has no after-action report yet: draft it first`);
  const { ctx, tables, frozenAt } = reportRecord(db, incident, now);
  return {
    view,
    framework: listFrameworks(db).find((f) => f.id === view.report.frameworkId) ?? null,
    record: tables,
    recordFrozenAt: frozenAt,
    coalitionName: getCoalition(db)?.name ?? '',
    timelineAppendix: view.report.exerciseId === null,
    generatedAt: now,
    generatedBy: `${actor.operatorName ?? 'unknown'}${actor.positionTitle ? ` (${actor.positionTitle})` : ''}`,
    fmt: ctx.fmt,
    fmtDay: (ms) => formatLocal(ms, ctx.timeZone, false).slice(0, 10),
  };
}
