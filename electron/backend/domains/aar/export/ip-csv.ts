import { toCsv } from '../../directory/csv-format';
import { IP_COLUMNS, ipRows, markingOf, type AarDocumentData } from './document-data';

/** Appendix A as CSV: one corrective action a row; an exercise's or a draft's file says so first. */
export function buildIpCsv(d: AarDocumentData): Uint8Array {
  const marking = markingOf(d);
  const ip = ipRows(d);
  const rows = d.view.actions.map((a, i) => [...ip[i]!, a.incidentName, a.id]);
  const csv = toCsv([...IP_COLUMNS, 'Incident or exercise', 'Corrective action id'], rows);
  return new TextEncoder().encode(`${marking ? `# ${marking}\r\n` : ''}${csv}\r\n`);
}
