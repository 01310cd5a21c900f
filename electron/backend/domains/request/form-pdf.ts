import { typeLabel } from '../../../../shared/domain/nims';
import type { RequestDetail, RequestEvent } from '../../../../shared/contract';
import { FAILED_MARK } from '../../integrity/print';
import { FormWriter } from '../export/pdf/form';
import { localTime, utcTime } from './times';

/**
 * ICS 213 RR "Resource Request Message" laid out with its official blocks (standards
 * reference §1: requestor blocks 1-9, logistics 10-16, finance 17-19), filled from the
 * record; the signature blocks show who took each step, when, as recorded. It is drawn by
 * the one form engine (export/pdf/form.ts), so a long block (the order, notes, finance
 * comments) continues on the next page under its label instead of being cut, and the
 * banner, footer and page numbering are those of every other form. The request's full
 * history follows on its own pages.
 */
export interface FormPrint {
  /** When and by whom it was printed, for the footer of every page. */
  at: number;
  by: string;
  /** The chain head signed for this print (integrity/print.ts). */
  witness: string;
  /** The request or one of its steps failed the last integrity check: every page says so. */
  flagged: boolean;
  /** Workstation names by id, so the history says "EOC desk 2", not an id. */
  workstations: Map<string, string | null>;
}

const money = (cents: number | null) => (cents === null ? '' : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const by = (e: RequestEvent) => `${e.operatorName ?? 'Unattributed'}${e.positionTitle ? `, ${e.positionTitle}` : ''}`;
const who = (e: RequestEvent | undefined, zone: string) => (e ? `${by(e)} - ${localTime(e.occurredAt, zone)}` : '');
const lastOf = (events: RequestEvent[], action: string) => [...events].reverse().find((e) => e.action === action);
const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((s): s is string => !!s))].join('; ');

