import type { Message } from '../../../../shared/contract';
import type { Db } from '../../db/open';

interface MessageRow {
  id: string;
  incident_id: string;
  direction: Message['direction'];
  via: Message['via'];
  priority: Message['priority'];
  to_name: string;
  to_position: string;
  from_name: string;
  from_position: string;
  subject: string;
  occurred_at: number;
  body: string;
  approved_by_name: string | null;
  approved_by_position: string | null;
  position_id: string;
  log_title: string | null;
  recorded_at: number;
  transcribed: number;
  operator_name: string | null;
  position_title: string | null;
  reply_id: string | null;
  reply: string | null;
  replied_by_name: string | null;
  replied_by_position: string | null;
  replied_at: number | null;
  reply_recorded_at: number | null;
}

const MESSAGE_SELECT = `
  SELECT m.*, p.title AS log_title, r.id AS reply_id, r.reply, r.replied_by_name, r.replied_by_position,
         r.occurred_at AS replied_at, r.recorded_at AS reply_recorded_at
  FROM messages m
  LEFT JOIN positions p ON p.id = m.position_id
  LEFT JOIN message_replies r ON r.id = (SELECT id FROM message_replies WHERE message_id = m.id ORDER BY recorded_at LIMIT 1)`;

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  incidentId: r.incident_id,
  direction: r.direction,
  via: r.via,
  priority: r.priority,
  toName: r.to_name,
  toPosition: r.to_position,
  fromName: r.from_name,
  fromPosition: r.from_position,
  subject: r.subject,
  messageAt: r.occurred_at,
  body: r.body,
  approvedByName: r.approved_by_name,
  approvedByPosition: r.approved_by_position,
  positionId: r.position_id,
  positionTitle: r.log_title ?? 'Unknown position',
  recordedAt: r.recorded_at,
  transcribed: r.transcribed === 1,
  operatorName: r.operator_name,
  operatorPositionTitle: r.position_title,
  reply:
    r.reply_id === null
      ? null
      : {
          id: r.reply_id,
          text: r.reply ?? '',
          repliedByName: r.replied_by_name ?? '',
          repliedByPosition: r.replied_by_position ?? '',
          repliedAt: r.replied_at ?? 0,
          recordedAt: r.reply_recorded_at ?? 0,
        },
});

export function getMessage(db: Db, id: string): Message | null {
  const r = db.prepare(`${MESSAGE_SELECT} WHERE m.id = ?`).get(id) as MessageRow | undefined;
  return r ? toMessage(r) : null;
}

/** Messages by id, in the order asked. */
export function getMessages(db: Db, ids: readonly string[]): Message[] {
  if (!ids.length) return [];
  const rows = db.prepare(`${MESSAGE_SELECT} WHERE m.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as MessageRow[];
  const byId = new Map(rows.map((r) => [r.id, toMessage(r)]));
  return ids.map((id) => byId.get(id)).filter((m): m is Message => m !== undefined);
}
