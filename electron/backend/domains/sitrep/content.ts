import type { SitrepVersion } from '../../../../shared/contract';
import { PROGNOSIS_LABELS } from '../../../../shared/contract/sitrep';
import { unitFor } from '../../../../shared/domain/status-rules';
import { formatLocal } from '../incident/time';
import { plural } from '../../../../shared/domain/words';

/**
 * A situation report laid out once as titled sections of text and tables, so the PDF and
 * the DOCX print the same thing in the same order.
 */
export type Section =
  | { kind: 'text'; title: string; text: string }
  | { kind: 'table'; title: string; columns: { label: string; width: number; fit?: boolean }[]; rows: string[][]; empty: string };

export interface Layout {
  title: string;
  marks: string[];
  header: { label: string; value: string }[];
  sections: Section[];
  note: string;
}

const n = (v: number) => v.toLocaleString('en-US');

/**
 * A time on the printed report: the clock time on the report's own day, with the date on
 * another ("17:08 EST", "2026-12-05 21:28 EST"). A printed record is read later, when an
 * age ("5 h 26 min before") no longer says when.
 */
export function clockTime(ms: number, asOf: number, tz: string): string {
  const full = formatLocal(ms, tz);
  return full.slice(0, 10) === formatLocal(asOf, tz).slice(0, 10) ? full.slice(11) : full;
}

export function layout(v: SitrepVersion, tz: string, demo: boolean): Layout {
  const at = (ms: number) => formatLocal(ms, tz);
  const f = v.fields;
  const r = v.record;
  return {
    title: 'SITUATION REPORT',
    marks: [v.exercise ? 'EXERCISE EXERCISE EXERCISE' : null, demo ? 'DEMO DATA - FICTIONAL COALITION, NOT A REAL REPORT' : null].filter((x): x is string => !!x),
    header: [
      { label: 'Incident', value: `${v.incidentName}${v.exercise ? ' (EXERCISE)' : ''}` },
      { label: 'Operational period', value: `${v.periodNumber}: ${at(v.periodStartsAt)} to ${at(v.periodEndsAt)}` },
      { label: 'Report', value: `Version ${v.version}${v.supersededById ? ' (superseded by a later version)' : ''}, as of ${at(r.asOf)}` },
      { label: 'Approved', value: `${v.approvedBy ?? 'Unattributed'}${v.positionTitle ? `, ${v.positionTitle}` : ''}, ${at(v.approvedAt)}` },
      { label: 'Prognosis', value: f.prognosis ? PROGNOSIS_LABELS[f.prognosis] : 'Not given' },
    ],
    sections: [
      { kind: 'text', title: 'Situation summary', text: f.summary || 'None given.' },
      {
        kind: 'table',
        title: 'Facility status',
        columns: [
          { label: 'Facility', width: 2.6 },
          { label: 'Type', width: 1.5 },
          { label: 'Status', width: 1.7 },
          { label: 'Detail', width: 4 },
          { label: 'Last report', width: 1.7 },
        ],
        rows: r.facilities.map((x) => [
          x.name,
          x.disciplineLabel,
          x.headline,
          x.detail,
          x.lastReportAt === null ? 'Never' : `${clockTime(x.lastReportAt, r.asOf, tz)}${x.staleness && x.staleness !== 'CURRENT' ? ` (${x.staleness})` : ''}`,
        ]),
        empty: 'No facility reports status.',
      },
      {
        kind: 'table',
        title: 'Beds available (HAvBED types)',
        columns: [
          { label: 'Bed type', width: 3 },
          { label: 'Available', width: 1 },
          { label: 'Baseline', width: 1 },
          { label: 'Hospitals reporting', width: 1.4 },
        ],
        rows: r.beds.map((b) => [b.label, n(b.available), b.baseline === null ? '' : n(b.baseline), n(b.reporting)]),
        empty: 'No bed counts reported.',
      },
      {
        kind: 'table',
        title: 'Other region totals',
        columns: [
          { label: 'What', width: 3 },
          { label: 'Total', width: 1.4 },
          { label: 'Facilities reporting', width: 1.4 },
        ],
        rows: r.totals.map((t) => [t.label, `${n(t.total)}${t.unit ? ` ${unitFor(t.unit, t.total)}` : ''}`, n(t.reporting)]),
        empty: 'None reported.',
      },
      {
        kind: 'table',
        title: 'Critical resource needs',
        columns: [
          { label: 'Within', width: 1 },
          { label: 'Needs', width: 8 },
        ],
        rows: [
          ['12 hours', f.needs12h],
          ['24 hours', f.needs24h],
          ['48 hours', f.needs48h],
          ['72 hours', f.needs72h],
        ].map(([a, b]) => [a!, b || 'None identified.']),
        empty: '',
      },
      {
        kind: 'table',
        title: 'Open resource requests',
        columns: [
          { label: 'Number', width: 1, fit: true },
          { label: 'Requested by', width: 2.4 },
          { label: 'What', width: 3.6 },
          { label: 'Priority', width: 1 },
          { label: 'Status', width: 1.4 },
        ],
        rows: r.openRequests.map((q) => [q.number, q.organisation, q.summary, q.priority, q.status]),
        empty: 'No open requests.',
      },
      {
        kind: 'table',
        title: `Significant events since ${at(r.since)}`,
        columns: [
          { label: 'When', width: 1.6 },
          { label: 'Event', width: 6 },
          { label: 'Logged by', width: 2 },
        ],
        rows: r.events.map((e) => [at(e.at), e.text, e.by]),
        empty: 'None on the significant events board.',
      },
      {
        kind: 'table',
        title: `Decisions since ${at(r.since)}`,
        columns: [
          { label: 'When', width: 1.6 },
          { label: 'Decision', width: 6 },
          { label: 'Made by', width: 2 },
        ],
        rows: r.decisions.map((d) => [at(d.at), d.text, d.by]),
        empty: 'None recorded.',
      },
      {
        kind: 'table',
        title: 'Status requests (HPP measure J.1: reported within the requested time)',
        columns: [
          { label: 'Request', width: 5 },
          { label: 'Asked', width: 1 },
          { label: 'On time', width: 1 },
          { label: 'Outstanding', width: 1.2 },
        ],
        rows: r.statusRequests.map((s) => [s.title, n(s.asked), `${n(s.onTime)} (${s.asked ? Math.round((s.onTime / s.asked) * 100) : 0}%)`, n(s.outstanding)]),
        empty: 'No status requests in this incident.',
      },
      { kind: 'text', title: 'Objectives for the next operational period', text: f.objectivesNext || 'None given.' },
    ],
    note: `Facility status as of ${at(r.asOf)}: ${plural(r.stale, 'facility', 'facilities')} with stale values, ${r.overdue} overdue. Values are as last reported by each facility; STALE means older than its reporting interval, OVERDUE twice the interval.`,
  };
}
