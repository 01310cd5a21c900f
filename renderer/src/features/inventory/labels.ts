import { INVENTORY_STATUS_LABELS, INVENTORY_STATUSES, type InventoryStatus } from '../../../../shared/contract';
import { RESOURCE_CATEGORIES, RESOURCE_CLASS_LABELS, RESOURCE_CLASSES } from '../../../../shared/domain/nims';
import type { Tone } from '../../components/StatusBadge';

export const STATUS_TONE: Readonly<Record<InventoryStatus, Tone>> = {
  available: 'good',
  conditionally_available: 'warn',
  not_available: 'bad',
};
export const statusOptions = INVENTORY_STATUSES.map((s) => ({ value: s, label: INVENTORY_STATUS_LABELS[s] }));
export const categoryOptions = RESOURCE_CATEGORIES.map((c) => ({ value: c, label: c }));
export const classOptions = RESOURCE_CLASSES.map((c) => ({ value: c, label: RESOURCE_CLASS_LABELS[c] }));
export const classLabel = (c: string) => RESOURCE_CLASS_LABELS[c as keyof typeof RESOURCE_CLASS_LABELS] ?? c;
