import type { Alert } from '../../../../shared/contract';
import { formatLocal } from '../incident/time';
import { FormWriter } from '../export/pdf/form';

/** The alert on paper as issued: what a phone-bank volunteer or a radio operator reads out. */
export async function buildAlertPdf(a: Alert, info: { description: string; instruction: string; categories: string; urgency: string; severity: string; certainty: string }, opts: { timeZone: string; by: string; at: number; demo: boolean }): Promise<{ bytes: Uint8Array; pages: number }> {
  const fmt = (ms: number) => formatLocal(ms, opts.timeZone);
  const f = await FormWriter.create({
    title: `PUBLIC WARNING (CAP 1.2): ${a.msgType.toUpperCase()}${a.status !== 'Actual' ? ` - ${a.status.toUpperCase()}` : ''}${opts.demo ? ' - DEMO DATA' : ''}`,
    formName: 'CAP alert',
    exercise: a.status === 'Exercise',
    footer: `Identifier ${a.identifier} - SHA-256 ${a.sha256.slice(0, 16)}... - printed ${fmt(opts.at)} by ${opts.by}`,
    docTitle: `CAP alert - ${a.headline}`,
    author: opts.by,
    createdAt: new Date(opts.at),
  });
  f.row([{ label: 'Headline', value: a.headline }]);
  f.row([
    { label: 'Event', value: a.event, width: 2 },
    { label: 'Status / type', value: `${a.status} / ${a.msgType}` },
    { label: 'Categories', value: info.categories },
  ]);
  f.row([
    { label: 'Urgency', value: info.urgency },
    { label: 'Severity', value: info.severity },
    { label: 'Certainty', value: info.certainty },
  ]);
  f.row([
    { label: 'Issued', value: `${fmt(a.issuedAt)} (sent ${a.sent})`, width: 2 },
    { label: 'Expires', value: a.expiresAt ? fmt(a.expiresAt) : '' },
  ]);
  f.row([{ label: 'Area', value: a.areaDesc }]);
  f.row([{ label: 'Description', value: info.description }]);
  f.row([{ label: 'Instruction', value: info.instruction }]);
  f.note(`Issued by ${a.operatorName ?? 'unknown'}${a.positionTitle ? ` (${a.positionTitle})` : ''}. The XML file exported from the console is the alert exactly as issued.`);
  const bytes = await f.finish();
  return { bytes, pages: f.pagesText.length };
}
