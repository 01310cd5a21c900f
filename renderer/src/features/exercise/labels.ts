import type { Exercise } from '../../../../shared/contract';
import type { Tone } from '../../components/StatusBadge';

export const STATE_LABELS: Readonly<Record<Exercise['state'], string>> = {
  planned: 'Planned',
  running: 'Running as an exercise incident',
  conducted: 'Conducted',
  cancelled: 'Cancelled',
};

export const STATE_TONES: Readonly<Record<Exercise['state'], Tone>> = { planned: 'info', running: 'warn', conducted: 'good', cancelled: 'neutral' };

export const dates = (x: Pick<Exercise, 'startsOn' | 'endsOn'>) => (x.startsOn === x.endsOn ? x.startsOn : `${x.startsOn} to ${x.endsOn}`);
