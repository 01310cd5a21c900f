import type { SitrepFields, SitrepRecord } from '../../../../shared/contract';
import { UNDELIVERED_STATUSES } from '../../../../shared/domain/request-aging';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../../shared/domain/request-state';
import { unitFor } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import { listDecisions } from '../decision/queries';
import { coalitionTimeZone, formatLocal } from '../incident/time';
import { type getPeriodRow, listObjectives, type IncidentRow } from '../incident/queries';
import { listBoard } from '../log/queries';
import { board as requestBoard } from '../request/board';
import { statusBoard } from '../status/board';
import { typeById } from '../status/catalogue';
import { facilityStatuses } from '../status/queries';
import { figuresOf, responsesTo, statusRequestRows } from '../status/request-metrics';
import { display } from '../status/values';
import { plural } from '../../../../shared/domain/words';

const H = 3_600_000;
export type PeriodRow = NonNullable<ReturnType<typeof getPeriodRow>>;

/** Choices whose label says it all ("On generator", "Evacuating"); others read "Water: Out". */
const SELF_SPEAKING = new Set(['power.source', 'ops.status', 'ed.ems_traffic']);

/**
 * A facility's notable values in words: "Evacuating; No power; fuel 12 hours; to evacuate:
 * 34 ambulatory, 21 non-ambulatory; 3 beds available".
 */
function facilityDetail(db: Db, organisationId: string, tz: string): string {
  const types = typeById(db);
  const rows = db.prepare('SELECT type_id, value_num, value_text FROM status_current WHERE organisation_id = ?').all(organisationId) as {
    type_id: string;
    value_num: number | null;
    value_text: string | null;
  }[];
  const conditions: string[] = [];
  const evacuate: string[] = [];
  const counts: string[] = [];
  let beds = 0;
  let bedTypes = 0;
  for (const t of [...types.values()].filter((x) => rows.some((r) => r.type_id === x.id))) {
    const r = rows.find((x) => x.type_id === t.id)!;
    const v = { n: r.value_num, s: r.value_text };
    if (t.kind === 'choice' && (t.choices.find((c) => c.value === r.value_text)?.severity ?? 0) > 0) {
      conditions.push(SELF_SPEAKING.has(t.code) ? display(t, v, tz) : `${t.label}: ${display(t, v, tz)}`);
    } else if (t.code === 'power.fuel_hours' && r.value_num !== null) conditions.push(`fuel ${display(t, v, tz)}`);
    else if (t.code === 'ed.diversion_reason' && r.value_text) conditions.push(`diversion: ${r.value_text}`);
    else if (t.code.startsWith('evac.') && (r.value_num ?? 0) > 0) evacuate.push(`${r.value_num} ${t.label.replace(/^To evacuate: /, '')}`);
    else if (t.baselineTypeId && r.value_num !== null) {
      beds += r.value_num;
      bedTypes++;
    } else if (t.code === 'beds.ltc.available' || t.code === 'dialysis.chairs_available') counts.push(`${display(t, v, tz)} available`);
  }
  if (bedTypes) counts.unshift(`${beds} ${unitFor('beds', beds)} available`);
  return [...conditions, ...(evacuate.length ? [`to evacuate: ${evacuate.join(', ')}`] : []), ...counts].join('; ');
}

/**
 * What the record says for a situation report of one period: the facility status table,
 * bed totals, open requests, significant events and decisions since the last approved
 * report, and the status requests with their on-time figures. Read through each domain's
 * query module.
 */
export function draftRecord(db: Db, incident: IncidentRow, since: number, now: number): SitrepRecord {
  const tz = coalitionTimeZone(db);
  const { facilities } = facilityStatuses(db, now);
  const sev = { critical: 0, warning: 1, advisory: 2, normal: 3, unknown: 4 } as const;
  const b = statusBoard(db, now);
  const open = requestBoard(db, { incidentId: incident.id, scope: 'open', sort: 'priority', limit: 200, offset: 0 } as Parameters<typeof requestBoard>[1], now);
  return {
    asOf: now,
    since,
    facilities: [...facilities]
      .sort((a, x) => sev[a.headline.severity] - sev[x.headline.severity] || a.name.localeCompare(x.name))
      .map((f) => ({
        name: f.name,
        disciplineLabel: f.disciplineLabel,
        headline: f.headline.words,
        severity: f.headline.severity,
        staleness: f.headline.staleness,
        lastReportAt: f.lastReportAt,
        detail: facilityDetail(db, f.organisationId, tz),
      })),
    beds: b.beds.map((x) => ({ label: x.label, available: x.available, baseline: x.baseline, reporting: x.reporting })),
    totals: b.totals.map((x) => ({ label: x.label, unit: x.unit, total: x.total, reporting: x.reporting })),
    openRequests: open.rows
      .filter((r) => r.status !== 'draft')
      .map((r) => ({ number: r.number, organisation: r.requestingOrganisationName, summary: r.summary, priority: PRIORITY_LABELS[r.priority], status: r.statusLabel, requestedArrival: r.requestedArrival })),
    events: listBoard(db, incident.id)
      .filter((p) => p.entry.occurredAt >= since)
      .map((p) => ({ at: p.entry.occurredAt, text: p.entry.text, by: p.entry.positionTitle })),
    decisions: listDecisions(db, incident.id, false)
      .filter((d) => d.decidedAt >= since)
      .sort((a, x) => a.decidedAt - x.decidedAt)
      .map((d) => ({ at: d.decidedAt, text: `${d.title}: ${d.decision}`, by: `${d.madeByName}, ${d.madeByPositionTitle}` })),
    statusRequests: statusRequestRows(db, incident.id).map((r) => {
      const f = figuresOf(r, responsesTo(db, r));
      return { title: r.title, asked: f.asked, onTime: f.onTime, outstanding: f.outstanding };
    }),
    stale: b.stale,
    overdue: b.overdue,
  };
}

