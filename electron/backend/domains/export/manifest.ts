import type { PrintIntegrity } from '../../integrity/print';
import { createHash } from 'node:crypto';
import { markedFileName } from './marks';
import type { ExportManifest, ExportResult } from '../../../../shared/contract';
import type { Actor } from '../../db/writer';

export interface ExportMeta {
  form: ExportManifest['form'];
  incidentId: string | null;
  incidentName: string | null;
  exercise: boolean;
  generatedAt: number;
  actor: Actor;
  /** The chain head signed as the export was made (its footer's witness line). */
  chainHead: { seq: number; hash: string; signedAt: number; line: string } | null;
}

/** The chain head a print or export signed, as its manifest keeps it. */
export function chainHeadOf(integrity: PrintIntegrity): ExportMeta['chainHead'] {
  return integrity.head ? { ...integrity.head, line: integrity.line } : null;
}

/**
 * Wraps the bytes of an export with its SHA-256 manifest. The manifest travels beside
 * the file so that anyone can later check that a printed or shared copy is unaltered.
 */
export function packageExport(fileName: string, mimeType: ExportResult['mimeType'], bytes: Uint8Array, meta: ExportMeta): ExportResult {
  return { fileName, mimeType, base64: Buffer.from(bytes).toString('base64'), ...manifestOf(fileName, bytes, meta) };
}

/** The manifest of any export, for those that return their file in their own shape. */
export function manifestOf(fileName: string, bytes: Uint8Array, meta: ExportMeta): Pick<ExportResult, 'manifest' | 'manifestFileName' | 'manifestText'> {
  const manifest: ExportManifest = {
    fileName,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    generatedAt: meta.generatedAt,
    generatedBy: {
      operatorName: meta.actor.operatorName,
      positionTitle: meta.actor.positionTitle,
      workstationId: meta.actor.workstationId,
    },
    form: meta.form,
    incidentId: meta.incidentId,
    incidentName: meta.incidentName,
    exercise: meta.exercise,
    chainHead: meta.chainHead,
  };
  return {
    manifest,
    manifestFileName: `${fileName}.manifest.json`,
    manifestText: `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

/** File names say what the file is, and for an exercise start with EXERCISE; demonstration data's start with DEMO- (markedFileName). */
export function exportFileName(parts: { demo: boolean; exercise: boolean; form: string; incidentName: string; detail?: string; at: number; ext: string }): string {
  // Letters of any script stay ("Łódź" is "Łodz", not "odz"); accents, punctuation and the
  // characters Windows forbids in a file name go.
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '');
  // Cut at a word: "…-ice-storm-and-power", never "…-and-power-" or "…-outa".
  const cut = (s: string) => (s.length <= 40 ? s : (s.slice(0, 41).match(/^(.*)-/)?.[1] ?? s.slice(0, 40)).replace(/-+$/, ''));
  const name = (s: string) => cut(slug(s)) || 'incident';
  const stamp = new Date(parts.at).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const file = [parts.exercise ? 'EXERCISE' : null, parts.form, name(parts.incidentName), parts.detail ? name(parts.detail) : null, `${stamp}Z`]
    .filter(Boolean)
    .join('_');
  return markedFileName(`${file}.${parts.ext}`, { demo: parts.demo });
}
