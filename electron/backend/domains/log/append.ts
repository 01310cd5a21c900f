import { isTranscribed, type EntrySource } from '../../../../shared/domain/incident-rules';
import type { WriteTx } from '../../db/writer';

export interface NewEntry {
  incidentId: string;
  positionId: string;
  category: string;
  text: string;
  occurredAt: number;
  source: EntrySource;
  correctsId?: string | null;
  /** A correction carries its original's mark: typed later by nature, it is no late entry. */
  transcribed?: boolean;
  /** The station or person a radio or phone entry was heard from; blank is none. */
  heardFrom?: string | null;
}

/** Appends one ICS 214 entry as a record of fact; the transcription mark is computed, never typed. */
export function appendEntry(tx: WriteTx, e: NewEntry): string {
  return tx.appendFact('log_entries', {
    occurred_at: e.occurredAt,
    incident_id: e.incidentId,
    position_id: e.positionId,
    category: e.category,
    text: e.text,
    source: e.source,
    transcribed: (e.transcribed ?? isTranscribed(e.source, e.occurredAt, tx.now())) ? 1 : 0,
    corrects_id: e.correctsId ?? null,
    heard_from: e.heardFrom?.trim() || null,
  });
}

/** Proposes an entry for the significant events board (the checks are the caller's). */
export function appendProposal(
  tx: WriteTx,
  p: { incidentId: string; entryId: string; proposerPositionId: string; note?: string | null; occurredAt: number },
): string {
  return tx.appendFact('significant_proposals', {
    occurred_at: p.occurredAt,
    incident_id: p.incidentId,
    entry_id: p.entryId,
    proposer_position_id: p.proposerPositionId,
    note: p.note || null,
  });
}

/** Approves or declines a proposal (the approver and status checks are the caller's). */
export function appendReview(
  tx: WriteTx,
  r: { incidentId: string; proposalId: string; entryId: string; approve: boolean; approverPositionId: string; note?: string | null; occurredAt: number },
): string {
  return tx.appendFact('significant_reviews', {
    occurred_at: r.occurredAt,
    incident_id: r.incidentId,
    proposal_id: r.proposalId,
    entry_id: r.entryId,
    approved: r.approve ? 1 : 0,
    approver_position_id: r.approverPositionId,
    note: r.note || null,
  });
}
