import type { Tone } from '../../components/StatusBadge';
import type { ActionStatus, Rating } from '../../../../shared/domain/aar-outline';

export const ACTION_TONES: Readonly<Record<ActionStatus, Tone>> = {
  open: 'info',
  in_progress: 'warn',
  completed: 'good',
  verified: 'good',
  cancelled: 'neutral',
};

export const RATING_TONES: Readonly<Record<Rating, Tone>> = { P: 'good', S: 'info', M: 'warn', U: 'bad' };

/** "Overdue by 3 days" / "Due in 12 days" / "Due today": the due date in words. */
export function dueInWords(daysFromDue: number | null): string | null {
  if (daysFromDue === null) return null;
  if (daysFromDue === 0) return 'Due today';
  const n = Math.abs(daysFromDue);
  const days = `${n} day${n === 1 ? '' : 's'}`;
  return daysFromDue > 0 ? `Overdue by ${days}` : `Due in ${days}`;
}
