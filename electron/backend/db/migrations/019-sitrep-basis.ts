/**
 * Migration 19: what each text of a situation report was written against.
 *
 * Refreshing a report from the record redrew its figures and kept planning's text, all of
 * it: a summary drafted from the record said "on diversion: 1" beside a facility table
 * listing 4, and was approved so. Each text now carries its basis: the record's time and
 * the figures it was written against, and whether the console drafted it or planning
 * edited it. A text the console drafted is drafted again on refresh; an edited one is kept
 * and, when its figures changed, named before it can be approved. One column per text, so
 * two workstations editing different texts of a report do not conflict.
 *
 * NULL on reports drafted before this migration: the backend then reads the basis from
 * the report's record (see domains/sitrep/basis.ts).
 */
import type { Db } from '../open';

export const sql = /* sql */ `
ALTER TABLE sitreps ADD COLUMN summary_basis TEXT;
ALTER TABLE sitreps ADD COLUMN needs_12h_basis TEXT;
ALTER TABLE sitreps ADD COLUMN needs_24h_basis TEXT;
ALTER TABLE sitreps ADD COLUMN needs_48h_basis TEXT;
ALTER TABLE sitreps ADD COLUMN needs_72h_basis TEXT;
ALTER TABLE sitreps ADD COLUMN objectives_next_basis TEXT;
`;

/** The store has the columns already (see Migration.applied). */
export const applied = (db: Db): boolean =>
  !!db.prepare("SELECT 1 FROM pragma_table_info('sitreps') WHERE name = 'summary_basis'").get();
