/**
 * Migration 12 (issue 12): who an entry was heard from.
 *
 * A radio or phone log is a list of stations speaking ("14:02 Medic 12: en route to
 * Baystate"). Until now the station stayed inside the entry's text; it becomes a field of its
 * own, so the log, the timeline and the ICS 214 show it apart. The column is added to a
 * record-of-fact table the way canonical-forms.ts allows: a new version of the table's
 * canonical form, so every link hashed before still verifies over the columns it covered.
 * NULL for every entry recorded before, and for entries not heard from anyone (typed by the
 * operator, from paper). The timeline's search text gains the name, so "Medic 12" finds
 * what Medic 12 said.
 */
import { timelineTrigger } from './002-incidents';

export const sql = /* sql */ `
ALTER TABLE log_entries ADD COLUMN heard_from TEXT;
DROP TRIGGER log_entries_timeline;
${timelineTrigger({
  table: 'log_entries',
  kind: 'entry',
  position: 'NEW.position_id',
  category: 'NEW.category',
  body: "concat_ws(' ', NEW.heard_from, NEW.text, NEW.category)",
})}
`;
