import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { seedAar } from './aar-seed';
import { seedDirectory } from './directory-seed';
import { createDemoIncident } from './incident';
import { seedInventory } from './inventory-seed';
import { seedMap } from './map-seed';
import { actorOf, DEMO_DUTY_OFFICER } from './people';
import { seeded } from './prng';
import { seedRecord } from './record-seed';
import { seedRequests } from './requests-seed';

/** How long before loading the demo's directory and caches were entered. */
const STANDING_DATA_AGE_MS = 30 * 24 * 3_600_000;

/** Fixed seed: the demonstration coalition is the same everywhere. */
export const DEMO_SEED = 20_170_401;

export interface DemoCounts {
  organisations: number;
  contacts: number;
  agreements: number;
  inventoryItems: number;
  requests: number;
  /** ICS 214 entries in the demo incident, corrections included. */
  logEntries: number;
  decisions: number;
  /** ICS 213 messages (replies are part of their message). */
  messages: number;
  incidentId: string | null;
}

/**
 * Everything the demonstration coalition holds, in the caller's transaction. The standing
 * data, the incident and the requests are attributed to the demo's duty officer; the
 * incident's record to the fictional person holding each position.
 */
export function generateDemo(tx: WriteTx, db: Db, workstationId: string, now: number, timeZone: string): DemoCounts {
  const rng = seeded(DEMO_SEED);
  const duty = tx.as(actorOf(workstationId, DEMO_DUTY_OFFICER));
  // The directory and the caches were entered weeks before the storm, so their history
  // starts before the requests that drew on them (see WriteTx.asOf).
  const standing = duty.asOf(now - STANDING_DATA_AGE_MS);
  const dir = seedDirectory(standing, db, rng, now, timeZone);
  const inv = seedInventory(standing, dir, rng, now);
  const { incidentId, periodId } = createDemoIncident(duty, db, workstationId, now);
  const requests = seedRequests(duty, db, dir, inv, incidentId, now);
  const record = seedRecord(tx, db, { workstationId, incidentId, periodId, dir, requests, rng, now, timeZone });
  seedAar(tx, db, { workstationId, incidentId, dir, now, timeZone });
  seedMap(tx, workstationId, incidentId, now);
  const organisations = 1 + [...dir.byDiscipline.values()].reduce((n, l) => n + l.length, 0);
  return {
    organisations,
    contacts: dir.contacts,
    agreements: dir.agreements,
    inventoryItems: inv.size,
    requests: requests.length,
    logEntries: record.logEntries,
    decisions: record.decisions,
    messages: record.messages,
    incidentId,
  };
}
