import { createHash } from 'node:crypto';
import type { PrintResult } from '../../../../shared/contract';
import type { WriteContext } from '../../registry';
import { markedFileName } from '../export/marks';

/**
 * Packages a print or export of preparedness data and records it in the audit trail with
 * its SHA-256, like every other export: the record shows who produced which file and when.
 */
export function recordPrint(ctx: WriteContext, what: string, fileName: string, mimeType: PrintResult['mimeType'], bytes: Uint8Array, pages: number | null, detail: Record<string, unknown> = {}): PrintResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.write((tx) => tx.audit('export.generated', { form: what, fileName, sha256, bytes: bytes.byteLength, ...detail }));
  return { fileName, mimeType, base64: Buffer.from(bytes).toString('base64'), sha256, pages };
}

/** "Activation-sheet_v3_20261206-0130Z.pdf": what it is, and when, in UTC. */
export function printFileName(parts: { demo: boolean; what: string; detail?: string; at: number; ext: string }): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .slice(0, 40);
  const stamp = new Date(parts.at).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return markedFileName(`${[parts.what, parts.detail ? slug(parts.detail) : null, `${stamp}Z`].filter(Boolean).join('_')}.${parts.ext}`, { demo: parts.demo });
}
