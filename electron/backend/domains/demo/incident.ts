import type { Db } from '../../db/open';
import { seedId } from '../../db/migrations/002-incidents';
import type { WriteTx } from '../../db/writer';
import { createIncident } from '../incident/create';
import { openPeriod } from '../incident/periods';
import { getIncidentRow, listLevels, setActiveIncident } from '../incident/queries';

export const DEMO_INCIDENT_NAME = 'DEMO: Pioneer Valley ice storm and power outage';

/** How long before loading the storm began: the demo's record covers this span. */
export const DEMO_INCIDENT_AGE_MS = 20 * 3_600_000;

/** ICS 202 block 3 for period 1, written by the Planning Section Chief. */
export const DEMO_OBJECTIVES: readonly string[] = [
  'Confirm power source, generator hours of fuel and heat at every hospital, long-term care facility and dialysis centre every 6 hours; escalate any facility under 24 hours of fuel to Logistics within 1 hour.',
  'Keep long-term care residents safe in place where heat and power hold; where a building cannot keep residents warm, move them within the building or to mutual aid partners before indoor temperatures become unsafe.',
  'Keep every scheduled dialysis patient on treatment: redirect patients of closed centres to open ones, extend hours, and arrange transport for patients who cannot drive on the ice.',
  'Identify every oxygen-dependent and electricity-dependent home health client without power and get each one to a powered location or a backup oxygen supply within 12 hours.',
  'Prevent carbon monoxide poisoning: share generator and heating safety guidance with members and public health, and track CO exposures seen in emergency departments.',
  'Keep members, MDPH ESF-8 and local emergency management informed: a situation update to members every 6 hours and before each briefing; backup radio net check every 12 hours.',
];

/**
 * The demo's incident in progress, created through the incidents module's own write path
 * from the "Extended power outage" template (its checklists and positions to staff), with
 * period 1 opened on the demo's own objectives. It is flagged as an exercise so that every
 * print and export of demo data says so.
 */
export function createDemoIncident(tx: WriteTx, db: Db, workstationId: string, now: number): { incidentId: string; periodId: string } {
  const levels = listLevels(db);
  const level = levels.find((l) => /partial/i.test(l.name)) ?? levels[0];
  if (!level) throw new Error('No activation level is defined; the incidents migration seeds them');
  const startedAt = now - DEMO_INCIDENT_AGE_MS;
  // Recorded as the duty officer opened it, a few minutes into the storm (see WriteTx.asOf).
  const opened = tx.asOf(startedAt + 3 * 60_000);
  const { incidentId } = createIncident(db, opened, {
    name: DEMO_INCIDENT_NAME,
    exercise: true,
    templateId: seedId('template', 'power-outage'),
    activationLevelId: level.id,
    hazardType: 'Winter storm: ice storm and power outage',
    description:
      'Demonstration data: freezing rain has brought down trees and lines across Berkshire, Hampshire and Hampden counties; ' +
      'more than 100,000 customers lost power and many members are on generator power.',
    startedAt,
  });
  const periodId = openPeriod(db, opened, getIncidentRow(db, incidentId)!, {
    startsAt: startedAt,
    endsAt: now + 4 * 3_600_000,
    objectives: [...DEMO_OBJECTIVES],
    copyStaffing: false,
  });
  setActiveIncident(db, workstationId, incidentId, now);
  tx.touched('local_active_incident');
  return { incidentId, periodId };
}
