import type { ActivationContent } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { invalid } from '../../errors';
import { nextSheetVersion } from './queries';

/** A first call must point at a contact the directory holds, so its number can be read live. */
export function checkFirstCalls(db: Db, calls: ActivationContent['firstCalls']): void {
  const exists = db.prepare('SELECT 1 FROM contacts WHERE id = ? AND deleted = 0');
  calls.forEach((c, i) => {
    if (c.contactId && !exists.get(c.contactId)) {
      throw invalid(`First call ${i + 1} (${c.label}): that contact is not in the directory`, { issues: [{ path: ['content', 'firstCalls', String(i)], message: 'Contact not found' }] });
    }
  });
}

/** Saves the sheet as its next version (a record of fact); earlier versions stay as they were. */
export function saveSheet(tx: WriteTx, db: Db, content: ActivationContent, note: string | null, demo = false): string {
  checkFirstCalls(db, content.firstCalls);
  const version = nextSheetVersion(db);
  const id = tx.appendFact('activation_sheets', { occurred_at: tx.now(), version, content: JSON.stringify(content), note, demo: demo ? 1 : 0 });
  tx.audit('activationSheet.saved', { id, version });
  return id;
}
