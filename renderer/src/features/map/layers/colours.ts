import type { Discipline } from '../../../../../shared/domain/disciplines';

/** Colours repeat what the words in each symbol say (CSS in map.css uses the same). */
export const DISCIPLINE_COLOURS: Readonly<Record<Discipline, string>> = {
  hospital: '#c62828',
  ems: '#ef6c00',
  public_health: '#2e7d32',
  emergency_management: '#1565c0',
  long_term_care: '#6a1b9a',
  community_health_center: '#00838f',
  dialysis: '#ad1457',
  home_health: '#5d4037',
  pharmacy: '#558b2f',
  behavioral_health: '#4527a0',
  urgent_care: '#d84315',
  other: '#546e7a',
};
export const PRIORITY_COLOURS = { urgent: '#c62828', routine: '#1565c0', low: '#616161' } as const;
export const CACHE_COLOURS = { available: '#2e7d32', conditionally_available: '#ef6c00', not_available: '#616161' } as const;
export const ANNOTATION_COLOURS = { note: '#0b6e4f', site: '#b00020', area: '#b00020' } as const;
export const OVERLAY_COLOUR = '#6a1b9a';
