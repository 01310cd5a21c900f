import { STANDARD_POSITIONS } from '../../../../shared/domain/positions';
import type { Actor } from '../../db/writer';

/** Who holds each coalition EOC position in the demo's period 1 (fictional people). */
export interface DemoPerson {
  code: StaffCode;
  name: string;
  homeAgency: string;
  contact: string;
}

export type StaffCode = 'HCCDO' | 'IC' | 'PSC' | 'SITL' | 'LSC' | 'SPUL' | 'MTS' | 'INFRA' | 'LOFR' | 'COML';

/**
 * Home agencies name the coalition or a member by its demo directory name (members are
 * drawn from the seeded directory). The names are outside the directory's name lists, so
 * an EOC position holder is never mistaken for a member's contact.
 */
export function staffOf(member: (kind: 'hospital' | 'emergency_management' | 'public_health' | 'other', i: number) => string): readonly DemoPerson[] {
  const hcc = 'PVB Health Care Coalition (demo)';
  return [
    { code: 'HCCDO', name: 'Leslie Danforth', homeAgency: hcc, contact: '413-555-0100 (duty phone)' },
    { code: 'IC', name: 'Jesse Whitaker', homeAgency: `${hcc}, Coalition Director`, contact: 'EOC ext. 201' },
    { code: 'PSC', name: 'Cameron Holbrook', homeAgency: `${hcc}, Preparedness Planner`, contact: 'EOC ext. 210' },
    { code: 'SITL', name: 'Alexis Bancroft', homeAgency: hcc, contact: 'EOC ext. 211' },
    { code: 'LSC', name: 'Drew Ashby', homeAgency: `${member('hospital', 0)}, Materials Management`, contact: 'EOC ext. 220' },
    { code: 'SPUL', name: 'Frankie Lyman', homeAgency: `${hcc}, cache manager`, contact: 'EOC ext. 221' },
    { code: 'MTS', name: 'Robin Kessler', homeAgency: `${member('hospital', 1)}, Emergency Department (emergency physician)`, contact: 'EOC ext. 205' },
    { code: 'INFRA', name: 'Corey Hastings', homeAgency: member('emergency_management', 1), contact: 'EOC ext. 230' },
    { code: 'LOFR', name: 'Jules Prescott', homeAgency: member('public_health', 6), contact: 'EOC ext. 204' },
    { code: 'COML', name: 'Ari Sterling', homeAgency: `${member('other', 0)} (amateur radio)`, contact: 'HMCC talkgroup 1' },
  ];
}

export const positionTitle = (code: StaffCode): string => STANDARD_POSITIONS.find((p) => p.code === code)!.title;

/** The duty officer, who entered the coalition's standing data and activated the incident. */
export const DEMO_DUTY_OFFICER = { name: 'Leslie Danforth', code: 'HCCDO' as const };

export function actorOf(workstationId: string, person: { name: string; code: StaffCode }): Actor {
  return { workstationId, operatorName: person.name, positionTitle: positionTitle(person.code) };
}
