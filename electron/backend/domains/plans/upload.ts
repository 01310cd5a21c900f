import { v7 as uuidv7 } from 'uuid';
import type { MethodParsedInput } from '../../../../shared/contract';
import { formatBytes, PLAN_MAX_BYTES, PLAN_MEDIA_TYPES, planExtension } from '../../../../shared/domain/plans';
import { invalid, notFound } from '../../errors';
import type { WriteContext } from '../../registry';
import { extractSections } from './extract';
import { storePlanFile } from './files';
import { currentVersion } from './queries';

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
  return ctx.write((tx) => {
    const planId = input.planId ?? uuidv7();
    // Read again inside the transaction: the version superseded is the one in force now.
    const supersedes = input.planId ? currentVersion(ctx.db, planId) : null;
    if (input.planId && !supersedes) throw notFound('The plan to add a version to');
    tx.put('plans', planId, { title: input.title, kind: input.kind, owner: input.owner });
    const versionId = tx.appendFact('plan_versions', {
      occurred_at: tx.now(),
      plan_id: planId,
      version_label: input.versionLabel,
      effective_on: input.effectiveOn,
      review_on: input.reviewOn ?? null,
      file_name: input.fileName,
      media_type: PLAN_MEDIA_TYPES[ext],
      bytes: bytes.length,
      sha256,
      stored_name: storedName,
      extraction: extraction.status,
      extraction_note: extraction.note,
      supersedes_id: supersedes?.id ?? null,
      note: input.note || null,
    });
    const insert = ctx.db.prepare('INSERT INTO plan_sections (version_id, ordinal, heading, page, body) VALUES (?, ?, ?, ?, ?)');
    extraction.sections.forEach((s, i) => insert.run(versionId, i, s.heading, s.page, s.body));
    tx.touched('plan_sections');
    tx.audit('plan.uploaded', { planId, versionId, title: input.title, version: input.versionLabel, fileName: input.fileName, sha256, bytes: bytes.length, extraction: extraction.status, supersedes: supersedes?.id ?? null });
    return { planId, versionId };
  });
}
