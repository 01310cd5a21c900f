import { z } from 'zod';
import { epochMs, uuid, write, lazySchema } from './define';
import { requestDetailSchema } from './request';

/** The EDXL-RM 1.0 message types the console writes for a request's steps (§5.4). */
export const EDXL_RM_EXPORTED = [
  'RequestResource',
  'ResponseToRequestResource',
  'CommitResource',
  'ReleaseResource',
  'ReportResourceDeploymentStatus',
] as const;
export type EdxlRmExported = (typeof EDXL_RM_EXPORTED)[number];

/** Imported messages larger than this are refused unread. */
export const EDXL_MAX_CHARS = 500_000;

export const edxlMessageSchema = lazySchema(() => z.object({
  messageId: z.string(),
  messageType: z.enum(EDXL_RM_EXPORTED),
  /** The request event it reports. */
  eventId: z.string(),
  action: z.string(),
  sentAt: epochMs(),
  fileName: z.string(),
  xml: z.string(),
}));
export type EdxlMessage = z.infer<typeof edxlMessageSchema>;

export const edxlMethods = {
  /**
   * EDXL-RM 1.0 messages for a request's events, oldest first, each valid against the
   * official schema; optionally all of them in one EDXL-DE 1.0 distribution envelope.
   * A write only because every export is recorded in the audit trail.
   */
  'edxl.exportRequest': write(
    () => z
      .object({
        requestId: uuid('Request'),
        /** Only the message for this event. */
        eventId: uuid('Event').optional(),
        envelope: z.boolean({ error: 'Envelope must be true or false' }).default(false),
      })
      .strict(),
    () => z.object({
      messages: z.array(edxlMessageSchema),
      envelope: z.object({ fileName: z.string(), xml: z.string() }).nullable(),
    }),
  ),
  /**
   * An EDXL-RM RequestResource message (bare, or inside an EDXL-DE envelope) becomes a
   * draft request in the chosen incident. Refused: DTDs and entities, oversized input,
   * other message types.
   */
  'edxl.importRequestResource': write(
    () => z
      .object({
        xml: z
          .string({ error: 'The message must be text' })
          .min(1, { error: 'The message is empty' })
          .max(EDXL_MAX_CHARS, { error: `The message is too large: at most ${EDXL_MAX_CHARS.toLocaleString('en-US')} characters` }),
        incidentId: uuid('Incident'),
        /** When absent, the requester named in the message is looked up in the directory by name. */
        requestingOrganisationId: uuid('Requesting organisation').optional(),
      })
      .strict(),
    () => z.object({
      request: requestDetailSchema,
      /** The message's own MessageID, kept on the draft's first event. */
      messageId: z.string(),
      /** What could not be carried over, in words. */
      warnings: z.array(z.string()),
    }),
  ),
} as const;
