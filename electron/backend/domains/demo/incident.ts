import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { createIncident } from '../incidents/create';
import { listLevels, setActiveIncident } from '../incidents/queries';

export const DEMO_INCIDENT_NAME = 'DEMO: Pioneer Valley ice storm and power outage';

/**
 * The demo's incident in progress, created through the incidents module's own write path.
 * It is flagged as an exercise so that every print and export of demo data says so.
 */
export function createDemoIncident(tx: WriteTx, db: Db, workstationId: string, now: number): string {
  const levels = listLevels(db);
  const level = levels.find((l) => /partial/i.test(l.name)) ?? levels[0];
  if (!level) throw new Error('No activation level is defined; the incidents migration seeds them');
  const { incidentId } = createIncident(db, tx, {
    name: DEMO_INCIDENT_NAME,
    exercise: true,
    activationLevelId: level.id,
    hazardType: 'Winter storm',
    description: 'Demonstration data: freezing rain has brought down lines across Hampden and Hampshire counties; several members are on generator power.',
    startedAt: now - 20 * 3_600_000,
    firstPeriod: { startsAt: now - 20 * 3_600_000, endsAt: now + 4 * 3_600_000 },
  });
  setActiveIncident(db, workstationId, incidentId, now);
  tx.touched('local_active_incident');
  return incidentId;
}
