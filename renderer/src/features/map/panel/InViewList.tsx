import { useDeferredValue, useMemo } from 'react';
import { useStoreValue, type ValueStore } from '../basemap/pointer';
import type { ViewState } from '../basemap/ViewWatcher';
import type { MapItem } from '../items';
import { FeatureList } from './FeatureList';

/**
 * The features in view, following the map from the view store: a pan or zoom redraws this
 * list and nothing else of the screen (the map's own tree is not rendered again).
 */
export function InViewList({ items, viewStore, onActive, onOpen, onShow }: { items: readonly MapItem[]; viewStore: ValueStore<ViewState | null>; onActive: (item: MapItem | null) => void; onOpen: (item: MapItem) => void; onShow: (item: MapItem) => void }) {
  // Deferred: a store update renders at once, inside the map's moveend; the list (up to
  // 150 rows) follows in a render React can interrupt, so it never holds up a frame.
  const view = useDeferredValue(useStoreValue(viewStore));
  const inView = useMemo(() => (view ? items.filter((i) => view.bounds.contains([i.latitude, i.longitude])) : []), [items, view]);
  return <FeatureList items={inView} total={inView.length} onActive={onActive} onOpen={onOpen} onShow={onShow} />;
}
