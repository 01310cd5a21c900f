import type { Cell } from './writer';

/**
 * Columns of mutable tables that never move between workstations: each workstation
 * recomputes them from what moved, in the same transaction as the apply (sync.md "What
 * moves"). The write path refuses them in `put` (they go through `derive`), and a change
 * to one of them arriving from an older peer is kept in the log but never applied.
 */
export const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  // A request's status and board fields follow its steps, lines and fills.
  requests: [
    'priority_rank',
    'status',
    'status_since',
    'is_open',
    'submitted_at',
    'aged_from',
    'eta',
    'quantity_requested',
    'quantity_filled',
    'requested_arrival',
    'summary',
    'search_text',
  ],
  // Retired by migration 9 (stock lives in inventory_stock); kept at 0.
  inventory: ['held_quantity', 'allocated_quantity'],
};

/** Columns every mutable row has that the write path fills itself. */
export const BOOKKEEPING_COLUMNS: ReadonlySet<string> = new Set(['id', 'created_at', 'updated_hlc']);

/**
 * What a derived column holds when a row is first materialized from changes, before the
 * domain's deriver recomputes it in the same apply. `created` is the row's creation time.
 */
export function derivedDefaults(table: string, created: number): Record<string, Cell> {
  switch (table) {
    case 'requests':
      return {
        priority_rank: 0,
        status: 'draft',
        status_since: created,
        is_open: 1,
        submitted_at: null,
        aged_from: created,
        eta: null,
        quantity_requested: 0,
        quantity_filled: 0,
        requested_arrival: null,
        summary: '',
        search_text: '',
      };
    case 'inventory':
      return { held_quantity: 0, allocated_quantity: 0 };
    default:
      return {};
  }
}

export function isDerived(table: string, column: string): boolean {
  return DERIVED_COLUMNS[table]?.includes(column) ?? false;
}

/**
 * Tables that hold this workstation's own state or indexes derived from the record, never
 * synced and never part of the content every workstation must agree on.
 */
export const LOCAL_TABLE_PREFIXES = ['local_', 'sync_', 'timeline', 'requests_fts', 'inventory_stock', 'meta'] as const;

export function isLocalTable(table: string): boolean {
  return LOCAL_TABLE_PREFIXES.some((p) => table === p || table.startsWith(p));
}
