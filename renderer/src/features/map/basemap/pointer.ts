import type L from 'leaflet';
import { useSyncExternalStore } from 'react';

/**
 * A value the map changes often, kept outside React state so that only the parts that show
 * it redraw, never the map's own tree: where the pointer is (every mouse move), what the map
 * shows (every pan and zoom: the list beside it and the coordinates readout).
 */
export function createValueStore<T>(initial: T) {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    set(p: T) {
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
export type ValueStore<T> = ReturnType<typeof createValueStore<T>>;
export const useStoreValue = <T>(store: ValueStore<T>): T => useSyncExternalStore(store.subscribe, store.get);

export const createPointerStore = () => createValueStore<L.LatLng | null>(null);
export type PointerStore = ValueStore<L.LatLng | null>;
export const usePointer = (store: PointerStore) => useStoreValue(store);
