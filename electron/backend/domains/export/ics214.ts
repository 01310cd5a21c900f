import type { TimelineItem } from '../../../../shared/contract';
import { formatLocal } from '../incident/time';
import { DEMO_MARK, FormWriter } from './pdf/form';

export interface Ics214Data {
  incidentName: string;
  incidentNumber: string | null;
  exercise: boolean;
  /** The demonstration coalition: DEMO DATA at the top of every page. */
  demo?: boolean;
  period: { number: number; startsAt: number; endsAt: number; open: boolean };
  unit: string;
  holder: { name: string | null; position: string; homeAgency: string | null };
  resources: { name: string; position: string; homeAgency: string }[];
  rows: TimelineItem[];
  preparedBy: { name: string; position: string; at: number };
  timeZone: string;
  footer: string;
}

const SOURCE_WORDS: Record<string, string> = { radio: 'radio', phone: 'phone', paper: 'paper', email: 'email', in_person: 'in person', other: 'another source' };

/** ICS 214 block 7 "Notable Activities" for one record, with its marks spelled out. */
export function activityText(item: TimelineItem, byId: Map<string, TimelineItem>, tz: string): string {
  const parts: string[] = [];
  if (item.kind === 'entry') {
    if (item.refId) {
      const original = byId.get(item.refId);
      const at = `recorded ${formatLocal(item.recordedAt, tz, false)}`;
      parts.push(original ? `CORRECTION (${at}) of the entry of ${formatLocal(original.occurredAt, tz, false)}:` : `CORRECTION (${at}) of an earlier entry:`);
    }
    parts.push(item.category ? `[${item.category}] ${item.summary}` : item.summary);
    if (item.replaced) parts.push('[Corrected by a later entry; this text stands as first recorded.]');
  } else if (item.kind === 'decision') {
    parts.push(`DECISION: ${item.summary}`);
    if (item.replaced) parts.push('[Superseded by a later decision.]');
  } else {
    parts.push(item.summary);
  }
  if (item.transcribed) {
    const from = item.source && item.source !== 'direct' ? ` from ${SOURCE_WORDS[item.source] ?? item.source}` : '';
    parts.push(`[Transcribed${from}; recorded ${formatLocal(item.recordedAt, tz, false)}.]`);
  }
  if (item.operatorName) parts.push(`(${item.operatorName})`);
  return parts.join(' ');
}

/** ICS 214 Activity Log laid out with the FEMA form's blocks 1-8. */
export async function buildIcs214(d: Ics214Data): Promise<{ bytes: Uint8Array; pagesText: string[][] }> {
  const fmt = (ms: number) => formatLocal(ms, d.timeZone, false);
  const zone = formatLocal(d.preparedBy.at, d.timeZone).split(' ').at(-1);
  const f = await FormWriter.create({
    title: 'ACTIVITY LOG (ICS 214)',
    formName: 'ICS 214',
    exercise: d.exercise,
    marks: d.demo ? [DEMO_MARK] : [],
    footer: d.footer,
    docTitle: `ICS 214 - ${d.unit} - ${d.incidentName} - period ${d.period.number}`,
    author: d.preparedBy.name,
    createdAt: new Date(d.preparedBy.at),
  });
  const blocks12 = [
    { n: 1, label: 'Incident Name', value: d.incidentNumber ? `${d.incidentName} (${d.incidentNumber})` : d.incidentName, width: 1 },
    {
      n: 2,
      label: `Operational Period ${d.period.number}`,
      value: `Date/Time From: ${fmt(d.period.startsAt)}   Date/Time To: ${fmt(d.period.endsAt)}${d.period.open ? ' (planned; period still open)' : ''}   (${zone})`,
      width: 1.6,
    },
  ];
  f.row(blocks12);
  // The form's continuation sheet repeats blocks 1 and 2: a loose page still says whose log it is.
  f.repeatOnEveryPage([blocks12]);
  f.row([
    { n: 3, label: 'Name', value: d.holder.name ?? '(not staffed in this period)' },
    { n: 4, label: 'ICS Position', value: d.holder.position },
    { n: 5, label: 'Home Agency (and Unit)', value: d.holder.homeAgency ?? '' },
  ]);
  f.heading(6, 'Resources Assigned');
  f.table(
    [
      { label: 'Name', width: 1 },
      { label: 'ICS Position', width: 1 },
      { label: 'Home Agency (and Unit)', width: 1 },
    ],
    d.resources.map((r) => [r.name, r.position, r.homeAgency]),
  );
  f.heading(7, 'Activity Log');
  const byId = new Map(d.rows.map((r) => [r.id, r]));
  f.table(
    [
      { label: `Date/Time (${zone})`, width: 1 },
      { label: 'Notable Activities', width: 4.2 },
    ],
    d.rows.map((r) => [fmt(r.occurredAt), activityText(r, byId, d.timeZone)]),
    'No activity recorded for this position in this period.',
  );
  // Block 8 is the log's owner, who signs it; the footer says who printed it and when.
  const block8 = [
    { n: 8, label: 'Prepared by: Name', value: d.preparedBy.name },
    { label: 'Position/Title', value: d.preparedBy.position },
    { label: 'Signature', value: '' },
    { label: 'Date/Time', value: `${fmt(d.preparedBy.at)} ${zone}` },
  ];
  const note =
    'Entries are never edited or deleted: a correction is a new entry shown after the one it corrects, and both are printed. ' +
    'Transcribed entries show when they happened (left) and when they were recorded.';
  // Block 8 and its note stay together on one page, never a note's last line alone on a new page.
  f.gap();
  f.ensure(f.rowHeight(block8, 2) + 4 + f.noteHeight(note));
  f.row(block8, 2);
  f.gap(4);
  f.note(note);
  return { bytes: await f.finish(), pagesText: f.pagesText };
}
