/**
 * Where logistics finds what a line asks for (ICS 213RR blocks 10-16): the coalition's or a
 * member's recorded stock, a member asked directly, a mutual-aid agreement or MOU, the
 * state (in Massachusetts the MDPH Resource Request Unit or MEMA), or a purchase.
 * Only "inventory" moves recorded stock; the others are commitments recorded as facts.
 */
export const FILL_SOURCES = ['inventory', 'member', 'agreement', 'state', 'purchase'] as const;
export type FillSource = (typeof FILL_SOURCES)[number];

export const FILL_SOURCE_LABELS: Readonly<Record<FillSource, string>> = {
  inventory: 'Inventory (cache or member stock)',
  member: 'Member organisation',
  agreement: 'Mutual-aid agreement / MOU',
  state: 'State',
  purchase: 'Purchase (commercial supplier)',
};

/** Block 16 "Order placed by": Supply Unit, Procurement Unit, or other. */
export const ORDER_PLACED_BY = ['SPUL', 'PROC', 'other'] as const;
export type OrderPlacedBy = (typeof ORDER_PLACED_BY)[number];
