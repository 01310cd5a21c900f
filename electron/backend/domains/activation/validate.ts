import type { ActivationContent } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { invalid } from '../../errors';

/** A first call must point at a contact the directory holds, so its number can be read live. */
export function checkFirstCalls(db: Db, calls: ActivationContent['firstCalls']): void {
  const exists = db.prepare('SELECT 1 FROM contacts WHERE id = ? AND deleted = 0');
  calls.forEach((c, i) => {
    if (c.contactId && !exists.get(c.contactId)) {
      throw invalid(`First call ${i + 1} (${c.label}): that contact is not in the directory`, { issues: [{ path: ['content', 'firstCalls', String(i)], message: 'Contact not found' }] });
    }
  });
}
