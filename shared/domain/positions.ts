/**
 * Standard ICS / HICS positions an operator can work. Codes are stable identifiers;
 * titles are what the operator reads. A coalition adds its own as custom positions.
 */
export interface PositionDef {
  readonly code: string;
  readonly title: string;
  readonly section: 'Command' | 'Command Staff' | 'Operations' | 'Planning' | 'Logistics' | 'Finance/Administration' | 'Coalition';
}

export const STANDARD_POSITIONS: readonly PositionDef[] = [
  { code: 'IC', title: 'Incident Commander', section: 'Command' },
  { code: 'DEPIC', title: 'Deputy Incident Commander', section: 'Command' },
  { code: 'PIO', title: 'Public Information Officer', section: 'Command Staff' },
  { code: 'SOFR', title: 'Safety Officer', section: 'Command Staff' },
  { code: 'LOFR', title: 'Liaison Officer', section: 'Command Staff' },
  { code: 'MTS', title: 'Medical/Technical Specialist', section: 'Command Staff' },
  { code: 'OSC', title: 'Operations Section Chief', section: 'Operations' },
  { code: 'MEDCARE', title: 'Medical Care Branch Director', section: 'Operations' },
  { code: 'INFRA', title: 'Infrastructure Branch Director', section: 'Operations' },
  { code: 'PSC', title: 'Planning Section Chief', section: 'Planning' },
  { code: 'SITL', title: 'Situation Unit Leader', section: 'Planning' },
  { code: 'RESL', title: 'Resources Unit Leader', section: 'Planning' },
  { code: 'DOCL', title: 'Documentation Unit Leader', section: 'Planning' },
  { code: 'DMOB', title: 'Demobilization Unit Leader', section: 'Planning' },
  { code: 'LSC', title: 'Logistics Section Chief', section: 'Logistics' },
  { code: 'SPUL', title: 'Supply Unit Leader', section: 'Logistics' },
  { code: 'COML', title: 'Communications Unit Leader', section: 'Logistics' },
  { code: 'FSC', title: 'Finance/Administration Section Chief', section: 'Finance/Administration' },
  { code: 'PROC', title: 'Procurement Unit Leader', section: 'Finance/Administration' },
  { code: 'COST', title: 'Cost Unit Leader', section: 'Finance/Administration' },
  { code: 'TIME', title: 'Time Unit Leader', section: 'Finance/Administration' },
  { code: 'HCCDO', title: 'Coalition Duty Officer', section: 'Coalition' },
  { code: 'HCCLNO', title: 'Coalition Liaison (ESF-8)', section: 'Coalition' },
];

export const STANDARD_POSITION_CODES = new Set(STANDARD_POSITIONS.map((p) => p.code));
