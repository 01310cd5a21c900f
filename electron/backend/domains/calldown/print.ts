import type { CalldownSummary, CalldownTarget } from '../../../../shared/contract';
import { CALL_OUTCOME_LABELS } from '../../../../shared/domain/calldown';
import { formatLocal } from '../incident/time';
import { FormWriter } from '../export/pdf/form';

export interface CalldownPrint {
  calldown: CalldownSummary;
  targets: CalldownTarget[];
  incidentName: string;
  exercise: boolean;
  demo: boolean;
  timeZone: string;
  printedAt: number;
  printedBy: string;
}

/**
 * The call-down on paper: everyone on the list with the number called, where each stands,
 * and an empty column to write outcomes in when the screens are down. Those still to
 * reach come first, so the paper copy starts where the work is.
 */
export async function buildCalldownPdf(d: CalldownPrint): Promise<{ bytes: Uint8Array; pages: number }> {
  const fmt = (ms: number) => formatLocal(ms, d.timeZone);
  const f = await FormWriter.create({
    title: `CALL-DOWN LIST${d.demo ? ' - DEMO DATA' : ''}`,
    formName: 'Call-down',
    exercise: d.exercise,
    footer: `${d.exercise ? 'EXERCISE - ' : ''}${d.incidentName} - printed ${fmt(d.printedAt)} by ${d.printedBy}`,
    docTitle: `Call-down - ${d.calldown.title}`,
    author: d.printedBy,
    createdAt: new Date(d.printedAt),
  });
  f.row([
    { label: 'Incident', value: d.incidentName, width: 2 },
    { label: 'Call-down', value: d.calldown.title, width: 2 },
    { label: 'Progress', value: d.calldown.progress },
  ]);
  f.row([
    { label: 'List', value: d.calldown.source, width: 3 },
    { label: 'Started', value: `${fmt(d.calldown.startedAt)}${d.calldown.operatorName ? ` by ${d.calldown.operatorName}` : ''}`, width: 2 },
  ]);
  const columns = [
    { label: '#', width: 0.35 },
    { label: 'Contact', width: 1.6 },
    { label: 'Organisation', width: 1.8 },
    { label: '24/7 number', width: 1.3 },
    { label: 'Status', width: 1.1 },
    { label: 'Calls so far', width: 1.8 },
    { label: 'Outcome, time', width: 1.5 },
  ];
  const rowOf = (t: CalldownTarget) => [
    String(t.ordinal + 1),
    `${t.contactName}${t.role ? `\n${t.role}` : ''}`,
    t.organisationName,
    t.phone ?? 'none',
    t.status === 'reached' ? `REACHED${t.acknowledgedBy ? `\nack. ${t.acknowledgedBy}` : ''}` : t.statusLabel,
    t.attempts.map((a) => `${fmt(a.occurredAt).slice(-9)} ${CALL_OUTCOME_LABELS[a.outcome]}`).join('\n'),
    '',
  ];
  const toReach = d.targets.filter((t) => t.status !== 'reached');
  f.gap(6);
  f.heading(undefined, `Still to reach: ${toReach.length}`);
  f.table(columns, toReach.map(rowOf), 'Everyone on the list has been reached.');
  f.gap(6);
  f.heading(undefined, `Reached: ${d.calldown.reached}`);
  f.table(columns, d.targets.filter((t) => t.status === 'reached').map(rowOf), 'Nobody reached yet.');
  const bytes = await f.finish();
  return { bytes, pages: f.pagesText.length };
}
