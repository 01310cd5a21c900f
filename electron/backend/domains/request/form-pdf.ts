import { typeLabel } from '../../../../shared/domain/nims';
import type { PDFPage } from 'pdf-lib';
import type { RequestDetail, RequestEvent } from '../../../../shared/contract';
import { embedFormFonts } from '../export/pdf/fonts';
import { printable, wrap } from '../export/pdf/text';
import { BLACK, box, GREY, text } from './pdf-draw';
import { localTime, utcTime } from './times';
import { loadPdfLib, rgb } from '../export/pdf/pdf-lib';

/**
 * ICS 213 RR "Resource Request Message" laid out with its official blocks (standards
 * reference §1: requestor blocks 1-9, logistics 10-16, finance 17-19), filled from the
 * record; the signature blocks show who took each step, when, as recorded. Further pages
 * carry the request's full history. Exercise and demo requests say so on every page.
 */
const W = 612;
const H = 792;
const M = 36;
const CW = W - 2 * M;

const money = (cents: number | null) => (cents === null ? '' : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const who = (e: RequestEvent | undefined, zone: string) =>
  e ? `${e.operatorName ?? 'Unattributed'}${e.positionTitle ? `, ${e.positionTitle}` : ''} - ${localTime(e.occurredAt, zone)}` : '';
const lastOf = (events: RequestEvent[], action: string) => [...events].reverse().find((e) => e.action === action);

export async function formPdf(
  r: RequestDetail,
  events: RequestEvent[],
  zone: string,
  printedAt: number,
  /** The chain head signed for this print (integrity/print.ts), in every page's footer. */
  witness = '',
): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await (await loadPdfLib()).PDFDocument.create();
  doc.setTitle(`ICS 213 RR ${r.number}`);
  doc.setSubject(`Resource request ${r.number}${r.exercise ? ' (EXERCISE)' : ''}`);
  doc.setProducer('Coalition EOC Console');
  doc.setCreationDate(new Date(printedAt));
  doc.setModificationDate(new Date(printedAt));
  const f = await embedFormFonts(doc);
  const marks = [r.exercise ? 'EXERCISE - EXERCISE - EXERCISE' : null, r.demo ? 'DEMO DATA - NOT A REAL REQUEST' : null].filter(Boolean).join('   ');

  const page = doc.addPage([W, H]);
  let y = H - M;
  if (marks) {
    text(page, f.bold, marks, M, y - 10, 11);
    y -= 18;
  }
  page.drawText('RESOURCE REQUEST MESSAGE (ICS 213 RR)', { x: M, y: y - 14, size: 14, font: f.bold, color: BLACK });
  y -= 22;

  // Requestor: blocks 1-9.
  const submitted = events.find((e) => e.action === 'submit');
  box(page, f, M, y, CW * 0.45, 30, '1. Incident Name', r.incidentName ?? '');
  box(page, f, M + CW * 0.45, y, CW * 0.3, 30, '2. Date/Time', localTime(submitted?.occurredAt ?? r.createdAt, zone));
  box(page, f, M + CW * 0.75, y, CW * 0.25, 30, '3. Resource Request Number', r.number);
  y -= 30;

  page.drawRectangle({ x: M, y: y - 14, width: CW, height: 14, borderColor: BLACK, borderWidth: 0.75, color: rgb(0.9, 0.9, 0.9) });
  text(page, f.bold, '4. Order (use additional forms when requesting different resource sources of supply)', M + 3, y - 10, 8);
  y -= 14;
  const cols = [
    ['Qty', 0.07],
    ['Kind', 0.17],
    ['Type', 0.07],
    ['Detailed Item Description', 0.29],
    ['Arrival Requested', 0.14],
    ['Arrival Estimated', 0.14],
    ['Cost', 0.12],
  ] as const;
  let x = M;
  for (const [label, share] of cols) {
    page.drawRectangle({ x, y: y - 12, width: CW * share, height: 12, borderColor: BLACK, borderWidth: 0.5 });
    text(page, f.bold, label, x + 2, y - 9, 7);
    x += CW * share;
  }
  y -= 12;
  const estimated = (l: RequestDetail['lines'][number]) => {
    const etas = l.fills.filter((fl) => !fl.withdrawn && fl.estimatedArrival !== null).map((fl) => fl.estimatedArrival!);
    return etas.length ? Math.max(...etas) : r.eta;
  };
  const shown = r.lines.slice(0, 8);
  for (const l of shown) {
    const cells = [
      String(l.quantity) + (l.unit ? ` ${l.unit}` : ''),
      l.kind,
      l.type ?? '',
      l.description ?? '',
      localTime(l.requestedArrival, zone),
      localTime(estimated(l), zone),
      money(l.costCents),
    ];
    const h = 26;
    x = M;
    cols.forEach(([, share], i) => {
      page.drawRectangle({ x, y: y - h, width: CW * share, height: h, borderColor: BLACK, borderWidth: 0.5 });
      wrap(f.regular, 7, cells[i]!, CW * share - 4)
        .slice(0, 3)
        .forEach((ln, j) => text(page, f.regular, ln, x + 2, y - 8 - j * 8, 7));
      x += CW * share;
    });
    y -= h;
  }
  if (r.lines.length > shown.length) {
    text(page, f.regular, `${r.lines.length - shown.length} more line(s) on the continuation page.`, M + 3, y - 9, 7);
    y -= 12;
  }

  box(page, f, M, y, CW / 2, 40, '5. Requested Delivery/Reporting Location', r.deliveryLocation);
  box(page, f, M + CW / 2, y, CW / 2, 40, '6. Suitable Substitutes and/or Suggested Sources', r.substitutes ?? '');
  y -= 40;
  box(page, f, M, y, CW * 0.4, 40, '7. Requested by Name/Position', `${r.requestedByName}${r.requestedByPosition ? `, ${r.requestedByPosition}` : ''} (${r.requestingOrganisation.name})`);
  // No-break spaces keep each check box with its label when the box wraps.
  const pr = (p: string, label: string) => `[${r.priority === p ? 'X' : '\u00A0'}]\u00A0${label}`;
  box(page, f, M + CW * 0.4, y, CW * 0.2, 40, '8. Priority', `${pr('urgent', 'Urgent')} ${pr('routine', 'Routine')} ${pr('low', 'Low')}`, 8);
  const approval = lastOf(events, 'approve') ?? lastOf(events, 'deny');
  box(page, f, M + CW * 0.6, y, CW * 0.4, 40, '9. Section Chief Name for Approval', approval ? `${approval.action === 'deny' ? 'DENIED: ' : ''}${who(approval, zone)}` : '');
  y -= 44;

  // Logistics: blocks 10-16.
  const fills = r.lines.flatMap((l) => l.fills).filter((fl) => !fl.withdrawn);
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((s): s is string => !!s))].join('; ');
  text(page, f.bold, 'LOGISTICS', M, y - 9, 9);
  y -= 12;
  box(page, f, M, y, CW * 0.3, 30, '10. Logistics Order Number', uniq(fills.map((fl) => fl.orderNumber)));
  box(page, f, M + CW * 0.3, y, CW * 0.35, 30, '11. Supplier Phone/Fax/Email', uniq(fills.map((fl) => fl.supplierContact)));
  box(page, f, M + CW * 0.65, y, CW * 0.35, 30, '12. Name of Supplier/POC', uniq(fills.map((fl) => fl.supplierName ?? fl.sourceName)));
  y -= 30;
  const sourcing = fills.map((fl) => `Line ${fl.lineNo}: ${fl.quantity} from ${fl.sourceName} (${fl.sourceLabel})`).join('; ');
  box(page, f, M, y, CW, 44, '13. Notes', [sourcing, r.notes].filter(Boolean).join('\n'));
  y -= 44;
  const logi = lastOf(events, 'send_to_finance');
  box(page, f, M, y, CW * 0.45, 30, '14. Approval Signature of Auth Logistics Rep', logi ? `${logi.operatorName ?? ''}${logi.positionTitle ? `, ${logi.positionTitle}` : ''}` : '');
  box(page, f, M + CW * 0.45, y, CW * 0.25, 30, '15. Date/Time', logi ? localTime(logi.occurredAt, zone) : '');
  const placed = new Set(fills.map((fl) => fl.orderPlacedBy));
  const chk = (k: string, label: string) => `[${placed.has(k) ? 'X' : '\u00A0'}]\u00A0${label}`;
  box(page, f, M + CW * 0.7, y, CW * 0.3, 30, '16. Order placed by (check box)', `${chk('SPUL', 'SPUL')}  ${chk('PROC', 'PROC')}  ${chk('other', 'OTHER')}`, 8);
  y -= 34;

  // Finance: blocks 17-19.
  text(page, f.bold, 'FINANCE', M, y - 9, 9);
  y -= 12;
  const fin = lastOf(events, 'finance_approve') ?? lastOf(events, 'return_to_sourcing');
  box(page, f, M, y, CW, 40, '17. Reply/Comments from Finance', fin ? (fin.summary + (fin.note ? `\n${fin.note}` : '')) : '');
  y -= 40;
  box(page, f, M, y, CW * 0.6, 30, '18. Finance Section Signature', fin ? `${fin.operatorName ?? ''}${fin.positionTitle ? `, ${fin.positionTitle}` : ''}` : '');
  box(page, f, M + CW * 0.6, y, CW * 0.4, 30, '19. Date/Time', fin ? localTime(fin.occurredAt, zone) : '');
  y -= 36;

  text(page, f.regular, `Status: ${r.statusLabel} since ${localTime(r.statusSince, zone)} (${utcTime(r.statusSince)})`, M, y - 9, 8);

  // Continuation: lines beyond the form's rows, and the full history.
  const rest = r.lines.slice(shown.length);
  const pages: PDFPage[] = [page];
  let cur = page;
  let cy = 0;
  const newPage = (title: string) => {
    cur = doc.addPage([W, H]);
    pages.push(cur);
    cy = H - M;
    if (marks) {
      text(cur, f.bold, marks, M, cy - 10, 11);
      cy -= 18;
    }
    text(cur, f.bold, `${title} - ${r.number}`, M, cy - 12, 12);
    cy -= 22;
  };
  const line = (s: string, size = 8, font = f.regular) => {
    for (const ln of wrap(font, size, s, CW)) {
      if (cy < M + 30) newPage('ICS 213 RR continued');
      text(cur, font, ln, M, cy - size, size);
      cy -= size + 3;
    }
  };
  newPage('ICS 213 RR continued: history');
  for (const l of rest) line(`Line ${l.lineNo}: ${l.quantity} ${l.unit ?? ''} ${l.kind}${l.type ? ` ${typeLabel(l.type)}` : ''} - ${l.description ?? ''}`);
  if (rest.length) cy -= 6;
  line('Every step, as recorded (local time, then UTC; who, position, workstation):', 9, f.bold);
  for (const e of events) {
    line(`${localTime(e.occurredAt, zone)} (${utcTime(e.occurredAt)})  ${e.actionLabel}: ${e.summary}`, 8, f.bold);
    line(`    by ${e.operatorName ?? 'unattributed'}${e.positionTitle ? `, ${e.positionTitle}` : ''}; recorded ${utcTime(e.recordedAt)} at workstation ${e.workstationId.slice(0, 8)}${e.note ? `; note: ${e.note}` : ''}`);
  }

  pages.forEach((p, i) => {
    p.drawText(printable(f.regular, `ICS 213 RR   Page ${i + 1} of ${pages.length}   Printed ${localTime(printedAt, zone)} (${utcTime(printedAt)})   ${witness}`), {
      x: M,
      y: M - 14,
      size: 7,
      font: f.regular,
      color: GREY,
    });
  });
  return { bytes: await doc.save({ useObjectStreams: false }), pages: pages.length };
}
