import { z } from 'zod';
import { manifestFields } from './export';
import { AGREEMENT_KINDS, AGREEMENT_STANDINGS, dayNumber, DEFAULT_EXPIRY_WARNING_DAYS } from '../domain/agreements';
import { DISCIPLINE_LABELS, DISCIPLINES, MEMBERSHIPS } from '../domain/disciplines';
import { phoneProblem } from '../domain/phone';
import { cleanString, empty, epochMs, optionalNullishText, read, text, uuid, write, lazySchema } from './define';

/** Optional operator text: clean, trimmed and bounded; empty means "not given". */
export const optionalField = (label: string, max: number) => optionalNullishText(label, max);

/** A calendar date as written on a document: YYYY-MM-DD. */
export const calendarDate = (label: string) =>
  z
    .string({ error: `${label} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date written YYYY-MM-DD, such as 2026-06-30` })
    .refine((s) => dayNumber(s) !== null, { error: `${label} is not a real calendar date` });

/**
 * A phone number someone can dial (shared/domain/phone.ts: the forms say the same words
 * before sending). Checked on save only: stored numbers are read back as they are.
 */
export const phoneField = (label: string) =>
  cleanString(label)
    .trim()
    .max(40, { error: `${label} must be at most 40 characters` })
    .check((ctx) => {
      const problem = phoneProblem(label, ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    });

export const disciplineField = lazySchema(() => z.enum(DISCIPLINES, {
  error: `Discipline must be one of: ${Object.values(DISCIPLINE_LABELS).join(', ')}`,
}));
export const membershipField = lazySchema(() => z.enum(MEMBERSHIPS, { error: 'Membership must be core or supporting' }));
export const usState = lazySchema(() => cleanString('State')
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{2})?$/, { error: 'State must be a two-letter code such as MA' }));
export const zipCode = lazySchema(() => cleanString('ZIP code')
  .trim()
  .regex(/^(\d{5}(-\d{4})?)?$/, { error: 'ZIP code must be 5 digits (or ZIP+4), such as 01103' }));

export const LOCATION_SOURCES = ['entered', 'zip', 'town', 'none'] as const;

// ---------- organisations ----------

export const organisationInput = lazySchema(() => z
  .object({
    /** Absent: create. Present: update that organisation. */
    id: uuid('Organisation').optional(),
    name: text('Organisation name', 160),
    shortName: optionalField('Short name', 40),
    discipline: disciplineField,
    membership: membershipField,
    region: optionalField('Region', 80),
    address: optionalField('Street address', 200),
    town: text('Town', 80),
    /** Found from the ZIP code when not given. */
    state: usState.nullish(),
    zip: zipCode.nullish(),
    /** Leave both empty to have the location found offline from the ZIP code or town. */
    latitude: z.number({ error: 'Latitude must be a number' }).min(-90, { error: 'Latitude must be between -90 and 90' }).max(90, { error: 'Latitude must be between -90 and 90' }).nullish(),
    longitude: z.number({ error: 'Longitude must be a number' }).min(-180, { error: 'Longitude must be between -180 and 180' }).max(180, { error: 'Longitude must be between -180 and 180' }).nullish(),
    notes: optionalField('Notes', 2000),
  })
  .strict());
export type OrganisationInput = z.input<typeof organisationInput>;

export const organisationSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  discipline: disciplineField,
  disciplineLabel: z.string(),
  membership: membershipField,
  region: z.string().nullable(),
  address: z.string().nullable(),
  town: z.string(),
  state: z.string().nullable(),
  zip: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Where the location came from: typed in, the ZIP centroid, the town centroid, or none found. */
  locationSource: z.enum(LOCATION_SOURCES),
  notes: z.string().nullable(),
  contactCount: z.number().int(),
  /** Part of the demonstration coalition, not real data. */
  demo: z.boolean(),
}));
export type Organisation = z.infer<typeof organisationSchema>;

// ---------- contacts ----------

export const contactInput = lazySchema(() => z
  .object({
    id: uuid('Contact').optional(),
    organisationId: uuid('Organisation'),
    name: text('Contact name', 120),
    role: optionalField('Role', 80),
    /** The number answered at any hour: the one the duty officer calls first. */
    phone24x7: phoneField('24/7 phone').nullish(),
    otherPhones: z.array(phoneField('Other phone'), { error: 'Other phones must be a list' }).max(5, { error: 'At most 5 other phones' }).default([]),
    email: z
      .string({ error: 'Email must be text' })
      .trim()
      .max(254, { error: 'Email must be at most 254 characters' })
      .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'Email must look like name@example.org' })
      .nullish(),
    /** Radio call sign, channel or talkgroup, e.g. "MedNet 4 / HMCC-1". */
    radio: optionalField('Radio', 80),
    notes: optionalField('Notes', 500),
  })
  .strict());