export async function formPdf(r: RequestDetail, events: RequestEvent[], zone: string, printed: FormPrint): Promise<{ bytes: Uint8Array; pages: number; pagesText: string[][] }> {
  const f = await FormWriter.create({
    title: `RESOURCE REQUEST MESSAGE (ICS 213 RR) - ${r.number}`,
    formName: 'ICS 213 RR',
    exercise: r.exercise,
    marks: [r.demo ? 'DEMO DATA - NOT A REAL REQUEST' : null, printed.flagged ? FAILED_MARK.trim() : null].filter((m): m is string => !!m),
    footer: `Printed ${localTime(printed.at, zone)} (${utcTime(printed.at)}) by ${printed.by} - ${printed.witness}`,
    docTitle: `ICS 213 RR ${r.number}`,
    author: printed.by,
    createdAt: new Date(printed.at),
    textSize: 8,
  });

  // Requestor: blocks 1-9.
  const submitted = events.find((e) => e.action === 'submit');
  f.row([
    { n: 1, label: 'Incident Name', value: r.incidentName ?? '', width: 0.45 },
    { n: 2, label: 'Date/Time', value: localTime(submitted?.occurredAt ?? r.createdAt, zone), width: 0.3 },
    { n: 3, label: 'Resource Request Number', value: r.number, width: 0.25 },
  ]);
  f.heading(4, 'Order (use additional forms when requesting different resource sources of supply)');
  const estimated = (l: RequestDetail['lines'][number]) => {
    const etas = l.fills.filter((fl) => !fl.withdrawn && fl.estimatedArrival !== null).map((fl) => fl.estimatedArrival!);
    return etas.length ? Math.max(...etas) : r.eta;
  };
  f.table(
    [
      { label: 'Qty', width: 0.08 },
      { label: 'Kind', width: 0.17 },
      { label: 'Type', width: 0.08 },
      { label: 'Detailed Item Description', width: 0.27 },
      { label: 'Arrival Requested', width: 0.14 },
      { label: 'Arrival Estimated', width: 0.14 },
      { label: 'Cost', width: 0.12 },
    ],
    r.lines.map((l) => [
      String(l.quantity) + (l.unit ? ` ${l.unit}` : ''),
      l.kind,
      l.type ? typeLabel(l.type) : '',
      l.description ?? '',
      localTime(l.requestedArrival, zone),
      localTime(estimated(l), zone),
      money(l.costCents),
    ]),
    'No lines.',
  );
  f.row([
    { n: 5, label: 'Requested Delivery/Reporting Location', value: r.deliveryLocation },
    { n: 6, label: 'Suitable Substitutes and/or Suggested Sources', value: r.substitutes ?? '' },
  ]);
  // No-break spaces keep each check box with its label when the block wraps.
  const pr = (p: string, label: string) => `[${r.priority === p ? 'X' : '\u00A0'}]\u00A0${label}`;
  const approval = lastOf(events, 'approve') ?? lastOf(events, 'deny');
  f.row([
    { n: 7, label: 'Requested by Name/Position', value: `${r.requestedByName}${r.requestedByPosition ? `, ${r.requestedByPosition}` : ''} (${r.requestingOrganisation.name})`, width: 0.4 },
    { n: 8, label: 'Priority', value: `${pr('urgent', 'Urgent')} ${pr('routine', 'Routine')} ${pr('low', 'Low')}`, width: 0.2 },
    {
      n: 9,
      label: 'Section Chief Name for Approval',
      // A denial prints its reason here, on page 1, where the requestor looks first.
      value: approval ? (approval.action === 'deny' ? `DENIED by ${who(approval, zone)}\n${approval.summary}${approval.note ? `\n${approval.note}` : ''}` : who(approval, zone)) : '',
      width: 0.4,
    },
  ]);

  // Logistics: blocks 10-16.
  const fills = r.lines.flatMap((l) => l.fills).filter((fl) => !fl.withdrawn);
  f.heading(undefined, 'LOGISTICS');
  f.row([
    { n: 10, label: 'Logistics Order Number', value: uniq(fills.map((fl) => fl.orderNumber)), width: 0.3 },
    { n: 11, label: 'Supplier Phone/Fax/Email', value: uniq(fills.map((fl) => fl.supplierContact)), width: 0.35 },
    { n: 12, label: 'Name of Supplier/POC', value: uniq(fills.map((fl) => fl.supplierName ?? fl.sourceName)), width: 0.35 },
  ]);
  const sourcing = fills.map((fl) => `Line ${fl.lineNo}: ${fl.quantity} from ${fl.sourceName} (${fl.sourceLabel})`).join('\n');
  f.row([{ n: 13, label: 'Notes', value: [sourcing, r.notes].filter(Boolean).join('\n') }], 2);
  const logi = lastOf(events, 'send_to_finance');
  const placed = new Set(fills.map((fl) => fl.orderPlacedBy));
  const chk = (k: string, label: string) => `[${placed.has(k) ? 'X' : '\u00A0'}]\u00A0${label}`;
  f.row([
    { n: 14, label: 'Approval Signature of Auth Logistics Rep', value: logi ? by(logi) : '', width: 0.45 },
    { n: 15, label: 'Date/Time', value: logi ? localTime(logi.occurredAt, zone) : '', width: 0.25 },
    { n: 16, label: 'Order placed by (check box)', value: `${chk('SPUL', 'SPUL')}  ${chk('PROC', 'PROC')}  ${chk('other', 'OTHER')}`, width: 0.3 },
  ]);

  // Finance: blocks 17-19.
  f.heading(undefined, 'FINANCE');
  const fin = lastOf(events, 'finance_approve') ?? lastOf(events, 'return_to_sourcing');
  f.row([{ n: 17, label: 'Reply/Comments from Finance', value: fin ? fin.summary + (fin.note ? `\n${fin.note}` : '') : '' }], 2);
  f.row([
    { n: 18, label: 'Finance Section Signature', value: fin ? by(fin) : '', width: 0.6 },
    { n: 19, label: 'Date/Time', value: fin ? localTime(fin.occurredAt, zone) : '', width: 0.4 },
  ]);
  f.gap(4);
  f.note(`Status: ${r.statusLabel} since ${localTime(r.statusSince, zone)} (${utcTime(r.statusSince)})`, 8);

  // The history: every step as recorded, on its own pages after the form.
  f.pageBreak();
  f.heading(undefined, 'HISTORY - every step, as recorded (local time, then UTC; who, position, workstation)');
  f.table(
    [
      { label: 'When (local / UTC)', width: 0.22 },
      { label: 'Step', width: 0.5 },
      { label: 'By, recorded', width: 0.28 },
    ],
    events.map((e) => [
      `${localTime(e.occurredAt, zone)}\n${utcTime(e.occurredAt)}`,
      `${e.actionLabel}: ${e.summary}${e.note ? `\nNote: ${e.note}` : ''}`,
      `by ${by(e)}; recorded ${utcTime(e.recordedAt)} at ${printed.workstations.get(e.workstationId) ?? `workstation ${e.workstationId.slice(0, 8)}`}`,
    ]),
    'No steps recorded.',
  );
  const bytes = await f.finish();
  return { bytes, pages: f.pagesText.length, pagesText: f.pagesText };
}
