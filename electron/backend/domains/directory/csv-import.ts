import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { contactInput, DIRECTORY_CSV_COLUMNS, type ImportPreview, type ImportRow, organisationInput } from '../../../../shared/contract';
import { DEFAULT_MEMBERSHIP, parseDiscipline, parseMembership } from '../../../../shared/domain/disciplines';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { contactsOf, organisationByName } from './queries';
import { type ContactFields, type OrganisationFields, resolveLocation } from './records';
import { unescapeCell } from './csv-format';

/**
 * The directory CSV import, step one: parse, validate every row, and say what committing
 * would do. Pure with respect to the store (reads only); step two replays this plan.
 */
export const MAX_IMPORT_ROWS = 5000;
type Column = (typeof DIRECTORY_CSV_COLUMNS)[number];

/** Headings people actually use, mapped to ours. */
const HEADER_ALIASES: Record<string, Column> = {
  organization: 'organisation',
  organisation_name: 'organisation',
  organization_name: 'organisation',
  facility: 'organisation',
  shortname: 'short_name',
  zip_code: 'zip',
  zipcode: 'zip',
  postal_code: 'zip',
  city: 'town',
  lat: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  contact: 'contact_name',
  role: 'contact_role',
  '24_7_phone': 'phone_24_7',
  phone_24x7: 'phone_24_7',
  '24x7_phone': 'phone_24_7',
  phone: 'phone_24_7',
  e_mail: 'email',
};
const REQUIRED: readonly Column[] = ['organisation', 'discipline', 'town'];

const ORG_COLUMN: Record<string, Column> = {
  name: 'organisation',
  shortName: 'short_name',
  discipline: 'discipline',
  membership: 'membership',
  region: 'region',
  address: 'address',
  town: 'town',
  state: 'state',
  zip: 'zip',
  latitude: 'latitude',
  longitude: 'longitude',
  notes: 'organisation',
};
const CONTACT_COLUMN: Record<string, Column> = {
  name: 'contact_name',
  role: 'contact_role',
  phone24x7: 'phone_24_7',
  otherPhones: 'other_phones',
  email: 'email',
  radio: 'radio',
};

const orgSchema = organisationInput.omit({ id: true });
const contactSchema = contactInput.omit({ id: true, organisationId: true });

export interface PlannedOrganisation {
  key: string;
  fields: OrganisationFields | null;
  existingId: string | null;
  contacts: Omit<ContactFields, 'organisationId'>[];
}

export interface ImportPlan {
  preview: ImportPreview;
  organisations: PlannedOrganisation[];
}

const normHeader = (h: string): string => {
  const k = h.trim().toLowerCase().replace(/[\s/-]+/g, '_');
  return HEADER_ALIASES[k] ?? k;
};
const num = (s: string) => (s.trim() === '' ? null : Number(s.trim()));
const orNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());

export function digestOf(csv: string): string {
  return createHash('sha256').update(csv, 'utf8').digest('hex');
}

