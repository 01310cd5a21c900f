/**
 * Conservation of stock. An inventory record holds `held` units; `allocated` of them are
 * committed to requests; what is available is the rest. Every movement keeps
 * allocated + available == held and never lets either go below zero:
 *  - allocate: available -> allocated (a request line sourced from this stock);
 *  - return:   allocated -> available (equipment back, a fill withdrawn, a request cancelled);
 *  - consume:  allocated leaves the stock (consumables used up when the request closes);
 *  - count:    a physical recount sets what is held, never below what is allocated.
 */
export interface Stock {
  readonly held: number;
  readonly allocated: number;
}

export const MOVEMENTS = ['allocate', 'return', 'consume'] as const;
export type Movement = (typeof MOVEMENTS)[number];

export const available = (s: Stock) => s.held - s.allocated;

export type StockResult = { ok: true; stock: Stock } | { ok: false; message: string };

export function move(s: Stock, movement: Movement, quantity: number, unit = 'units'): StockResult {
  if (!Number.isInteger(quantity) || quantity < 1) return { ok: false, message: 'Quantity must be a whole number of 1 or more' };
  switch (movement) {
    case 'allocate':
      if (quantity > available(s)) {
        return { ok: false, message: `Only ${available(s)} ${unit} are available here (${s.held} held, ${s.allocated} already allocated); allocate at most ${available(s)}` };
      }
      return { ok: true, stock: { held: s.held, allocated: s.allocated + quantity } };
    case 'return':
    case 'consume':
      if (quantity > s.allocated) {
        return { ok: false, message: `Only ${s.allocated} ${unit} are allocated from here; cannot ${movement === 'return' ? 'return' : 'use up'} ${quantity}` };
      }
      return movement === 'return'
        ? { ok: true, stock: { held: s.held, allocated: s.allocated - quantity } }
        : { ok: true, stock: { held: s.held - quantity, allocated: s.allocated - quantity } };
  }
}

export function recount(s: Stock, held: number, unit = 'units'): StockResult {
  if (!Number.isInteger(held) || held < 0) return { ok: false, message: 'Quantity held must be a whole number of 0 or more' };
  if (held < s.allocated) {
    return { ok: false, message: `${s.allocated} ${unit} are allocated to requests, so at least ${s.allocated} must be held; return or consume them first` };
  }
  return { ok: true, stock: { held, allocated: s.allocated } };
}
