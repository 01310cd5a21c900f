import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { seedDirectory } from './directory-seed';
import { createDemoIncident } from './incident';
import { seedInventory } from './inventory-seed';
import { seeded } from './prng';
import { seedRequests } from './requests-seed';

/** Fixed seed: the demonstration coalition is the same everywhere. */
export const DEMO_SEED = 20_170_401;

export interface DemoCounts {
  organisations: number;
  contacts: number;
  agreements: number;
  inventoryItems: number;
  requests: number;
  incidentId: string | null;
}

/** Everything the demonstration coalition holds, in the caller's transaction. */
export function generateDemo(tx: WriteTx, db: Db, workstationId: string, now: number, timeZone: string): DemoCounts {
  const rng = seeded(DEMO_SEED);
  const dir = seedDirectory(tx, db, rng, now, timeZone);
  const inv = seedInventory(tx, dir, rng, now);
  const incidentId = createDemoIncident(tx, db, workstationId, now);
  const requests = seedRequests(tx, db, dir, inv, incidentId, now);
  const organisations = 1 + [...dir.byDiscipline.values()].reduce((n, l) => n + l.length, 0);
  return { organisations, contacts: dir.contacts, agreements: dir.agreements, inventoryItems: inv.size, requests, incidentId };
}
