/**
 * Migration 10 (issue 12, what an operator trips over).
 *
 * The timeline gains the resource requests' steps and the staffing of positions: an
 * activation's record in one list leaves out neither. Request steps are records of fact
 * already (request_events); staffing changes enter it through the audit trail, where the
 * writer records each assignment and removal. Existing rows are carried over in time order.
 * Also: hazard templates beyond the winter storm, and the log categories as data.
 */
import { seedSql } from './010-seeds';

const timelineInsert = (o: { inc: string; kind: string; pos: string; body: string }) => /* sql */ `
  INSERT OR IGNORE INTO timeline_refs (ref) SELECT ${o.inc} UNION ALL SELECT ${o.pos} WHERE ${o.pos} IS NOT NULL;
  INSERT INTO timeline (key, inc, kind, record_id, pos, operator_name, category) VALUES (
    coalesce(
      (SELECT key + 1 FROM timeline WHERE key >= NEW.occurred_at * 1048576 AND key < (NEW.occurred_at + 1) * 1048576 ORDER BY key DESC LIMIT 1),
      NEW.occurred_at * 1048576),
    (SELECT n FROM timeline_refs WHERE ref = ${o.inc}),
    '${o.kind}',
    NEW.id,
    (SELECT n FROM timeline_refs WHERE ref = ${o.pos}),
    NEW.operator_name,
    NULL);
  INSERT INTO timeline_fts (rowid, scope, body)
    SELECT key, 'i' || inc || ' k' || kind || coalesce(' p' || pos, ''), ${o.body} FROM timeline
    WHERE key >= NEW.occurred_at * 1048576 AND key < (NEW.occurred_at + 1) * 1048576 ORDER BY key DESC LIMIT 1;`;

/** Request steps recorded before this migration enter the timeline too (exported for its test). */
export const REQUEST_BACKFILL = /* sql */ `
-- Steps recorded before this migration. Set-based: each takes a key past any row of its
-- millisecond (offset 4096), in the order the steps were recorded.
INSERT OR IGNORE INTO timeline_refs (ref) SELECT DISTINCT r.incident_id FROM request_events e JOIN requests r ON r.id = e.request_id;
INSERT INTO timeline (key, inc, kind, record_id, pos, operator_name, category)
  SELECT e.occurred_at * 1048576 + 4096 + row_number() OVER (PARTITION BY e.occurred_at ORDER BY e.recorded_at, e.id),
         (SELECT n FROM timeline_refs WHERE ref = r.incident_id), 'request', e.id, NULL, e.operator_name, NULL
  FROM request_events e JOIN requests r ON r.id = e.request_id;
INSERT INTO timeline_fts (rowid, scope, body)
  SELECT t.key, 'i' || t.inc || ' krequest', concat_ws(' ', r.number || ' ' || r.summary, replace(e.action, '_', ' '), e.note)
  FROM timeline t JOIN request_events e ON e.id = t.record_id JOIN requests r ON r.id = e.request_id WHERE t.kind = 'request';
`;

const REQUEST_INC = '(SELECT incident_id FROM requests WHERE id = NEW.request_id)';
const STAFF_INC = "json_extract(NEW.detail, '$.incidentId')";
const STAFF_POS = "json_extract(NEW.detail, '$.positionId')";

export const sql = /* sql */ `
CREATE TRIGGER request_events_timeline AFTER INSERT ON request_events
BEGIN${timelineInsert({
  inc: REQUEST_INC,
  kind: 'request',
  pos: 'NULL',
  body: "concat_ws(' ', (SELECT number || ' ' || summary FROM requests WHERE id = NEW.request_id), replace(NEW.action, '_', ' '), NEW.note)",
})}
END;

CREATE TRIGGER audit_entries_staffing_timeline AFTER INSERT ON audit_entries
WHEN NEW.action IN ('staffing.assigned', 'staffing.removed') AND ${STAFF_INC} IS NOT NULL
BEGIN${timelineInsert({
  inc: STAFF_INC,
  kind: 'staffing',
  pos: STAFF_POS,
  body: "concat_ws(' ', json_extract(NEW.detail, '$.position'), json_extract(NEW.detail, '$.holderName'))",
})}
END;

${REQUEST_BACKFILL}

-- ICS 214 categories are data the coalition edits (mutable, through the write path).
CREATE TABLE log_categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Operators may protect their name with a PIN (scrypt hash and salt, never the PIN). One
-- row per person, keyed by the normalised name, so a PIN follows the name everywhere.
CREATE TABLE operator_pins (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  pin_hash TEXT,
  pin_salt TEXT,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Coalition-wide console settings: who may change settings, and the idle lock.
CREATE TABLE console_settings (
  id TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_hlc TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

${seedSql()}
`;
