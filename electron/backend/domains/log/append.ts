import type { LogEntry } from '../../../../shared/contract';
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
  return writeEntry(tx, e).id;
}

/**
 * Appends one entry and gives it back as getEntry would read it, from the values written:
 * a new entry has no correction and no significance yet, and its position is the one given
 * (the caller checked it), so the answer needs no read after the write.
 */
export function appendEntryAsWritten(tx: WriteTx, e: NewEntry, position: { code: string; title: string }): LogEntry {
  const w = writeEntry(tx, e);
  return {
    id: w.id,
    incidentId: e.incidentId,
    positionId: e.positionId,
    positionCode: position.code,
    positionTitle: position.title,
    category: e.category,
    text: e.text,
    occurredAt: e.occurredAt,
    recordedAt: tx.now(),
    source: e.source,
    transcribed: w.transcribed,
    heardFrom: w.heardFrom,
    correctsId: e.correctsId ?? null,
    correctedById: null,
    operatorName: tx.actor.operatorName,
    operatorPositionTitle: tx.actor.positionTitle,
    workstationId: tx.actor.workstationId,
    significance: 'none',
  };
}

function writeEntry(tx: WriteTx, e: NewEntry): { id: string; transcribed: boolean; heardFrom: string | null } {
  const transcribed = e.transcribed ?? isTranscribed(e.source, e.occurredAt, tx.now());
  const heardFrom = e.heardFrom?.trim() || null;
  const id = tx.appendFact('log_entries', {
    occurred_at: e.occurredAt,
    incident_id: e.incidentId,
    position_id: e.positionId,
    category: e.category,
    text: e.text,
    source: e.source,
    transcribed: transcribed ? 1 : 0,
    corrects_id: e.correctsId ?? null,
    heard_from: heardFrom,
  });
  return { id, transcribed, heardFrom };
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
