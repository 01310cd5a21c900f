import { z } from 'zod';
import { epochMs, longText, read, text, uuid, write, lazySchema } from './define';
import { optionalField, phoneField } from './directory';

/** A printed document the console made: its bytes and SHA-256 (recorded in the audit trail). */
export const printResultSchema = lazySchema(() => z.object({
  fileName: z.string(),
  mimeType: z.enum(['application/pdf', 'text/csv', 'application/xml']),
  base64: z.string(),
  sha256: z.string(),
  pages: z.number().int().nullable(),
}));
export type PrintResult = z.infer<typeof printResultSchema>;

const items = (label: string, min: number, max: number, each: z.ZodType<string>) =>
  z
    .array(each, { error: `${label} must be a list` })
    .min(min, { error: min === 1 ? `Give at least one: ${label.toLowerCase()}` : `${label}: at least ${min}` })
    .max(max, { error: `${label}: at most ${max}, so the sheet prints on one page` });

/**
 * "How to activate the region" (domain.md): the one page the duty officer reads first.
 * Bounded so that it always prints on one page.
 */
export const activationContentInput = lazySchema(() => z
  .object({
    title: text('Title', 120),
    whoMayActivate: items('Who may activate', 1, 8, text('Who may activate', 200)),
    levels: z
      .array(z.object({ name: text('Level', 60), trigger: text('Trigger', 300) }).strict(), { error: 'Levels must be a list' })
      .min(1, { error: 'Give at least one activation level and its trigger' })
      .max(5, { error: 'Levels: at most 5, so the sheet prints on one page' }),
    /** Numbers come live from the directory when a contact is chosen; a phone here is for callers outside it. */
    firstCalls: z
      .array(
        z
          .object({ label: text('Who to call', 100), contactId: uuid('Contact').nullish(), phone: phoneField('Phone').nullish() })
          .strict()
          .refine((c) => !!c.contactId || !!c.phone, { error: 'Each first call needs a contact from the directory or a phone number' }),
        { error: 'First calls must be a list' },
      )
      .min(1, { error: 'Give at least one first call' })
      .max(12, { error: 'First calls: at most 12, so the sheet prints on one page' }),
    coordinationCenter: z
      .object({
        location: text('Where the coordination center is', 200),
        howToOpen: longText('How to open it', 800),
        alternate: optionalField('Alternate location', 200),
      })
      .strict(),
    firstActions: items('First actions', 1, 10, text('First action', 240)),
  })
  .strict());
export type ActivationContentInput = z.input<typeof activationContentInput>;
export type ActivationContent = z.output<typeof activationContentInput>;

export const resolvedCallSchema = lazySchema(() => z.object({
  label: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  organisationName: z.string().nullable(),
  /** The number to call now: the contact's 24/7 number as the directory has it today. */
  phone: z.string().nullable(),
  /** Where the number came from; "missing" when the contact was removed from the directory. */
  source: z.enum(['directory', 'sheet', 'missing']),
}));
export type ResolvedCall = z.infer<typeof resolvedCallSchema>;

export const activationSheetSchema = lazySchema(() => z.object({
  id: z.string(),
  version: z.number().int(),
  content: z.object({
    title: z.string(),
    whoMayActivate: z.array(z.string()),
    levels: z.array(z.object({ name: z.string(), trigger: z.string() })),
    firstCalls: z.array(z.object({ label: z.string(), contactId: z.string().nullish(), phone: z.string().nullish() })),
    coordinationCenter: z.object({ location: z.string(), howToOpen: z.string(), alternate: z.string().nullish() }),
    firstActions: z.array(z.string()),
  }),
  calls: z.array(resolvedCallSchema),
  note: z.string().nullable(),
  recordedAt: epochMs(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  demo: z.boolean(),
}));
export type ActivationSheet = z.infer<typeof activationSheetSchema>;

const SHEET_TABLES = ['activation_sheets', 'contacts', 'organisations'];

export const activationMethods = {
  /** The sheet in force (the latest version), first calls with live directory numbers. */
  'activation.current': read(() => z.object({}).strict(), () => z.object({ sheet: activationSheetSchema.nullable() }), { reads: SHEET_TABLES }),
  'activation.versions': read(
    () => z.object({}).strict(),
    () => z.object({ versions: z.array(z.object({ id: z.string(), version: z.number().int(), recordedAt: epochMs(), operatorName: z.string().nullable(), note: z.string().nullable() })) }),
    { reads: SHEET_TABLES },
  ),
  'activation.get': read(() => z.object({ id: uuid('Sheet version') }).strict(), () => z.object({ sheet: activationSheetSchema }), { reads: SHEET_TABLES }),
  /** Saves a new version; earlier versions stay as they were. */
  'activation.save': write(() => z.object({ content: activationContentInput, note: optionalField('What changed', 300) }).strict(), () => z.object({ sheet: activationSheetSchema })),
  /** The sheet in force on one page (PDF), numbers as the directory has them now. Audited. */
  'activation.print': write(() => z.object({}).strict(), () => printResultSchema),
} as const;
