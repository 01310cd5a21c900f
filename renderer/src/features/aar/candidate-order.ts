import type { Observation } from '../../../../shared/contract';

const byLabel = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The record's proposals in an order a planner can work down, the same on every workstation
 * and every fresh store (the store's order followed ids made from the incident's, different
 * each time): by capability in the framework's numbering ("2 …" before "10 …"; none last), areas for
 * improvement before strengths within one, then the one with the most records behind it, then by title.
 */
export function candidateOrder(a: Observation, b: Observation): number {
  if (!a.capabilityLabel !== !b.capabilityLabel) return a.capabilityLabel ? -1 : 1;
  return (
    byLabel.compare(a.capabilityLabel ?? '', b.capabilityLabel ?? '') ||
    Number(a.kind === 'strength') - Number(b.kind === 'strength') ||
    b.evidence.length - a.evidence.length ||
    byLabel.compare(a.title, b.title) ||
    a.id.localeCompare(b.id)
  );
}
