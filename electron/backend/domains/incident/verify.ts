import type { Db } from '../../db/open';
import { rowKeySql } from '../../db/row-key';
import { verifyStore } from '../../integrity/verify';

const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * The chains are per workstation and run across incidents, so the whole chain is walked;
 * only problems touching this incident's records are reported, plus broken links that
 * cannot be attributed to a row. A deleted row is recognised through the timeline, which
 * still names it.
 */
export function verifyIncident(db: Db, incidentId: string) {
  const result = verifyStore(db, { maxProblems: 10_000 });
  const ref = db.prepare('SELECT n FROM timeline_refs WHERE ref = ?').get(incidentId) as { n: number } | undefined;
  const inTimeline = db.prepare(`SELECT 1 FROM timeline WHERE inc = @inc AND record_id = ${rowKeySql('@id')}`);
  const belongs = (table: string, rowId: string | null): boolean => {
    if (rowId === null) return true;
    if (!SAFE_IDENT.test(table)) return false;
    try {
      const row = db.prepare(`SELECT incident_id FROM ${table} WHERE id = ?`).get(rowId) as { incident_id?: string } | undefined;
      if (row) return row.incident_id === incidentId;
    } catch {
      return false; // a table without incident_id (audit entries) is not an incident's record
    }
    return ref ? inTimeline.get({ inc: ref.n, id: rowId }) !== undefined : false;
  };
  const problems = result.problems.filter((p) => belongs(p.table, p.rowId)).slice(0, 100);
  const records = ref ? (db.prepare('SELECT count(*) AS n FROM timeline WHERE inc = ?').get(ref.n) as { n: number }).n : 0;
  return { ok: problems.length === 0, checkedLinks: result.checkedLinks, incidentRecords: records, problems };
}
