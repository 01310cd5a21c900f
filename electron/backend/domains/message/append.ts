import type { Message } from '../../../../shared/contract';
import { LATE_ENTRY_MS } from '../../../../shared/domain/incident-rules';
import type { WriteTx } from '../../db/writer';

/** ICS 213 blocks 2-8 as recorded, with the log (position) the message goes into. */
export interface NewMessage {
  incidentId: string;
  positionId: string;
  direction: Message['direction'];
  via: Message['via'];
  priority: Message['priority'];
  toName: string;
  toPosition: string;
  fromName: string;
  fromPosition: string;
  subject: string;
  body: string;
  messageAt: number;
  approvedByName?: string | null;
  approvedByPosition?: string | null;
}

/** Appends an ICS 213 as a record of fact; the transcription mark is computed, never typed. */
export function appendMessage(tx: WriteTx, m: NewMessage): string {
  return tx.appendFact('messages', {
    occurred_at: m.messageAt,
    incident_id: m.incidentId,
    position_id: m.positionId,
    direction: m.direction,
    via: m.via,
    priority: m.priority,
    to_name: m.toName,
    to_position: m.toPosition,
    from_name: m.fromName,
    from_position: m.fromPosition,
    subject: m.subject,
    body: m.body,
    approved_by_name: m.approvedByName ?? null,
    approved_by_position: m.approvedByPosition ?? null,
    // Typed from a voice or paper medium, or typed in late: the record says so.
    transcribed: m.via !== 'digital' || tx.now() - m.messageAt > LATE_ENTRY_MS ? 1 : 0,
  });
}

/** Appends blocks 9-10 to a message (the once-only and time checks are the caller's). */
export function appendReply(
  tx: WriteTx,
  r: { incidentId: string; messageId: string; reply: string; repliedByName: string; repliedByPosition: string; repliedAt: number },
): string {
  return tx.appendFact('message_replies', {
    occurred_at: r.repliedAt,
    incident_id: r.incidentId,
    message_id: r.messageId,
    reply: r.reply,
    replied_by_name: r.repliedByName,
    replied_by_position: r.repliedByPosition,
  });
}
