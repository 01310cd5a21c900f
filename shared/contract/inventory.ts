import { z } from 'zod';
import { NIMS_TYPES, RESOURCE_CATEGORIES, RESOURCE_CLASSES } from '../domain/nims';
import { epochMs, optionalNullishText, read, text, uuid, write, lazySchema } from './define';
import { optionalField, rowLimit, rowOffset } from './directory';

/** NIEM EMLC availability (standards-reference §8), less "unknown": a counted cache is known. */
export const INVENTORY_STATUSES = ['available', 'conditionally_available', 'not_available'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];
export const INVENTORY_STATUS_LABELS: Readonly<Record<InventoryStatus, string>> = {
  available: 'Available',
  conditionally_available: 'Conditionally available',
  not_available: 'Not available',
};

export const quantityField = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number of 1 or more` })
    .min(1, { error: `${label} must be a whole number of 1 or more` })
    .max(10_000_000, { error: `${label} must be at most 10,000,000` });

const heldQuantity = lazySchema(() => z
  .number({ error: 'Quantity held must be a number' })
  .int({ error: 'Quantity held must be a whole number of 0 or more' })
  .min(0, { error: 'Quantity held must be a whole number of 0 or more' })
  .max(10_000_000, { error: 'Quantity held must be at most 10,000,000' }));

export const resourceCategory = lazySchema(() => z.enum(RESOURCE_CATEGORIES, { error: `Category must be one of: ${RESOURCE_CATEGORIES.join(', ')}` }));
export const resourceClass = lazySchema(() => z.enum(RESOURCE_CLASSES, { error: `Class must be one of: ${RESOURCE_CLASSES.join(', ')}` }));
/** NIMS Type 1-4 where the kind is NIMS-typed; otherwise a short local designation ("Size L"). */
export const resourceType = lazySchema(() => optionalNullishText('Type', 40));
export { NIMS_TYPES };

export const inventoryInput = lazySchema(() => z
  .object({
    id: uuid('Inventory item').optional(),
    category: resourceCategory,
    resourceClass,
    /** What it is, as the 213RR "Kind" column says it; matched against request lines. */
    kind: text('Kind', 120),
    type: resourceType,
    /** This holding, e.g. "Coalition cache N95 (3M 8210)". */
    name: text('Name', 160),
    unit: text('Unit', 30),
    location: text('Location', 200),
    ownerOrganisationId: uuid('Owner organisation'),
    status: z.enum(INVENTORY_STATUSES, { error: 'Status must be available, conditionally_available or not_available' }),
    heldQuantity,
    lastCountedAt: epochMs('Last counted').nullish(),
    notes: optionalField('Notes', 2000),
  })
  .strict());
export type InventoryInput = z.input<typeof inventoryInput>;

export const inventoryItemSchema = lazySchema(() => z.object({
  id: z.string(),
  category: z.string(),
  resourceClass: z.string(),
  kind: z.string(),
  type: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  location: z.string(),
  ownerOrganisationId: z.string(),
  ownerName: z.string(),
  status: z.enum(INVENTORY_STATUSES),
  statusLabel: z.string(),
  /** allocatedQuantity + availableQuantity == heldQuantity, always. */
  heldQuantity: z.number().int(),
  allocatedQuantity: z.number().int(),
  availableQuantity: z.number().int(),
  lastCountedAt: epochMs().nullable(),
  notes: z.string().nullable(),
  /** Used up rather than returned (PPE, oxygen): closing a request consumes what it was allocated. */
  consumable: z.boolean(),
  demo: z.boolean(),
}));
export type InventoryItem = z.infer<typeof inventoryItemSchema>;

export const movementSchema = lazySchema(() => z.object({
  id: z.string(),
  movement: z.enum(['allocate', 'return', 'consume']),
  quantity: z.number().int(),
  requestId: z.string(),
  requestNumber: z.string(),
  lineNo: z.number().int(),
  occurredAt: epochMs(),
  recordedAt: epochMs(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
}));
export type Movement = z.infer<typeof movementSchema>;

const INVENTORY_TABLES = ['inventory', 'allocations', 'organisations'];

export const inventoryMethods = {
  'inventory.list': read(
    () => z
      .object({
        search: optionalField('Search', 120),
        category: resourceCategory.optional(),
        kind: optionalField('Kind', 120),
        ownerOrganisationId: uuid('Owner organisation').optional(),
        status: z.enum(INVENTORY_STATUSES).optional(),
        /** Only holdings with something available now. */
        availableOnly: z.boolean({ error: 'availableOnly must be true or false' }).default(false),
        limit: rowLimit(1000),
        offset: rowOffset,
      })
      .strict(),
    () => z.object({ items: z.array(inventoryItemSchema), total: z.number().int() }),
    { reads: INVENTORY_TABLES },
  ),
  'inventory.get': read(
    () => z.object({ id: uuid('Inventory item') }).strict(),
    () => z.object({ item: inventoryItemSchema, movements: z.array(movementSchema) }),
    { reads: [...INVENTORY_TABLES, 'requests', 'request_lines'] },
  ),
  /** Create, or edit the description and held quantity (never below what is allocated). */
  'inventory.save': write(() => inventoryInput, () => z.object({ item: inventoryItemSchema })),
  /** A physical count: sets the quantity held and when it was counted. */
  'inventory.count': write(
    () => z.object({ id: uuid('Inventory item'), heldQuantity, countedAt: epochMs('Counted at').optional() }).strict(),
    () => z.object({ item: inventoryItemSchema }),
  ),
  /** Tombstones a holding; refused while any of it is allocated. */
  'inventory.remove': write(() => z.object({ id: uuid('Inventory item') }).strict(), () => z.object({ removed: z.boolean() })),
  /** Every kind in the catalog or in use, with totals: suggestions for forms, the resource check summary. */
  'inventory.kinds': read(
    () => z.object({}).strict(),
    () => z.object({
      kinds: z.array(
        z.object({
          kind: z.string(),
          category: z.string(),
          resourceClass: z.string(),
          nimsTyped: z.boolean(),
          unit: z.string(),
          consumable: z.boolean(),
          inCatalog: z.boolean(),
          heldQuantity: z.number().int(),
          availableQuantity: z.number().int(),
        }),
      ),
    }),
    { reads: INVENTORY_TABLES },
  ),
} as const;
