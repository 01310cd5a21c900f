import { createHash } from 'node:crypto';
import type { AarExport } from '../../../../../shared/contract';
import type { ReadContext, WriteContext } from '../../../registry';
import { exportFileName } from '../../export/manifest';
import { gatherDocument } from './gather';
import { buildIpCsv } from './ip-csv';
import { buildPdf } from './pdf';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv',
} as const;

export type AarFormat = keyof typeof MIME;

/** Builds one document of an incident's report. */
export async function buildReport(ctx: ReadContext, incidentId: string, format: AarFormat): Promise<AarExport & { exercise: boolean }> {
  const now = ctx.services.now();
  const d = gatherDocument(ctx.db, incidentId, now, ctx.actor);
  const bytes = format === 'docx' ? await (await import('./docx')).buildDocx(d) : format === 'pdf' ? (await buildPdf(d)).bytes : buildIpCsv(d);
  const r = d.view.report;
  const fileName = exportFileName({ demo: d.view.demo, exercise: r.exercise, form: format === 'csv' ? 'ImprovementPlan' : 'AAR-IP', incidentName: r.incidentName, at: now, ext: format });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { fileName, mimeType: MIME[format], base64: Buffer.from(bytes).toString('base64'), sha256, bytes: bytes.byteLength, exercise: r.exercise };
}

/**
 * An export from the console, recorded in the audit trail with its SHA-256 as every export
 * of the console is: the record shows who produced which file.
 */
export async function exportReport(ctx: WriteContext, incidentId: string, format: AarFormat): Promise<AarExport> {
  const { exercise, ...file } = await buildReport(ctx, incidentId, format);
  ctx.write((tx) =>
    tx.audit('export.generated', { form: format === 'csv' ? 'Improvement plan CSV' : `AAR/IP ${format.toUpperCase()}`, fileName: file.fileName, sha256: file.sha256, bytes: file.bytes, incidentId, exercise }),
  );
  return file;
}