export function planImport(db: Db, csv: string): ImportPlan {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normHeader,
    transform: (v) => unescapeCell(v.trim()),
  });
  const fileErrors: string[] = [];
  const headers = parsed.meta.fields ?? [];
  for (const r of REQUIRED) if (!headers.includes(r)) fileErrors.push(`The file has no "${r}" column. The first line must name the columns, for example: ${DIRECTORY_CSV_COLUMNS.join(',')}`);
  const unknown = headers.filter((h) => h && !(DIRECTORY_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) fileErrors.push(`Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Rename or remove ${unknown.length > 1 ? 'them' : 'it'}; the columns are ${DIRECTORY_CSV_COLUMNS.join(', ')}`);
  if (parsed.data.length > MAX_IMPORT_ROWS) fileErrors.push(`The file has ${parsed.data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`);

  const csvErrors = new Map<number, string[]>();
  for (const e of parsed.errors) {
    // Short rows are common (trailing empty cells dropped by a spreadsheet): missing cells are empty.
    if (e.code === 'TooFewFields') continue;
    // An unclosed quote swallows the rest of the file into one cell, so papaparse's row is
    // wrong: the line where the quote opened is counted from the text itself.
    if (e.code === 'MissingQuotes' && typeof e.index === 'number') {
      const line = csv.replace(/^\uFEFF/, '').slice(0, e.index).split(/\r\n|\n|\r/).length;
      fileErrors.push(`Line ${line}: a quoted cell opened on this line is never closed; check its quotation marks`);
      continue;
    }
    if (e.row === undefined) fileErrors.push(e.message);
    else csvErrors.set(e.row, [...(csvErrors.get(e.row) ?? []), csvErrorText(e)]);
  }

  const rows: ImportRow[] = [];
  const planned = new Map<string, PlannedOrganisation & { firstLine: number; contactLines: Map<string, number>; locationSource: ImportPreview['organisations'][number]['locationSource'] }>();
  if (fileErrors.length === 0) {
    parsed.data.forEach((v, i) => {
      // Line numbers as a spreadsheet shows them: the header is line 1.
      const line = i + 2;
      const errors: { column: string; message: string }[] = (csvErrors.get(i) ?? []).map((m) => ({ column: '(row)', message: m }));
      const warnings: string[] = [];
      if (/demo/i.test(v.marking ?? '')) {
        errors.push({ column: 'marking', message: 'Demonstration data (DEMO DATA): never imported as a real organisation. Remove this row, or load the demonstration coalition instead' });
      }
      const orgName = (v.organisation ?? '').trim();
      const key = orgName.toLowerCase();
      const discipline = parseDiscipline(v.discipline ?? '');
      const orgRaw = {
        name: orgName,
        shortName: orNull(v.short_name),
        discipline: discipline ?? (v.discipline ?? ''),
        membership: parseMembership(v.membership ?? '') ?? (orNull(v.membership) ?? (discipline ? DEFAULT_MEMBERSHIP[discipline] : 'supporting')),
        region: orNull(v.region),
        address: orNull(v.address),
        town: (v.town ?? '').trim(),
        state: orNull(v.state),
        zip: orNull(v.zip),
        latitude: num(v.latitude ?? ''),
        longitude: num(v.longitude ?? ''),
      };
      const org = orgSchema.safeParse(orgRaw);
      if (!org.success) for (const iss of org.error.issues) errors.push({ column: ORG_COLUMN[String(iss.path[0])] ?? String(iss.path[0]), message: iss.message });
      const hasContact = ['contact_name', 'contact_role', 'phone_24_7', 'other_phones', 'email', 'radio'].some((c) => (v[c] ?? '').trim() !== '');
      let contact: Omit<ContactFields, 'organisationId'> | null = null;
      if (hasContact) {
        const fields = {
          name: (v.contact_name ?? '').trim(),
          role: orNull(v.contact_role),
          phone24x7: orNull(v.phone_24_7),
          otherPhones: (v.other_phones ?? '').split(';').map((p) => p.trim()).filter(Boolean),
          email: orNull(v.email),
          radio: orNull(v.radio),
        };
        const c = contactSchema.safeParse(fields);
        // A number that cannot be dialled as written (one this console's own export holds from
        // before the rule, "555-0100") does not hold up the whole file: the row is imported
        // with the number as written, and says so, to be corrected in the directory.
        const undialable = (iss: { code: string; path: PropertyKey[] }) => iss.code === 'custom' && (iss.path[0] === 'phone24x7' || iss.path[0] === 'otherPhones');
        if (c.success) contact = c.data;
        else if (c.error.issues.every(undialable)) {
          const rest = contactSchema.safeParse({ ...fields, phone24x7: null, otherPhones: [] });
          if (rest.success) {
            contact = { ...rest.data, phone24x7: fields.phone24x7, otherPhones: fields.otherPhones };
            for (const iss of c.error.issues) warnings.push(`${iss.message}. Imported as written: correct it in the directory so it can be dialled`);
          } else for (const iss of rest.error.issues) errors.push({ column: CONTACT_COLUMN[String(iss.path[0])] ?? String(iss.path[0]), message: iss.message });
        } else for (const iss of c.error.issues) errors.push({ column: CONTACT_COLUMN[String(iss.path[0])] ?? String(iss.path[0]), message: iss.message });
      }
      let locationSource: ImportPreview['organisations'][number]['locationSource'] = 'none';
      if (org.success) {
        try {
          locationSource = resolveLocation(org.data).source;
        } catch (e) {
          errors.push({ column: 'latitude', message: e instanceof AppError ? e.message : String(e) });
        }
      }

      let outcome: ImportRow['outcome'] = 'error';
      let p = planned.get(key);
      if (orgName && !p) {
        const existing = organisationByName(db, orgName);
        p = {
          key,
          fields: org.success ? (org.data as OrganisationFields) : null,
          existingId: existing?.id ?? null,
          contacts: [],
          firstLine: line,
          contactLines: new Map(existing ? contactsOf(db, existing.id).map((c) => [c.name.toLowerCase(), 0]) : []),
          locationSource: existing ? existing.locationSource : locationSource,
        };
        planned.set(key, p);
        if (existing) warnings.push(`"${existing.name}" is already in the directory: its details are kept as they are (edit them there); only new contacts are added`);
      } else if (p && !p.existingId && org.success && p.fields) {
        for (const [field, label] of [['discipline', 'Discipline'], ['town', 'Town'], ['membership', 'Membership']] as const) {
          if (String(org.data[field]) !== String(p.fields[field])) {
            errors.push({ column: ORG_COLUMN[field]!, message: `${label} differs from line ${p.firstLine} for the same organisation; make them the same` });
          }
        }
      }
      if (contact && p) {
        const seen = p.contactLines.get(contact.name.toLowerCase());
        if (seen === 0) {
          warnings.push(`${contact.name} is already a contact of this organisation; the row is skipped`);
          contact = null;
        } else if (seen !== undefined) {
          errors.push({ column: 'contact_name', message: `${contact.name} is listed twice for this organisation (line ${seen} and line ${line}); keep one` });
        } else p.contactLines.set(contact.name.toLowerCase(), line);
      }
      if (errors.length === 0 && p) {
        if (contact) p.contacts.push(contact);
        outcome = p.existingId
          ? contact
            ? 'contact_for_existing_organisation'
            : 'existing_organisation'
          : p.firstLine === line
            ? 'new_organisation'
            : contact
              ? 'contact_for_new_organisation'
              : 'existing_organisation';
      }
      rows.push({ line, organisationName: orgName, contactName: contact?.name ?? orNull(v.contact_name), outcome, errors, warnings });
    });
  }
  const rowsWithErrors = rows.filter((r) => r.errors.length).length;
  const orgs = [...planned.values()];
  const preview: ImportPreview = {
    digest: digestOf(csv),
    fileErrors,
    rows,
    organisations: orgs.map((o) => ({
      name: o.fields?.name ?? o.key,
      discipline: o.fields?.discipline ?? null,
      town: o.fields?.town ?? null,
      existing: o.existingId !== null,
      contacts: o.contacts.length,
      locationSource: o.locationSource,
    })),
    summary: {
      rows: rows.length,
      rowsWithErrors,
      organisationsToCreate: orgs.filter((o) => !o.existingId && o.fields).length,
      contactsToCreate: orgs.reduce((n, o) => n + o.contacts.length, 0),
    },
    canCommit: fileErrors.length === 0 && rowsWithErrors === 0 && rows.length > 0,
  };
  if (rows.length === 0 && fileErrors.length === 0) preview.fileErrors.push('The file has a header but no rows to import');
  return { preview, organisations: orgs };
}

function csvErrorText(e: Papa.ParseError): string {
  switch (e.code) {
    case 'TooManyFields':
      return 'This row has more cells than the header has columns; check for an unquoted comma';
    case 'MissingQuotes':
      return 'A quoted cell is not closed; check the quotation marks';
    default:
      return e.message;
  }
}
