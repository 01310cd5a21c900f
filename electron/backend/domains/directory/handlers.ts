import { createHash } from 'node:crypto';
import { DIRECTORY_CSV_COLUMNS, type directoryMethods } from '../../../../shared/contract/directory';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../../../../shared/domain/agreements';
import { conflict, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { geocode, placeOfZip } from '../geocode/geocode';
import { toCsv } from './csv-format';
import { digestOf, planImport } from './csv-import';
import {
  allContacts,
  allOrganisations,
  coalitionToday,
  contactsOf,
  getAgreement,
  getContact,
  getOrganisation,
  inventoryCount,
  listAgreements,
  listOrganisations,
  openRequestCount,
} from './queries';
import { putAgreement, putContact, putOrganisation } from './records';
import { chainHeadOf, manifestOf } from '../export/manifest';
import { markedFileName } from '../export/marks';
import { isDemo } from '../demo/queries';
import { printIntegrity } from '../../integrity/print';


export const directoryHandlers: HandlersFor<keyof typeof directoryMethods> = {
  'directory.list': (input, { db }) => listOrganisations(db, input),
  'directory.get': ({ id }, { db, services }) => {
    const organisation = getOrganisation(db, id);
    if (!organisation) throw notFound('That organisation');
    const today = coalitionToday(db, services.now());
    return { organisation, contacts: contactsOf(db, id), agreements: listAgreements(db, today, DEFAULT_EXPIRY_WARNING_DAYS, id) };
  },
  'directory.saveOrganisation': ({ id, ...fields }, ctx) =>
    ctx.write((tx) => {
      // A rename also rewrites the board text of the organisation's requests (requests/derive.ts).
      const rowId = putOrganisation(tx, ctx.db, id, fields);
      const organisation = getOrganisation(ctx.db, rowId)!;
      tx.audit(id ? 'directory.organisationChanged' : 'directory.organisationAdded', { id: rowId, name: fields.name });
      return { organisation };
    }),
  'directory.removeOrganisation': ({ id }, ctx) =>
    ctx.write((tx) => {
      const org = getOrganisation(ctx.db, id);
      if (!org) throw notFound('That organisation');
      const open = openRequestCount(ctx.db, id);
      if (open) throw conflict(`${org.name} has ${open} open resource request${open > 1 ? 's' : ''}; close or cancel ${open > 1 ? 'them' : 'it'} first`);
      const held = inventoryCount(ctx.db, id);
      if (held) throw conflict(`${org.name} owns ${held} inventory record${held > 1 ? 's' : ''}; remove or reassign ${held > 1 ? 'them' : 'it'} first`);
      for (const c of contactsOf(ctx.db, id)) tx.remove('contacts', c.id);
      tx.remove('organisations', id);
      tx.audit('directory.organisationRemoved', { id, name: org.name });
      return { removed: true };
    }),
  'directory.saveContact': ({ id, ...fields }, ctx) =>
    ctx.write((tx) => {
      const rowId = putContact(tx, ctx.db, id, fields);
      tx.audit(id ? 'directory.contactChanged' : 'directory.contactAdded', { id: rowId, organisationId: fields.organisationId, name: fields.name });
      return { contact: getContact(ctx.db, rowId)! };
    }),
  'directory.removeContact': ({ id }, ctx) =>
    ctx.write((tx) => {
      const c = getContact(ctx.db, id);
      if (!c) throw notFound('That contact');
      tx.remove('contacts', id);
      tx.audit('directory.contactRemoved', { id, name: c.name, organisation: c.organisationName });
      return { removed: true };
    }),
  'directory.listAgreements': ({ withinDays, partyId, standing }, { db, services }) => {
    const today = coalitionToday(db, services.now());
    const all = listAgreements(db, today, withinDays, partyId);
    return {
      agreements: standing ? all.filter((a) => a.standing === standing) : all,
      today,
      expiringSoon: all.filter((a) => a.standing === 'expiring_soon').length,
      expired: all.filter((a) => a.standing === 'expired').length,
    };
  },
  'directory.saveAgreement': ({ id, ...fields }, ctx) =>
    ctx.write((tx) => {
      const rowId = putAgreement(tx, ctx.db, id, fields);
      tx.audit(id ? 'directory.agreementChanged' : 'directory.agreementAdded', { id: rowId, title: fields.title });
      return { agreement: getAgreement(ctx.db, rowId, coalitionToday(ctx.db, tx.now()), DEFAULT_EXPIRY_WARNING_DAYS)! };
    }),
  'directory.removeAgreement': ({ id }, ctx) =>
    ctx.write((tx) => {
      const a = ctx.db.prepare('SELECT title FROM agreements WHERE id = ? AND deleted = 0').get(id) as { title: string } | undefined;
      if (!a) throw notFound('That agreement');
      tx.remove('agreements', id);
      tx.audit('directory.agreementRemoved', { id, title: a.title });
      return { removed: true };
    }),
  'directory.geocode': ({ zip, town, state }) => ({
    location: geocode({ zip: zip || null, town: town || null, state: state || null }),
    zipPlace: zip ? placeOfZip(zip) : null,
  }),
  'directory.importPreview': ({ csv }, { db }) => planImport(db, csv).preview,
  'directory.importCommit': ({ csv, digest }, ctx) => {
    if (digestOf(csv) !== digest) throw conflict('The file differs from the one previewed; preview it again before importing');
    return ctx.write((tx) => {
      // Planned again inside the transaction: the directory may have changed since the preview.
      const { preview, organisations } = planImport(ctx.db, csv);
      if (!preview.canCommit) {
        const first = preview.rows.find((r) => r.errors.length);
        const where = first ? `line ${first.line}: ${first.errors[0]!.message}` : preview.fileErrors[0] ?? 'the file has no rows';
        throw invalid(`Nothing was imported: ${preview.summary.rowsWithErrors || preview.fileErrors.length} problem${preview.summary.rowsWithErrors === 1 ? '' : 's'} to fix first (${where})`, {
          fileErrors: preview.fileErrors,
          rows: preview.rows.filter((r) => r.errors.length),
        });
      }
      let organisationsCreated = 0;
      let contactsCreated = 0;
      for (const o of organisations) {
        const orgId = o.existingId ?? putOrganisation(tx, ctx.db, undefined, o.fields!);
        if (!o.existingId) organisationsCreated++;
        for (const c of o.contacts) {
          putContact(tx, ctx.db, undefined, { ...c, organisationId: orgId });
          contactsCreated++;
        }
      }
      tx.audit('directory.imported', { digest, organisationsCreated, contactsCreated });
      return { organisationsCreated, contactsCreated };
    });
  },
  'directory.exportCsv': (_input, ctx) => {
    // Every export is a checkpoint: the head signed now is kept in its manifest.
    const chainHead = chainHeadOf(printIntegrity(ctx.services, 'export'));
    return ctx.write((tx) => {
      const orgs = allOrganisations(ctx.db);
      const byOrg = new Map<string, ReturnType<typeof allContacts>>();
      for (const c of allContacts(ctx.db)) byOrg.set(c.organisationId, [...(byOrg.get(c.organisationId) ?? []), c]);
      const rows: (string | number | null)[][] = [];
      for (const o of orgs) {
        // Coordinates only when typed in: found ones are found again on import.
        const typed = o.locationSource === 'entered';
        const base = [o.name, o.shortName, o.discipline, o.membership, o.region, o.address, o.town, o.state, o.zip, typed ? o.latitude : null, typed ? o.longitude : null];
        const contacts = byOrg.get(o.id) ?? [];
        const marking = o.demo ? 'DEMO DATA' : null;
        if (!contacts.length) rows.push([...base, null, null, null, null, null, null, marking]);
        for (const c of contacts) rows.push([...base, c.name, c.role, c.phone24x7, c.otherPhones.join('; '), c.email, c.radio, marking]);
      }
      const csv = toCsv(DIRECTORY_CSV_COLUMNS, rows);
      const sha256 = createHash('sha256').update(csv, 'utf8').digest('hex');
      const exportedAt = tx.now();
      const fileName = markedFileName(`directory-${new Date(exportedAt).toISOString().slice(0, 10)}.csv`, { demo: isDemo(ctx.db) });
      tx.audit('directory.exported', { fileName, rows: rows.length, sha256 });
      const meta = { form: 'Directory CSV' as const, incidentId: null, incidentName: null, exercise: false, generatedAt: exportedAt, actor: ctx.actor, chainHead };
      return { fileName, csv, rows: rows.length, exportedAt, sha256, ...manifestOf(fileName, new TextEncoder().encode(csv), meta) };
    });
  },
};
