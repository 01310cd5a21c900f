import type { WriteTx } from '../../db/writer';

/** Appends a tick (done) or untick (not done) of a checklist item; the history keeps both. */
export function appendTick(
  tx: WriteTx,
  t: { item: { id: string; incidentId: string }; done: boolean; note?: string | null; occurredAt: number },
): string {
  return tx.appendFact('checklist_ticks', {
    incident_id: t.item.incidentId,
    item_id: t.item.id,
    done: t.done ? 1 : 0,
    note: t.note || null,
    occurred_at: t.occurredAt,
  });
}
