import type { MethodOutput } from '../../../../shared/contract';
import { BOARD_CONDITIONS, CONDITION_SEVERITY, type Severity } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import { statusTypes } from './catalogue';
import { facilityStatuses } from './queries';
import { bucketOf } from './apply';
import { firstBucketWith, totalAt } from './trend';

type Board = MethodOutput<'status.board'>;
const DAY = 24 * 3_600_000;

/**
 * Region totals of the summed types now: the newest trend bucket of each, which the writer
 * moves with every report that changes the total (apply.ts), one indexed read per type.
 */
export function regionTotals(db: Db, typeIds: readonly string[]): Map<string, { total: number; reporting: number }> {
  const newest = db.prepare('SELECT total, reporting FROM status_trend WHERE type_id = ? ORDER BY bucket DESC LIMIT 1');
  const out = new Map<string, { total: number; reporting: number }>();
  for (const id of typeIds) {
    const r = newest.get(id) as { total: number; reporting: number } | undefined;
    if (r) out.set(id, { total: r.total, reporting: r.reporting });
  }
  return out;
}

/**
 * The change of a region total since `from`, or, when fewer facilities had reported then,
 * since the first time as many as now had: a total that grew only because more hospitals
 * began to report is not a change in beds.
 */
function changeOver(db: Db, typeId: string, total: number, reporting: number, from: number): { delta: number; since: number } | null {
  const first = firstBucketWith(db, typeId, reporting, bucketOf(from));
  if (first === null) return null;
  const since = Math.max(from, first);
  return { delta: total - totalAt(db, typeId, since), since };
}

/**
 * The facility part of the situation board: available beds by type beside their baseline
 * and their change over 24 hours, the other region totals (never adding unlike units),
 * the facilities in each condition, and how many have stale or overdue values.
 */
export function statusBoard(db: Db, now: number): Board {
  const { level, facilities } = facilityStatuses(db, now);
  const types = statusTypes(db);
  const totals = regionTotals(
    db,
    types.filter((t) => t.aggregate === 'sum').map((t) => t.id),
  );
  const baselines = new Set(types.map((t) => t.baselineTypeId).filter((x): x is string => !!x));
  const beds: Board['beds'] = [];
  const others: Board['totals'] = [];
  for (const t of types) {
    if (t.aggregate !== 'sum' || baselines.has(t.id)) continue;
    const tot = totals.get(t.id);
    if (!tot || tot.reporting === 0) continue;
    if (t.baselineTypeId) {
      const base = totals.get(t.baselineTypeId);
      beds.push({
        typeId: t.id,
        label: t.label.replace(/ beds available$/, ''),
        available: tot.total,
        baseline: base && base.reporting > 0 ? base.total : null,
        reporting: tot.reporting,
        change: changeOver(db, t.id, tot.total, tot.reporting, now - DAY),
      });
    } else {
      others.push({ typeId: t.id, label: t.label, unit: t.unit, total: tot.total, reporting: tot.reporting });
    }
  }
  const bySeverity: Record<Severity, number> = { critical: 0, warning: 1, advisory: 2, normal: 3, unknown: 4 };
  const conditions = BOARD_CONDITIONS.map((words) => {
    const list = facilities.filter((f) => f.conditions.some((c) => c.words === words));
    const severity = CONDITION_SEVERITY[words] ?? 'normal';
    return {
      words,
      severity,
      facilities: list.map((f) => ({ organisationId: f.organisationId, name: f.name, staleness: f.conditions.find((c) => c.words === words)!.staleness })),
    };
  })
    .filter((c) => c.facilities.length > 0 || ['Closed', 'Evacuating', 'On diversion', 'On generator'].includes(c.words))
    .sort((a, b) => bySeverity[a.severity] - bySeverity[b.severity]);
  return {
    now,
    level,
    beds,
    totals: others,
    conditions,
    facilities: facilities.length,
    stale: facilities.filter((f) => f.stale > 0 && f.overdue === 0).length,
    overdue: facilities.filter((f) => f.overdue > 0).length,
    neverReported: facilities.filter((f) => f.lastReportAt === null).length,
  };
}
