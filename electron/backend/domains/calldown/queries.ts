import type { CalldownSummary, CalldownTarget } from '../../../../shared/contract';
import { reachedLabel, TARGET_STATUS_LABELS, targetStatus, type CallOutcome } from '../../../../shared/domain/calldown';
import type { Db } from '../../db/open';

interface CalldownRow {
  id: string;
  incident_id: string;
  title: string;
  source: string;
  recorded_at: number;
  operator_name: string | null;
  total: number;
  reached: number;
}

// Reached counts come from the attempts each time: the list's progress is derived, never stored.
const SUMMARY_SELECT = `
  SELECT c.*, (SELECT count(*) FROM calldown_targets t WHERE t.calldown_id = c.id) AS total,
    (SELECT count(DISTINCT a.target_id) FROM calldown_attempts a WHERE a.calldown_id = c.id AND a.outcome = 'reached') AS reached
  FROM calldowns c`;

const toSummary = (r: CalldownRow): CalldownSummary => ({
  id: r.id,
  incidentId: r.incident_id,
  title: r.title,
  source: r.source,
  startedAt: r.recorded_at,
  operatorName: r.operator_name,
  total: r.total,
  reached: r.reached,
  progress: reachedLabel(r.reached, r.total),
});

export function getSummary(db: Db, id: string): CalldownSummary | null {
  const r = db.prepare(`${SUMMARY_SELECT} WHERE c.id = ?`).get(id) as CalldownRow | undefined;
  return r ? toSummary(r) : null;
}

/** Newest first. */
export function listSummaries(db: Db, incidentId: string): CalldownSummary[] {
  return (db.prepare(`${SUMMARY_SELECT} WHERE c.incident_id = ? ORDER BY c.recorded_at DESC`).all(incidentId) as CalldownRow[]).map(toSummary);
}

interface TargetRow {
  id: string;
  ordinal: number;
  contact_id: string | null;
  contact_name: string;
  organisation_name: string;
  discipline: string | null;
  role: string | null;
  phone: string | null;
}

interface AttemptRow {
  id: string;
  target_id: string;
  outcome: CallOutcome;
  acknowledged_by: string | null;
  note: string | null;
  occurred_at: number;
  operator_name: string | null;
}

/** The list in its order, each contact with every call made and where it stands. */
export function listTargets(db: Db, calldownId: string): CalldownTarget[] {
  const targets = db.prepare('SELECT * FROM calldown_targets WHERE calldown_id = ? ORDER BY ordinal').all(calldownId) as TargetRow[];
  const attempts = db.prepare('SELECT * FROM calldown_attempts WHERE calldown_id = ? ORDER BY occurred_at, recorded_at').all(calldownId) as AttemptRow[];
  return targets.map((t) => {
    const mine = attempts.filter((a) => a.target_id === t.id);
    const status = targetStatus(mine.map((a) => a.outcome));
    return {
      id: t.id,
      ordinal: t.ordinal,
      contactId: t.contact_id,
      contactName: t.contact_name,
      organisationName: t.organisation_name,
      discipline: t.discipline,
      role: t.role,
      phone: t.phone,
      status,
      statusLabel: TARGET_STATUS_LABELS[status],
      acknowledgedBy: mine.find((a) => a.outcome === 'reached')?.acknowledged_by ?? null,
      attempts: mine.map((a) => ({ id: a.id, outcome: a.outcome, acknowledgedBy: a.acknowledged_by, note: a.note, occurredAt: a.occurred_at, operatorName: a.operator_name })),
    };
  });
}

export interface ContactForList {
  contact_id: string | null;
  contact_name: string;
  organisation_name: string;
  discipline: string | null;
  role: string | null;
  phone: string | null;
}

const CONTACT_SELECT = `SELECT c.id AS contact_id, c.name AS contact_name, o.name AS organisation_name, o.discipline, c.role, c.phone_24x7 AS phone
  FROM contacts c JOIN organisations o ON o.id = c.organisation_id WHERE c.deleted = 0 AND o.deleted = 0`;

export function contactsByDiscipline(db: Db, disciplines: readonly string[]): ContactForList[] {
  return db
    .prepare(`${CONTACT_SELECT} AND o.discipline IN (SELECT value FROM json_each(?)) ORDER BY o.discipline, o.name COLLATE NOCASE, c.name COLLATE NOCASE`)
    .all(JSON.stringify(disciplines)) as ContactForList[];
}

export function contactsById(db: Db, ids: readonly string[]): ContactForList[] {
  const one = db.prepare(`${CONTACT_SELECT} AND c.id = ?`);
  return ids.map((id) => one.get(id) as ContactForList | undefined).filter((c): c is ContactForList => !!c);
}

export function callableContacts(db: Db) {
  return (
    db
      .prepare(
        `SELECT c.id, c.name, c.role, o.name AS organisation_name, o.discipline, c.phone_24x7 FROM contacts c JOIN organisations o ON o.id = c.organisation_id
         WHERE c.deleted = 0 AND o.deleted = 0 ORDER BY o.name COLLATE NOCASE, c.name COLLATE NOCASE`,
      )
      .all() as { id: string; name: string; role: string | null; organisation_name: string; discipline: string; phone_24x7: string | null }[]
  ).map((r) => ({ id: r.id, name: r.name, role: r.role, organisationName: r.organisation_name, discipline: r.discipline, phone24x7: r.phone_24x7 }));
}