export type ContactInput = z.input<typeof contactInput>;

export const contactSchema = lazySchema(() => z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  phone24x7: z.string().nullable(),
  otherPhones: z.array(z.string()),
  email: z.string().nullable(),
  radio: z.string().nullable(),
  notes: z.string().nullable(),
  demo: z.boolean(),
}));
export type Contact = z.infer<typeof contactSchema>;

// ---------- agreements ----------

export const agreementInput = lazySchema(() => z
  .object({
    id: uuid('Agreement').optional(),
    title: text('Agreement title', 160),
    kind: z.enum(AGREEMENT_KINDS, { error: 'Kind must be mou, mutual_aid or other' }),
    partyIds: z
      .array(uuid('Party'), { error: 'Parties must be a list of organisations' })
      .min(1, { error: 'Name at least one party to the agreement' })
      .max(200, { error: 'At most 200 parties' }),
    scope: text('Scope', 4000),
    resourcesCovered: z.array(text('Resource covered', 120), { error: 'Resources covered must be a list' }).max(50, { error: 'At most 50 resources covered' }).default([]),
    effectiveOn: calendarDate('Effective date'),
    expiresOn: calendarDate('Expiry date').nullish(),
    /** Where the signed document is kept: a file name, binder, or URL. */
    documentRef: optionalField('Document reference', 300),
    notes: optionalField('Notes', 2000),
  })
  .strict());
export type AgreementInput = z.input<typeof agreementInput>;

export const agreementSchema = lazySchema(() => z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  kindLabel: z.string(),
  parties: z.array(z.object({ id: z.string(), name: z.string() })),
  scope: z.string(),
  resourcesCovered: z.array(z.string()),
  effectiveOn: z.string(),
  expiresOn: z.string().nullable(),
  documentRef: z.string().nullable(),
  notes: z.string().nullable(),
  /** active, expiring_soon, expired, not_yet_effective or open_ended — computed for today. */
  standing: z.enum(AGREEMENT_STANDINGS),
  /** The standing in words, e.g. "EXPIRES in 12 days (2026-07-01)". */
  standingLabel: z.string(),
  daysToExpiry: z.number().int().nullable(),
  demo: z.boolean(),
}));
export type Agreement = z.infer<typeof agreementSchema>;

// ---------- CSV import / export ----------

/** Columns of the directory CSV, in order: one row per contact (organisation fields repeated). */
export const DIRECTORY_CSV_COLUMNS = [
  'organisation',
  'short_name',
  'discipline',
  'membership',
  'region',
  'address',
  'town',
  'state',
  'zip',
  'latitude',
  'longitude',
  'contact_name',
  'contact_role',
  'phone_24_7',
  'other_phones',
  'email',
  'radio',
  /** "DEMO DATA" on every row of the demonstration coalition: such rows never import as real. */
  'marking',
] as const;
/** Enough for several thousand rows; far larger files are refused before parsing. */
export const CSV_MAX_CHARS = 750_000;
const csvText = lazySchema(() => z
  .string({ error: 'The CSV must be text' })
  .min(1, { error: 'The CSV file is empty' })
  .max(CSV_MAX_CHARS, { error: `The CSV file is too large: at most ${CSV_MAX_CHARS.toLocaleString('en-US')} characters (about 5,000 rows)` }));

export const importRowSchema = lazySchema(() => z.object({
  /** Line number in the file as a spreadsheet shows it (the header is line 1). */
  line: z.number().int(),
  organisationName: z.string(),
  contactName: z.string().nullable(),
  /** What committing would do with this row. */
  outcome: z.enum(['new_organisation', 'contact_for_new_organisation', 'contact_for_existing_organisation', 'existing_organisation', 'error']),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
}));
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = lazySchema(() => z.object({
  /** Pass back to importCommit: proves the file committed is the file previewed. */
  digest: z.string(),
  /** Problems with the file as a whole (no header, unknown columns). */
  fileErrors: z.array(z.string()),
  rows: z.array(importRowSchema),
  organisations: z.array(
    z.object({
      name: z.string(),
      discipline: z.string().nullable(),
      town: z.string().nullable(),
      existing: z.boolean(),
      contacts: z.number().int(),
      locationSource: z.enum(LOCATION_SOURCES),
    }),
  ),
  summary: z.object({
    rows: z.number().int(),
    rowsWithErrors: z.number().int(),
    organisationsToCreate: z.number().int(),
    contactsToCreate: z.number().int(),
  }),
  /** False while any row has an error: fix the file and preview again. */
  canCommit: z.boolean(),
}));
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const geoPointSchema = lazySchema(() => z.object({
  latitude: z.number(),
  longitude: z.number(),
  source: z.enum(['zip', 'town']),
  /** The place matched, e.g. "Springfield, MA 01103". */
  place: z.string(),
}));
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** Paging for lists: how many rows and from where, with messages an operator can act on. */
export const rowLimit = (max: number, byDefault = 200) =>
  z
    .number({ error: 'Limit must be a number' })
    .int({ error: 'Limit must be a whole number' })
    .min(1, { error: 'Limit must be 1 or more' })
    .max(max, { error: `Limit must be at most ${max}` })
    .default(byDefault);
