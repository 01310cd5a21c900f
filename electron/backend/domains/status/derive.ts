import type { DeriveTx } from '../../db/writer';
import type { Touched } from '../../db/apply';
import { applyReport } from './apply';
import { forgetCatalogue, typeById } from './catalogue';
import { parseVals } from './values';

/** The tables `applyReport` keeps; open windows showing them refresh when a report lands. */
const DERIVED = ['status_current', 'status_trend'] as const;

/**
 * Keeps the current status, the region totals and the trend in step with every status
 * report stored, typed here or received from another workstation: one path, so a
 * report from a peer moves the board exactly as a local one does. Runs in the write's
 * own transaction, right after the report is stored.
 */
export function deriveStatus(tx: DeriveTx, touched: Touched): void {
  // A catalogue edit (here or from a peer) is read afresh by the next report and screen.
  if (touched.rows.has('status_types') || touched.rows.has('eei_sets')) forgetCatalogue(tx.db);
  const reports = touched.facts.filter((f) => f.table === 'status_reports');
  if (!reports.length) return;
  const types = typeById(tx.db);
  for (const { row } of reports) {
    applyReport(
      tx.db,
      {
        id: String(row.id),
        organisation_id: String(row.organisation_id),
        occurred_at: Number(row.occurred_at),
        vals: parseVals(String(row.vals)),
      },
      types,
    );
  }
  for (const t of DERIVED) tx.touched(t);
}
