import { bytesToBase64 } from '../../lib/base64';
import { formatBytes, PLAN_MAX_BYTES, planExtension } from '../../../../shared/domain/plan';

/**
 * A chosen document as base64 for the contract. Refused here, before reading a byte, when
 * it is too large or of a kind the library does not read: a 100 MB file is never sent.
 */
export async function readPlanFile(file: File): Promise<{ fileName: string; base64: string }> {
  if (!planExtension(file.name)) throw new Error(`"${file.name}" is not a PDF, Word (.docx) or text (.txt, .md) file. Save it as PDF or DOCX and choose it again.`);
  if (file.size === 0) throw new Error(`"${file.name}" is empty.`);
  if (file.size > PLAN_MAX_BYTES) throw new Error(`"${file.name}" is ${formatBytes(file.size)}: the plans library takes documents up to ${formatBytes(PLAN_MAX_BYTES)}. Split it or save it without embedded images.`);
  return { fileName: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
