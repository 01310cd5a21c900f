import { z } from 'zod';
import { CAP_CATEGORIES, CAP_CERTAINTIES, CAP_RESPONSE_TYPES, CAP_SEVERITIES, CAP_TEMPLATE_IDS, CAP_URGENCIES, ISSUED_MSG_TYPES, ISSUED_STATUSES } from '../domain/cap';
import { epochMs, longText, read, text, uuid, write, lazySchema } from './define';
import { optionalField } from './directory';
import { printResultSchema } from './activation';

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });

/** CAP identifiers and sender must not hold spaces, commas or the XML-reserved < and & (CAP 1.2 §3.2.1). */
const capToken = (label: string) =>
  text(label, 120).refine((s) => !/[\s,<&]/.test(s), { error: `${label} must have no spaces, commas, < or &` });

export const alertInput = lazySchema(() => z
  .object({
    template: z.enum(CAP_TEMPLATE_IDS, { error: 'Template must be boil-water, heat, shelter or health advisory' }),
    /** Exercise is set for an exercise incident, whatever is chosen here. */
    status: oneOf('Status', ISSUED_STATUSES).default('Actual'),
    msgType: oneOf('Message type', ISSUED_MSG_TYPES).default('Alert'),
    /** The alert an Update or Cancel refers to. */
    referencesId: uuid('Alert updated or cancelled').optional(),
    incidentId: uuid('Incident').optional(),
    sender: capToken('Sender').optional(),
    senderName: optionalField('Sender name', 120),
    event: text('Event', 120),
    categories: z.array(oneOf('Category', CAP_CATEGORIES)).min(1, { error: 'Choose at least one category' }).max(5),
    responseTypes: z.array(oneOf('Response type', CAP_RESPONSE_TYPES)).max(5).default([]),
    urgency: oneOf('Urgency', CAP_URGENCIES),
    severity: oneOf('Severity', CAP_SEVERITIES),
    certainty: oneOf('Certainty', CAP_CERTAINTIES),
    headline: text('Headline', 160),
    description: longText('Description', 4000),
    instruction: longText('Instruction', 4000),
    areaDesc: text('Area', 300),
    /** SAME or FIPS codes of the area, e.g. { valueName: "SAME", value: "025015" }. */
    geocodes: z
      .array(z.object({ valueName: text('Geocode name', 40), value: text('Geocode value', 40) }).strict())
      .max(50, { error: 'At most 50 geocodes' })
      .default([]),
    expiresInHours: z.number({ error: 'Expires must be a number of hours' }).int().min(1, { error: 'Expires must be 1 hour or more' }).max(720, { error: 'Expires must be at most 720 hours (30 days)' }),
    web: z.string().trim().max(300).url({ error: 'Web must be a full address such as https://example.org/alerts' }).nullish(),
    contact: optionalField('Contact', 200),
  })
  .strict());
export type AlertInput = z.input<typeof alertInput>;

export const alertSchema = lazySchema(() => z.object({
  id: z.string(),
  identifier: z.string(),
  template: z.enum(CAP_TEMPLATE_IDS),
  status: z.string(),
  msgType: z.string(),
  headline: z.string(),
  event: z.string(),
  areaDesc: z.string(),
  /** The CAP "sent" time as written in the XML. */
  sent: z.string(),
  issuedAt: epochMs(),
  expiresAt: epochMs().nullable(),
  incidentId: z.string().nullable(),
  referencesId: z.string().nullable(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  sha256: z.string(),
  demo: z.boolean(),
}));
export type Alert = z.infer<typeof alertSchema>;

export const alertMethods = {
  'alert.templates': read(
    () => z.object({}).strict(),
    () => z.object({
      templates: z.array(
        z.object({
          id: z.enum(CAP_TEMPLATE_IDS),
          name: z.string(),
          event: z.string(),
          categories: z.array(z.string()),
          responseTypes: z.array(z.string()),
          urgency: z.string(),
          severity: z.string(),
          certainty: z.string(),
          headline: z.string(),
          description: z.string(),
          instruction: z.string(),
          expiresInHours: z.number().int(),
        }),
      ),
      defaultSender: z.string(),
    }),
    { reads: ['coalition'] },
  ),
  /** Builds the CAP 1.2 message, checks it, and records it as issued: the XML is kept exactly as issued. */
  'alert.issue': write(() => alertInput, () => z.object({ alert: alertSchema, xml: z.string() })),
  'alert.list': read(() => z.object({}).strict(), () => z.object({ alerts: z.array(alertSchema) }), { reads: ['alerts'] }),
  /** One alert and its XML as issued; "latest" for the most recent. */
  'alert.get': read(() => z
      .object({
        id: z
          .string({ error: 'Alert must be an alert id or "latest"' })
          .regex(/^(latest|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { error: 'Alert must be an alert id or "latest"' }),
      })
      .strict(), () => z.object({ alert: alertSchema, xml: z.string() }), { reads: ['alerts'] }),
  /** The alert on paper (headline, instruction, area, times) with its identifier. Audited. */
  'alert.print': write(() => z.object({ id: uuid('Alert') }).strict(), () => printResultSchema),
} as const;
