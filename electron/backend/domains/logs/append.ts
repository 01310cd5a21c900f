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
    transcribed: isTranscribed(e.source, e.occurredAt, tx.now()) ? 1 : 0,
    corrects_id: e.correctsId ?? null,
  });
}
