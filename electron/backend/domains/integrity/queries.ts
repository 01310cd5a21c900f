import type { Db } from '../../db/open';
import { newestSignedHead, type SignedHead } from '../../integrity/heads';

/** The newest signed head of every other workstation whose chain this store holds (as received by sync). */
export function otherHeads(db: Db, localWorkstationId: string): SignedHead[] {
  const others = db.prepare('SELECT DISTINCT workstation_id AS w FROM chain_heads WHERE workstation_id <> ?').all(localWorkstationId) as { w: string }[];
  return others.map((o) => newestSignedHead(db, o.w)).filter((h): h is SignedHead => h !== null);
}

export function workstationName(db: Db, id: string): string | null {
  return (db.prepare('SELECT name FROM workstations WHERE id = ?').get(id) as { name: string | null } | undefined)?.name ?? null;
}
