import { newId as uuidv7 } from '../../db/ids';
import type { inventoryMethods } from '../../../../shared/contract/inventory';
import { catalogKind, normalizeKind, normalizeType, RESOURCE_CATALOG, typeProblem } from '../../../../shared/domain/nims';
import { recount } from '../../../../shared/domain/inventory-rules';
import { conflict, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { getOrganisation } from '../directory/queries';
import { getItem, kindTotals, listInventory, movementsOf } from './queries';
import { countFields, recountStock } from './stock';

export const inventoryHandlers: HandlersFor<keyof typeof inventoryMethods> = {
  'inventory.list': (input, { db }) => listInventory(db, input),
  'inventory.get': ({ id }, { db }) => {
    const item = getItem(db, id);
    if (!item) throw notFound('That inventory item');
    return { item, movements: movementsOf(db, id) };
  },
  'inventory.save': ({ id, ...f }, ctx) =>
    ctx.write((tx) => {
      const existing = id ? getItem(ctx.db, id) : null;
      if (id && !existing) throw notFound('That inventory item');
      if (!getOrganisation(ctx.db, f.ownerOrganisationId)) throw notFound('The owner organisation');
      const problem = typeProblem(f.kind, f.type ?? null);
      if (problem) throw invalid(problem);
      if (existing) {
        const r = recount({ held: existing.heldQuantity, allocated: existing.allocatedQuantity }, f.heldQuantity, existing.unit);
        if (!r.ok) throw conflict(`${existing.name}: ${r.message}`);
      }
      const rowId = id ?? uuidv7();
      const cat = catalogKind(f.kind);
      tx.put('inventory', rowId, {
        category: f.category,
        resource_class: f.resourceClass,
        kind: cat?.kind ?? f.kind,
        kind_key: normalizeKind(f.kind),
        type: normalizeType(f.type),
        name: f.name,
        unit: f.unit,
        location: f.location,
        owner_organisation_id: f.ownerOrganisationId,
        status: f.status,
        // A save that changes the quantity held is a count; one that leaves it alone is not,
        // so it cannot undo a use recorded elsewhere in the meantime.
        ...(existing?.heldQuantity === f.heldQuantity ? {} : countFields(ctx.db, existing?.id ?? null, f.heldQuantity)),
        last_counted_at: f.lastCountedAt ?? existing?.lastCountedAt ?? null,
        notes: f.notes || null,
        // Consumables are used up, not returned; local kinds follow their class.
        consumable: (cat?.consumable ?? f.resourceClass === 'supplies') ? 1 : 0,
      });
      tx.audit(id ? 'inventory.changed' : 'inventory.added', { id: rowId, name: f.name, held: f.heldQuantity });
      return { item: getItem(ctx.db, rowId)! };
    }),
  'inventory.count': ({ id, heldQuantity, countedAt }, ctx) =>
    ctx.write((tx) => {
      const item = getItem(ctx.db, id);
      if (!item) throw notFound('That inventory item');
      recountStock(tx, ctx.db, id, heldQuantity, countedAt ?? tx.now());
      tx.audit('inventory.counted', { id, name: item.name, from: item.heldQuantity, to: heldQuantity });
      return { item: getItem(ctx.db, id)! };
    }),
  'inventory.remove': ({ id }, ctx) =>
    ctx.write((tx) => {
      const item = getItem(ctx.db, id);
      if (!item) throw notFound('That inventory item');
      if (item.allocatedQuantity > 0) {
        throw conflict(`${item.allocatedQuantity} ${item.unit} of ${item.name} are allocated to requests; return them before removing it`);
      }
      tx.remove('inventory', id);
      tx.audit('inventory.removed', { id, name: item.name });
      return { removed: true };
    }),
  'inventory.kinds': (_input, { db }) => {
    const totals = new Map(kindTotals(db).map((t) => [t.kindKey, t]));
    const kinds = RESOURCE_CATALOG.map((c) => {
      const t = totals.get(normalizeKind(c.kind));
      totals.delete(normalizeKind(c.kind));
      return { ...c, inCatalog: true, heldQuantity: t?.held ?? 0, availableQuantity: t?.available ?? 0 };
    });
    for (const t of totals.values()) {
      kinds.push({
        kind: t.kind,
        category: t.category as never,
        resourceClass: t.resourceClass as never,
        nimsTyped: false,
        unit: t.unit,
        consumable: t.consumable === 1,
        inCatalog: false,
        heldQuantity: t.held,
        availableQuantity: t.available,
      });
    }
    return { kinds };
  },
};
