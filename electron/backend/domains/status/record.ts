import { checkReport, type Flag, type PreviousValue, type ReportSource, type StoredValue } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { invalid, notFound } from '../../errors';
import { organisationRef, type OrganisationRef } from '../directory/queries';
import { timeFormatter } from '../incident/time';
import { currentRows, withCurrentRows, type CurrentRow } from './apply';
import { setIdsOf, typeByCode, typeById } from './catalogue';
import { toStored, type ReportValue } from './values';

export interface NewReport {
  organisationId: string;
  values: readonly { typeId: string; value: number | boolean | string }[];
  confirmations: readonly { key: string; reason: string }[];
  occurredAt: number;
  source: ReportSource;
  reportedBy?: string | null | undefined;
  note?: string | null | undefined;
  incidentId: string | null;
  statusRequestId?: string | null | undefined;
  importRef?: string | null;
  /** Imports only: every flag is confirmed with this reason (the sending system reported it so). */
  confirmAll?: string;
}

export function previousValues(db: Db, organisationId: string): Map<string, PreviousValue> {
  return previousOf(currentRows(db, organisationId));
}

function previousOf(rows: readonly CurrentRow[]): Map<string, PreviousValue> {
  return new Map(rows.map((r) => [r.type_id, { n: r.value_num, s: r.value_text, occurredAt: r.occurred_at }]));
}

/** The report's values as stored, each checked against its type and the facility's EEI set. */
export function storedValues(db: Db, org: OrganisationRef, values: NewReport['values']): Map<string, StoredValue> {
  const types = typeById(db);
  const inSet = setIdsOf(db, org.discipline);
  const out = new Map<string, StoredValue>();
  for (const { typeId, value } of values) {
    const t = types.get(typeId);
    if (!t) throw invalid('One of the values is for a status type that is not in the catalogue; reload the form');
    if (!inSet.has(typeId)) throw invalid(`${t.label} is not in the EEI set of ${org.disciplineLabel.toLowerCase()} facilities; add it to the set in the catalogue first`);
    if (out.has(typeId)) throw invalid(`${t.label} is given twice in one report`);
    out.set(typeId, toStored(t, value));
  }
  return out;
}

export function flagsFor(db: Db, org: OrganisationRef, values: NewReport['values']): Flag[] {
  return checkReport(typeById(db), storedValues(db, org, values), previousValues(db, org.id), timeFormatter(db), typeByCode(db));
}

export function requireFacility(db: Db, id: string): OrganisationRef {
  const org = organisationRef(db, id);
  if (!org) throw notFound('That facility');
  return org;
}

/**
 * Appends one status report (a record of fact) and updates the derived status in the
 * same transaction. Implausible values are flagged, never dropped or silently kept: each
 * flag must be confirmed with a reason, which is stored with the report.
 */
export function appendReport(tx: WriteTx, db: Db, r: NewReport): { reportId: string; flags: Flag[] } {
  const org = requireFacility(db, r.organisationId);
  const stored = storedValues(db, org, r.values);
  const current = currentRows(db, org.id);
  const flags = checkReport(typeById(db), stored, previousOf(current), timeFormatter(db), typeByCode(db));
  const reasons = new Map(r.confirmations.map((c) => [c.key, c.reason.trim()]));
  if (r.confirmAll) for (const f of flags) reasons.set(f.key, r.confirmAll);
  const unconfirmed = flags.filter((f) => !reasons.get(f.key));
  if (unconfirmed.length) {
    throw invalid(
      `${org.name}: ${unconfirmed.length === 1 ? 'a value needs' : `${unconfirmed.length} values need`} checking. ${unconfirmed.map((f) => f.message).join('. ')}. Correct it, or confirm it with a reason`,
      { flags: unconfirmed, organisationId: org.id },
    );
  }
  const vals: ReportValue[] = [...stored].map(([t, v]) => ({ t, n: v.n, s: v.s }));
  // The derived status (current, totals, trend) follows from the write path's deriver
  // (derive.ts), which the insert runs; it is handed the current rows read above.
  const id = withCurrentRows(db, org.id, current, () => tx.appendFact('status_reports', {
    organisation_id: org.id,
    incident_id: r.incidentId,
    status_request_id: r.statusRequestId ?? null,
    source: r.source,
    reported_by: r.reportedBy?.trim() || null,
    note: r.note?.trim() || null,
    vals: JSON.stringify(vals),
    flags: JSON.stringify(flags.map((f) => ({ ...f, reason: reasons.get(f.key)! }))),
    import_ref: r.importRef ?? null,
    occurred_at: r.occurredAt,
  }));
  return { reportId: id, flags };
}
