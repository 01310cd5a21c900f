import type { LogEntry, SignificantProposal } from '../../../../shared/contract';
import type { EntrySource } from '../../../../shared/domain/incident-rules';
import type { Db } from '../../db/open';

interface EntryRow {
  id: string;
  incident_id: string;
  position_id: string;
  log_code: string | null;
  log_title: string | null;
  category: string;
  text: string;
  occurred_at: number;
  recorded_at: number;
  source: EntrySource;
  transcribed: number;
  heard_from: string | null;
  corrects_id: string | null;
  corrected_by_id: string | null;
  operator_name: string | null;
  position_title: string | null;
  workstation_id: string;
  significance: LogEntry['significance'];
}

/** Significance follows the newest proposal: approved, waiting, or declined. */
const ENTRY_SELECT = `
  SELECT e.id, e.incident_id, e.position_id, p.code AS log_code, p.title AS log_title, e.category, e.text, e.occurred_at,
         e.recorded_at, e.source, e.transcribed, e.heard_from, e.corrects_id,
         (SELECT c.id FROM log_entries c WHERE c.corrects_id = e.id ORDER BY c.recorded_at, c.id LIMIT 1) AS corrected_by_id,
         e.operator_name, e.position_title, e.workstation_id,
         CASE
           WHEN EXISTS (SELECT 1 FROM significant_reviews r WHERE r.entry_id = e.id AND r.approved = 1) THEN 'approved'
           WHEN EXISTS (SELECT 1 FROM significant_proposals s WHERE s.entry_id = e.id
                        AND NOT EXISTS (SELECT 1 FROM significant_reviews r WHERE r.proposal_id = s.id)) THEN 'proposed'
           WHEN EXISTS (SELECT 1 FROM significant_proposals s WHERE s.entry_id = e.id) THEN 'declined'
           ELSE 'none'
         END AS significance
  FROM log_entries e LEFT JOIN positions p ON p.id = e.position_id`;

const toEntry = (r: EntryRow): LogEntry => ({
  id: r.id,
  incidentId: r.incident_id,
  positionId: r.position_id,
  positionCode: r.log_code ?? '',
  positionTitle: r.log_title ?? 'Unknown position',
  category: r.category,
  text: r.text,
  occurredAt: r.occurred_at,
  recordedAt: r.recorded_at,
  source: r.source,
  transcribed: r.transcribed === 1,
  heardFrom: r.heard_from,
  correctsId: r.corrects_id,
  correctedById: r.corrected_by_id,
  operatorName: r.operator_name,
  operatorPositionTitle: r.position_title,
  workstationId: r.workstation_id,
  significance: r.significance,
});

export function getEntry(db: Db, id: string): LogEntry | null {
  const r = db.prepare(`${ENTRY_SELECT} WHERE e.id = ?`).get(id) as EntryRow | undefined;
  return r ? toEntry(r) : null;
}

/** Entries by id, in the order asked. */
export function getEntries(db: Db, ids: readonly string[]): LogEntry[] {
  if (!ids.length) return [];
  const rows = db.prepare(`${ENTRY_SELECT} WHERE e.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as EntryRow[];
  const byId = new Map(rows.map((r) => [r.id, toEntry(r)]));
  return ids.map((id) => byId.get(id)).filter((e): e is LogEntry => e !== undefined);
}

/** The whole correction history of an entry, the original first. */
export function correctionChain(db: Db, entry: LogEntry): LogEntry[] {
  let first = entry;
  const seen = new Set([entry.id]);
  while (first.correctsId) {
    const prev = getEntry(db, first.correctsId);
    if (!prev || seen.has(prev.id)) break;
    seen.add(prev.id);
    first = prev;
  }
  const chain = [first];
  let cur = first;
  while (cur.correctedById) {
    const next = getEntry(db, cur.correctedById);
    if (!next || chain.some((c) => c.id === next.id)) break;
    chain.push(next);
    cur = next;
  }
  return chain;
}

// Significant events ---------------------------------------------------------------------

interface ProposalRow {
  id: string;
  incident_id: string;
  entry_id: string;
  note: string | null;
  operator_name: string | null;
  position_title: string | null;
  occurred_at: number;
  review_id: string | null;
  approved: number | null;
  reviewer: string | null;
  reviewer_position: string | null;
  reviewed_at: number | null;
  review_note: string | null;
}

export function listCategories(db: Db): { id: string; name: string }[] {
  return db.prepare('SELECT id, name FROM log_categories WHERE deleted = 0 ORDER BY ordinal, name').all() as { id: string; name: string }[];
}

const PROPOSAL_SELECT = `
  SELECT s.id, s.incident_id, s.entry_id, s.note, s.operator_name, s.position_title, s.occurred_at,
         r.id AS review_id, r.approved, r.operator_name AS reviewer, r.position_title AS reviewer_position,
         r.occurred_at AS reviewed_at, r.note AS review_note
  FROM significant_proposals s LEFT JOIN significant_reviews r ON r.proposal_id = s.id`;

function toProposals(db: Db, rows: ProposalRow[]): SignificantProposal[] {
  const entries = new Map(getEntries(db, [...new Set(rows.map((r) => r.entry_id))]).map((e) => [e.id, e]));
  return rows.flatMap((r) => {
    const entry = entries.get(r.entry_id);
    if (!entry) return [];
    return [
      {
        id: r.id,
        incidentId: r.incident_id,
        entry,
        note: r.note,
        proposedBy: r.operator_name,
        proposedByPosition: r.position_title,
        proposedAt: r.occurred_at,
        status: r.review_id === null ? 'pending' : r.approved === 1 ? 'approved' : 'declined',
        reviewedBy: r.reviewer,
        reviewedByPosition: r.reviewer_position,
        reviewedAt: r.reviewed_at,
        reviewNote: r.review_note,
      } satisfies SignificantProposal,
    ];
  });
}

export function getProposal(db: Db, id: string): SignificantProposal | null {
  return toProposals(db, db.prepare(`${PROPOSAL_SELECT} WHERE s.id = ?`).all(id) as ProposalRow[])[0] ?? null;
}

export function listProposals(db: Db, incidentId: string, pendingOnly: boolean): SignificantProposal[] {
  const rows = db
    .prepare(`${PROPOSAL_SELECT} WHERE s.incident_id = ? ${pendingOnly ? 'AND r.id IS NULL' : ''} ORDER BY s.occurred_at DESC, s.id DESC`)
    .all(incidentId) as ProposalRow[];
  return toProposals(db, rows);
}

/** The board: approved proposals, in the order the events happened. */
export function listBoard(db: Db, incidentId: string): SignificantProposal[] {
  const rows = db
    .prepare(`${PROPOSAL_SELECT} WHERE s.incident_id = ? AND r.approved = 1`)
    .all(incidentId) as ProposalRow[];
  return toProposals(db, rows).sort((a, b) => a.entry.occurredAt - b.entry.occurredAt || a.id.localeCompare(b.id));
}

/** The open (unreviewed) or approved proposal of an entry, which blocks another proposal. */
export function blockingProposal(db: Db, entryId: string): SignificantProposal | null {
  const rows = db
    .prepare(`${PROPOSAL_SELECT} WHERE s.entry_id = ? AND (r.id IS NULL OR r.approved = 1) ORDER BY s.occurred_at DESC LIMIT 1`)
    .all(entryId) as ProposalRow[];
  return toProposals(db, rows)[0] ?? null;
}
