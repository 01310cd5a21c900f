import { v7 as uuidv7 } from 'uuid';
import type { AnnotationGeometry, AnnotationPurpose, AnnotationShape } from '../../../../shared/contract';
import type { WriteTx } from '../../db/writer';
import { actorOf, DEMO_DUTY_OFFICER, type StaffCode } from './people';

const HOUR = 3_600_000;

interface Drawing {
  hoursAgo: number;
  by: { name: string; code: StaffCode };
  purpose: AnnotationPurpose;
  shape: AnnotationShape;
  geometry: AnnotationGeometry;
  radiusM?: number;
  label: string;
  note?: string;
}

/**
 * What the situation unit drew on the demo storm's map: where the icing was heaviest, the
 * area without power, a closed road and a warming centre's reach. Fictional, marked demo,
 * written through the same write path as an operator's drawing (stamped through asOf).
 */
export function seedMap(tx: WriteTx, workstationId: string, incidentId: string, now: number): number {
  // The demo's Situation Unit Leader (people.ts) and duty officer.
  const sitl = { name: 'Alexis Bancroft', code: 'SITL' as const };
  const duty = DEMO_DUTY_OFFICER;
  const drawings: Drawing[] = [
    {
      hoursAgo: 19.5,
      by: duty,
      purpose: 'incident_site',
      shape: 'point',
      geometry: { type: 'Point', coordinates: [-72.6412, 42.3251] },
      label: 'Heaviest icing: Northampton (demo)',
      note: 'Up to 1 inch of ice reported by the National Weather Service spotter network.',
    },
    {
      hoursAgo: 18,
      by: sitl,
      purpose: 'incident_area',
      shape: 'polygon',
      geometry: {
        type: 'Polygon',
        coordinates: [[[-72.93, 42.24], [-72.46, 42.2], [-72.3, 42.36], [-72.38, 42.62], [-72.7, 42.7], [-72.98, 42.5], [-72.93, 42.24]]],
      },
      label: 'Widespread power outage (demo)',
      note: 'Utility outage map at 06:00: over half of customers without power in these towns.',
    },
    {
      hoursAgo: 14,
      by: sitl,
      purpose: 'note',
      shape: 'line',
      geometry: { type: 'LineString', coordinates: [[-72.6169, 42.3426], [-72.5787, 42.3484], [-72.5301, 42.3668]] },
      label: 'Route 9 closed: lines down (demo)',
      note: 'State police: closed both ways between Northampton and Amherst; EMS detour by Route 116.',
    },
    {
      hoursAgo: 9,
      by: sitl,
      purpose: 'note',
      shape: 'circle',
      geometry: { type: 'Point', coordinates: [-72.5995, 42.5876] },
      radiusM: 4000,
      label: 'Greenfield warming centre reach (demo)',
      note: 'Open 24 hours with generator power; can take 120 people, 10 with oxygen concentrators.',
    },
  ];
  for (const d of drawings) {
    tx.as(actorOf(workstationId, d.by))
      .asOf(now - d.hoursAgo * HOUR)
      .put('map_annotations', uuidv7(), {
        incident_id: incidentId,
        purpose: d.purpose,
        shape: d.shape,
        geometry: JSON.stringify(d.geometry),
        radius_m: d.radiusM ?? null,
        label: d.label,
        note: d.note ?? null,
        demo: 1,
      });
  }
  return drawings.length;
}
