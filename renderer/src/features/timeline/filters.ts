import type { TimelineFilters, TimelineKind } from '../../../../shared/contract';

/** What the operator has set in the filter bar; empty strings mean "any". */
export interface FilterState {
  text: string;
  kinds: TimelineKind[];
  positionId: string;
  operatorName: string;
  periodId: string;
  category: string;
}

export const NO_FILTERS: FilterState = { text: '', kinds: [], positionId: '', operatorName: '', periodId: '', category: '' };

/** The contract's filters: only what is set, so an unfiltered page uses the plain index. */
export function toContractFilters(f: FilterState): TimelineFilters {
  const out: TimelineFilters = {};
  if (f.text.trim()) out.text = f.text.trim();
  if (f.kinds.length) out.kinds = f.kinds;
  if (f.positionId) out.positionId = f.positionId;
  if (f.operatorName) out.operatorName = f.operatorName;
  if (f.periodId) out.periodId = f.periodId;
  if (f.category) out.category = f.category;
  return out;
}

export function isFiltered(f: FilterState): boolean {
  return Object.keys(toContractFilters(f)).length > 0;
}