export const rowOffset = lazySchema(() => z
  .number({ error: 'Offset must be a number' })
  .int({ error: 'Offset must be a whole number' })
  .min(0, { error: 'Offset cannot be negative' })
  .max(1_000_000, { error: 'Offset must be at most 1,000,000' })
  .default(0));
const listLimit = lazySchema(() => rowLimit(1000));
const listOffset = rowOffset;

const DIRECTORY_TABLES = ['organisations', 'contacts', 'agreements', 'coalition'];

export const directoryMethods = {
  'directory.list': read(
    () => z
      .object({
        search: optionalField('Search', 120),
        discipline: disciplineField.optional(),
        membership: membershipField.optional(),
        limit: listLimit,
        offset: listOffset,
      })
      .strict(),
    () => z.object({ organisations: z.array(organisationSchema), total: z.number().int() }),
    { reads: DIRECTORY_TABLES },
  ),
  'directory.get': read(
    () => z.object({ id: uuid('Organisation') }).strict(),
    () => z.object({ organisation: organisationSchema, contacts: z.array(contactSchema), agreements: z.array(agreementSchema) }),
    { reads: DIRECTORY_TABLES },
  ),
  'directory.saveOrganisation': write(() => organisationInput, () => z.object({ organisation: organisationSchema })),
  /** Tombstones the organisation; refused while it has open requests or holds allocated stock. */
  'directory.removeOrganisation': write(() => z.object({ id: uuid('Organisation') }).strict(), () => z.object({ removed: z.boolean() })),
  'directory.saveContact': write(() => contactInput, () => z.object({ contact: contactSchema })),
  'directory.removeContact': write(() => z.object({ id: uuid('Contact') }).strict(), () => z.object({ removed: z.boolean() })),
  'directory.listAgreements': read(
    () => z
      .object({
        /** Agreements expiring within this many days are flagged "expiring soon". */
        withinDays: z.number({ error: 'Days must be a number' }).int().min(1, { error: 'Days must be 1 or more' }).max(730, { error: 'Days must be at most 730' }).default(DEFAULT_EXPIRY_WARNING_DAYS),
        partyId: uuid('Party').optional(),
        standing: z.enum(AGREEMENT_STANDINGS).optional(),
      })
      .strict(),
    () => z.object({
      agreements: z.array(agreementSchema),
      /** The coalition's calendar day the standings were computed for. */
      today: z.string(),
      expiringSoon: z.number().int(),
      expired: z.number().int(),
    }),
    { reads: DIRECTORY_TABLES },
  ),
  'directory.saveAgreement': write(() => agreementInput, () => z.object({ agreement: agreementSchema })),
  'directory.removeAgreement': write(() => z.object({ id: uuid('Agreement') }).strict(), () => z.object({ removed: z.boolean() })),
  /** Offline lookup for a form: the ZIP centroid, else the town's. No network. */
  'directory.geocode': read(
    () => z
      .object({ zip: zipCode.optional(), town: optionalField('Town', 80), state: usState.optional() })
      .strict(),
    () => z.object({ location: geoPointSchema.nullable(), zipPlace: z.object({ town: z.string(), state: z.string() }).nullable() }),
    { reads: [] },
  ),
  /** Parses a CSV and says what importing it would do. Writes nothing. */
  'directory.importPreview': read(() => z.object({ csv: csvText }).strict(), () => importPreviewSchema, { reads: DIRECTORY_TABLES }),
  /** Writes everything the preview showed, or nothing: refused while any row has an error. */
  'directory.importCommit': write(
    () => z.object({ csv: csvText, digest: z.string({ error: 'Digest must be text' }).regex(/^[0-9a-f]{64}$/, { error: 'Preview the file first: the digest from the preview is missing' }) }).strict(),
    () => z.object({ organisationsCreated: z.number().int(), contactsCreated: z.number().int() }),
  ),
  /** The directory in the import format; a write only because every export is audited. */
  'directory.exportCsv': write(() => empty, () => z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int(), exportedAt: epochMs(), sha256: z.string(), ...manifestFields })),
} as const;
