import { useCallback, useState } from 'react';
import { LAYER_KEYS, type LayerKey } from './items';

const KEY = 'eoc.map.layers';
const ALL_ON = Object.fromEntries(LAYER_KEYS.map((k) => [k, true])) as Record<LayerKey, boolean>;

/** Which layers are on; this workstation's choice, kept across restarts (local, never synced). */
export function useVisibility(): [Record<LayerKey, boolean>, (v: Record<LayerKey, boolean>) => void] {
  const [v, setV] = useState<Record<LayerKey, boolean>>(() => {
    try {
      return { ...ALL_ON, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<LayerKey, boolean>>) };
    } catch {
      return ALL_ON;
    }
  });
  const set = useCallback((next: Record<LayerKey, boolean>) => {
    setV(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage full or refused: the choice still holds for this session.
    }
  }, []);
  return [v, set];
}
