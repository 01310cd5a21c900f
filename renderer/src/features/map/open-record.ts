import { navigate } from 'wouter/use-hash-location';
import { openItemDetail } from '../inventory/ItemDetail';
import type { MapItem } from './items';

/** Opens the record a map feature stands for, on its own screen. */
export function openRecord(item: MapItem, timeZone: string): boolean {
  if (!item.recordId) return false;
  if (item.layer === 'organisations') navigate(`/directory?org=${encodeURIComponent(item.recordId)}`);
  else if (item.layer === 'requests') navigate(`/requests?id=${encodeURIComponent(item.recordId)}`);
  else if (item.layer === 'caches') openItemDetail(item.recordId, timeZone);
  else return false;
  return true;
}

export const hasRecordScreen = (item: MapItem) => !!item.recordId && (item.layer === 'organisations' || item.layer === 'requests' || item.layer === 'caches');
