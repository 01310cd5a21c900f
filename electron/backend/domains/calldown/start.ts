import type { MethodParsedInput } from '../../../../shared/contract';
import { DISCIPLINE_LABELS, type Discipline } from '../../../../shared/domain/disciplines';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { invalid } from '../../errors';
import { currentSheet } from '../activation/queries';
import { contactsByDiscipline, contactsById, type ContactForList } from './queries';

type Source = MethodParsedInput<'calldown.start'>['source'];

/** Whom to call, in order, and who was left off (no 24/7 number) with the reason in words. */
function resolveList(db: Db, source: Source): { list: ContactForList[]; describe: string; skipped: string[] } {
  if (source.kind === 'sheet') {
    const sheet = currentSheet(db);
    if (!sheet) throw invalid('There is no activation sheet yet, so it has no first calls: write the sheet, or call by discipline');
    const list = sheet.calls.map((c) => ({ contact_id: c.contactId, contact_name: c.contactName ?? c.label, organisation_name: c.organisationName ?? '', discipline: null, role: c.label, phone: c.phone }));
    return { list, describe: `First calls of the activation sheet, version ${sheet.version}`, skipped: [] };
  }
  if (source.kind === 'contacts') {
    const found = contactsById(db, [...new Set(source.contactIds)]);
    if (found.length < new Set(source.contactIds).size) throw invalid('Some of the chosen contacts are no longer in the directory; choose again');
    return { list: found, describe: `${found.length} chosen contacts`, skipped: [] };
  }
  const all = contactsByDiscipline(db, source.disciplines);
  return {
    list: all.filter((c) => c.phone),
    describe: `24/7 contacts: ${source.disciplines.map((d) => DISCIPLINE_LABELS[d as Discipline]).join(', ')}`,
    skipped: all.filter((c) => !c.phone).map((c) => `${c.contact_name} (${c.organisation_name}): no 24/7 number in the directory`),
  };
}

/** Starts a call-down: the list as it stands now is part of the record (numbers included). */
export function startCalldown(tx: WriteTx, db: Db, incidentId: string, title: string, source: Source): { id: string; skipped: string[] } {
  const { list, describe, skipped } = resolveList(db, source);
  if (!list.length) throw invalid(`Nobody to call: ${skipped.length ? 'none of these contacts has a 24/7 number in the directory' : 'the list is empty'}`);
  const at = tx.now();
  const id = tx.appendFact('calldowns', { occurred_at: at, incident_id: incidentId, title, source: describe });
  list.forEach((c, i) =>
    tx.appendFact('calldown_targets', {
      occurred_at: at,
      calldown_id: id,
      ordinal: i,
      contact_id: c.contact_id,
      contact_name: c.contact_name,
      organisation_name: c.organisation_name,
      discipline: c.discipline,
      role: c.role,
      phone: c.phone,
    }),
  );
  return { id, skipped };
}

/** One call, as a record of fact. */
export function recordAttempt(tx: WriteTx, a: { calldownId: string; targetId: string; outcome: string; acknowledgedBy?: string | null; note?: string | null; at: number }): string {
  return tx.appendFact('calldown_attempts', {
    occurred_at: a.at,
    calldown_id: a.calldownId,
    target_id: a.targetId,
    outcome: a.outcome,
    acknowledged_by: a.acknowledgedBy || null,
    note: a.note || null,
  });
}
