import type { MethodParsedInput } from '../../../../shared/contract';
import { formatBytes, PLAN_MAX_BYTES, PLAN_MEDIA_TYPES, planExtension } from '../../../../shared/domain/plan';
import { invalid, notFound } from '../../errors';
import type { WriteContext } from '../../registry';
import { extractSections } from './extract';
import { storePlanFile } from './files';
import { currentVersion } from './queries';
import { recordPlanVersion } from './record';

type UploadInput = MethodParsedInput<'plan.upload'>;

/**
 * Adds a document to the library. The slow parts (reading the text, writing the file)
 * happen before the transaction; the file is stored under its hash, so if the transaction
 * is refused nothing the library shows has changed and no other version's bytes were touched.
 */
export async function uploadPlan(input: UploadInput, ctx: WriteContext): Promise<{ planId: string; versionId: string }> {
  const ext = planExtension(input.fileName);
  if (!ext) {
    throw invalid(`The plans library takes PDF, Word (.docx) and text (.txt, .md) files; "${input.fileName}" is none of these. Save it as PDF or DOCX and try again.`, {
      issues: [{ path: ['fileName'], message: 'Not a PDF, DOCX or text file' }],
    });
  }
  const bytes = Buffer.from(input.base64, 'base64');
  if (!bytes.length) throw invalid('The file is empty', { issues: [{ path: ['base64'], message: 'Empty file' }] });
  if (bytes.length > PLAN_MAX_BYTES) {
    throw invalid(`The file is ${formatBytes(bytes.length)}: the plans library takes documents up to ${formatBytes(PLAN_MAX_BYTES)}.`, { issues: [{ path: ['base64'], message: 'Too large' }] });
  }
  if (input.planId && !currentVersion(ctx.db, input.planId)) throw notFound('The plan to add a version to');
  const extraction = await extractSections(ext, bytes);
  const { storedName, sha256 } = storePlanFile(ctx.services.dataDir, bytes, ext);
  return ctx.write((tx) =>
    recordPlanVersion(tx, ctx.db, {
      ...input,
      mediaType: PLAN_MEDIA_TYPES[ext],
      bytes: bytes.length,
      sha256,
      storedName,
      extraction,
    }),
  );
}
