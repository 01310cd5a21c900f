import type { DecisionLink } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { invalid } from '../../errors';

const LABEL_MAX = 120;
const clip = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

const LABEL_SQL: Record<Exclude<DecisionLink['type'], 'request'>, string> = {
  entry: 'SELECT incident_id, text AS label FROM log_entries WHERE id = ?',
  message: "SELECT incident_id, 'ICS 213: ' || subject AS label FROM messages WHERE id = ?",
  decision: "SELECT incident_id, 'Decision: ' || title AS label FROM decisions WHERE id = ?",
};

/** Requests belong to issue 4's module; linked only where its table exists. */
function requestLabel(db: Db, id: string): { incident_id: string | null; label: string } | undefined {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requests'").get()) {
    throw invalid('Resource requests are not available in this console yet, so a decision cannot link to one');
  }
  const cols = new Set((db.prepare("SELECT name FROM pragma_table_info('requests')").all() as { name: string }[]).map((c) => c.name));
  const row = db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const named = ['number', 'request_number', 'title', 'subject'].find((c) => cols.has(c) && row[c]);
  return {
    incident_id: cols.has('incident_id') ? (row.incident_id as string | null) : null,
    label: `Request ${named ? String(row[named]) : id.slice(0, 8)}`,
  };
}

/**
 * Checks that every linked record exists in the same incident and stores a label with
 * the link: records never change, so the label stays true.
 */
export function resolveLinks(db: Db, incidentId: string, links: readonly DecisionLink[]) {
  const seen = new Set<string>();
  const out: { type: DecisionLink['type']; id: string; label: string }[] = [];
  links.forEach((l, i) => {
    const key = `${l.type}:${l.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const row =
      l.type === 'request'
        ? requestLabel(db, l.id)
        : (db.prepare(LABEL_SQL[l.type]).get(l.id) as { incident_id: string; label: string } | undefined);
    if (!row) throw invalid(`Link ${i + 1}: that ${l.type} was not found`, { issues: [{ path: ['links', String(i)], message: 'Not found' }] });
    if (row.incident_id !== null && row.incident_id !== incidentId) {
      throw invalid(`Link ${i + 1}: that ${l.type} belongs to another incident`, { issues: [{ path: ['links', String(i)], message: 'Another incident' }] });
    }
    out.push({ type: l.type, id: l.id, label: clip(row.label) });
  });
  return out;
}

/**
 * The whole text of a linked record for a printed decision log: the stored label is
 * clipped to fit a screen row, a printed record says in full what the decision responds to.
 * Falls back to the stored label when the record cannot be read (a request table absent).
 */
export function linkFullLabel(db: Db, link: { type: DecisionLink['type']; id: string; label: string }): string {
  if (link.type === 'request') return link.label;
  const row = db.prepare(LABEL_SQL[link.type]).get(link.id) as { label: string } | undefined;
  return row?.label ?? link.label;
}
