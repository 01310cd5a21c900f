import type { InventoryStatus } from '../../../../shared/contract';
import type { ResourceCategory } from '../../../../shared/domain/nims';
import { useMethod } from '../../lib/query';

export interface InventoryFilters {
  search: string;
  category: ResourceCategory | null;
  kind: string | null;
  /** Filtered here: the contract filters by category, kind and status only. */
  type: string | null;
  status: InventoryStatus | null;
  availableOnly: boolean;
}

/** Holdings matching the filters, and the kinds in use or in the catalog for the kind filter. */
export function useInventory(f: InventoryFilters) {
  const kinds = useMethod('inventory.kinds', {});
  const list = useMethod('inventory.list', {
    search: f.search.trim() || null,
    category: f.category ?? undefined,
    kind: f.kind,
    status: f.status ?? undefined,
    availableOnly: f.availableOnly,
    limit: 1000,
  });
  const kindOptions = [
    ...new Set((kinds.data?.kinds ?? []).filter((k) => k.heldQuantity > 0 || k.inCatalog).map((k) => k.kind)),
  ];
  const all = list.data?.items;
  const typeOptions = [...new Set((all ?? []).map((i) => i.type).filter((t): t is string => !!t))].sort();
  const items = all && f.type ? all.filter((i) => i.type === f.type) : all;
  return { items, total: list.data?.total ?? 0, error: list.error, kindOptions, typeOptions };
}