/**
 * Still needed: not yet delivered (the board's undelivered steps), or returned to the
 * requester for changes. Received, assigned, released or returned ones are open on the board
 * but no longer needs. By status label, as the record stores them.
 */
const AWAITING_LABELS = new Set([...UNDELIVERED_STATUSES, 'changes_requested' as const].map((s) => STATUS_LABELS[s]));

/**
 * The resources still needed (not yet delivered) that are due between `prevH` and `h` hours
 * from the report's time, one per line: due at their requested arrival, or, without one, now
 * when urgent and in 24 hours otherwise. Overdue ones fall in the first window.
 */
export function needsWithin(record: Pick<SitrepRecord, 'asOf' | 'openRequests'>, h: number, prevH: number): string {
  return needsDue(record, h, prevH)
    .map((r) => `${r.number} ${r.organisation}: ${r.summary} (${r.priority.toLowerCase()}, ${r.status.toLowerCase()})`)
    .join('\n');
}

/** The requests needsWithin lists, as the record holds them. */
export function needsDue(record: Pick<SitrepRecord, 'asOf' | 'openRequests'>, h: number, prevH: number): SitrepRecord['openRequests'] {
  return record.openRequests
    .filter((r) => AWAITING_LABELS.has(r.status))
    .filter((r) => {
      const due = r.requestedArrival === null ? (r.priority === 'Urgent' ? record.asOf : record.asOf + 24 * H) : r.requestedArrival;
      return due <= record.asOf + h * H && due > record.asOf + prevH * H - (prevH === 0 ? Infinity : 0);
    });
}

/** Each needs text's window as needsWithin takes it: due within the first number of hours, after the second. */
export const NEEDS_WINDOWS = { needs12h: [12, 0], needs24h: [24, 12], needs48h: [48, 24], needs72h: [72, 48] } as const;

/** The conditions the summary names, worst first, as the board's headlines word them. */
export const SUMMARY_CONDITIONS = ['Closed', 'Evacuating', 'No power', 'On diversion', 'Compromised', 'On generator'] as const;

/** What the drafted summary says, as figures: the summary's words and its basis are made from these. */
export function summaryFacts(record: SitrepRecord) {
  return {
    reporting: record.facilities.filter((f) => f.lastReportAt !== null).length,
    members: record.facilities.length,
    conditions: SUMMARY_CONDITIONS.map((w) => ({ w, list: record.facilities.filter((f) => f.headline === w).map((f) => f.name) })),
    beds: record.beds.map((x) => ({ label: x.label, figure: `${x.available}${x.baseline !== null ? ` of ${x.baseline}` : ''}` })),
    stale: record.stale,
    overdue: record.overdue,
  };
}

/** The period's objectives as the report drafts them: numbered, one a line. */
export const objectivesText = (db: Db, period: PeriodRow): string[] => listObjectives(db, period.id).map((o, i) => `${i + 1}. ${o.text}`);

/** Planning's text, pre-filled from the record so that it is edited, not typed from nothing. */
export function prefill(db: Db, record: SitrepRecord, period: PeriodRow): Omit<SitrepFields, 'prognosis'> {
  const tz = coalitionTimeZone(db);
  const f = summaryFacts(record);
  const conditions = f.conditions.filter((c) => c.list.length).map((c) => `${c.w.toLowerCase()}: ${c.list.length} (${c.list.join(', ')})`);
  const beds = f.beds.map((x) => `${x.label} ${x.figure}`).join(', ');
  const summary = [
    `As of ${formatLocal(record.asOf, tz)}, ${f.reporting} of ${plural(f.members, 'member facility', 'member facilities')} ${f.reporting === 1 ? 'has' : 'have'} reported status.`,
    conditions.length ? `Facilities ${conditions.join('; ')}.` : 'No facility reports closure, evacuation, diversion or generator power.',
    beds ? `Beds available (of baseline): ${beds}.` : '',
    f.stale || f.overdue
      ? `${plural(f.stale, 'facility has', 'facilities have')} stale status and ${f.overdue} ${f.overdue === 1 ? 'is' : 'are'} overdue to report.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const within = (w: keyof typeof NEEDS_WINDOWS) => needsWithin(record, NEEDS_WINDOWS[w][0], NEEDS_WINDOWS[w][1]);
  return {
    summary,
    needs12h: within('needs12h'),
    needs24h: within('needs24h'),
    needs48h: within('needs48h'),
    needs72h: within('needs72h'),
    objectivesNext: objectivesText(db, period).join('\n'),
  };
}
