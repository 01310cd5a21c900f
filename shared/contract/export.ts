import { z } from 'zod';
import { epochMs, uuid, write, lazySchema } from './define';
import { timelineFiltersSchema } from './timeline';

/**
 * What accompanies every export: enough to prove later that a file is the one the
 * console produced (SHA-256 of its exact bytes) and whether it came from an exercise.
 */
export const exportManifestSchema = lazySchema(() => z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  generatedAt: epochMs(),
  generatedBy: z.object({ operatorName: z.string().nullable(), positionTitle: z.string().nullable(), workstationId: z.string() }),
  form: z.enum(['ICS 214', 'Decision log', 'ICS 213', 'Timeline CSV', 'ICS 213RR', 'Request history CSV', 'Directory CSV', 'Situation report', 'EDXL-HAVE']),
  /** Null for an export of no incident (the directory); empty for the whole coalition's status (EDXL-HAVE). */
  incidentId: z.string().nullable(),
  incidentName: z.string().nullable(),
  exercise: z.boolean(),
  /** The chain head this workstation signed as the file was made: a witness kept with the file. */
  chainHead: z.object({ seq: z.number().int(), hash: z.string(), signedAt: epochMs(), line: z.string() }).nullable(),
}));
export type ExportManifest = z.infer<typeof exportManifestSchema>;

/** The manifest fields every other export carries beside its file: no export goes without one. */
export const manifestFields = { manifest: exportManifestSchema, manifestFileName: z.string(), manifestText: z.string() };

export const exportResultSchema = lazySchema(() => z.object({
  fileName: z.string(),
  mimeType: z.enum(['application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/xml']),
  /** The file's bytes, base64. */
  base64: z.string(),
  manifest: exportManifestSchema,
  /** The manifest as written beside the file (`<fileName>.manifest.json`). */
  manifestFileName: z.string(),
  manifestText: z.string(),
}));
export type ExportResult = z.infer<typeof exportResultSchema>;

/**
 * Exports are writes: each one is recorded in the audit trail with its SHA-256, so the
 * record shows who produced which file and when. Exercise exports say so on every page
 * (PDF) or on the first line (CSV).
 */
export const exportMethods = {
  /** ICS 214 Activity Log for one position and operational period. */
  'export.activityLog': write(
    () => z.object({ incidentId: uuid('Incident'), positionId: uuid('Position'), periodId: uuid('Operational period') }).strict(),
    () => exportResultSchema,
  ),
  /** Every decision of the incident, superseded ones marked. */
  'export.decisionLog': write(() => z.object({ incidentId: uuid('Incident') }).strict(), () => exportResultSchema),
  /** One ICS 213 General Message, blocks 1-10. */
  'export.generalMessage': write(() => z.object({ messageId: uuid('Message') }).strict(), () => exportResultSchema),
  /** The timeline with the same filters as on screen, oldest first. */
  'export.timelineCsv': write(
    () => z.object({ incidentId: uuid('Incident'), filters: timelineFiltersSchema.default({}) }).strict(),
    () => exportResultSchema,
  ),
} as const;
