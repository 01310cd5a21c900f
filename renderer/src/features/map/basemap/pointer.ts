import type L from 'leaflet';
import { useSyncExternalStore } from 'react';

/**
 * Where the pointer is over the map, outside React state: it changes on every mouse move,
 * and only the coordinates readout should redraw then, not the whole map screen.
 */
export function createPointerStore() {
  let current: L.LatLng | null = null;
  const listeners = new Set<() => void>();
  return {
    set(p: L.LatLng | null) {
      current = p;
      for (const l of listeners) l();
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    get: () => current,
  };
}
export type PointerStore = ReturnType<typeof createPointerStore>;

export const usePointer = (store: PointerStore) => useSyncExternalStore(store.subscribe, store.get);
