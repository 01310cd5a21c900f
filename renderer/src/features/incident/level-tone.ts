import type { ActivationLevel } from '../../../../shared/contract';
import type { Tone } from '../../components/StatusBadge';

/** Colour follows the level's place in the coalition's own list; the name is always shown. */
export function levelTone(levelId: string, levels: readonly ActivationLevel[]): Tone {
  const sorted = [...levels].sort((a, b) => a.rank - b.rank);
  const i = sorted.findIndex((l) => l.id === levelId);
  if (i < 0 || sorted.length < 2) return 'info';
  if (i === sorted.length - 1) return 'bad';
  return i === 0 ? 'info' : 'warn';
}
