import type { Db } from '../../db/open';

const tuned = new WeakSet<Db>();

/**
 * An import writes up to a thousand records in one transaction. Each insert into a
 * record-of-fact table runs triggers that may abort, so SQLite keeps a statement journal
 * for it, and past 64 KiB that journal spills to a temporary file and stays there for the
 * rest of the transaction: measured, imports ran three times slower. Temporary storage
 * is kept in memory on this connection instead (a statement journal holds only the pages
 * one statement touches). Set outside a transaction, where SQLite allows the change.
 * Belongs with the other connection settings in db/open.ts; done here until it moves.
 */
export function memoryStatementJournals(db: Db): void {
  if (tuned.has(db) || db.inTransaction) return;
  db.pragma('temp_store = MEMORY');
  tuned.add(db);
}
