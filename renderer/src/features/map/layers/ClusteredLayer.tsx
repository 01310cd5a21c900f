import L from 'leaflet';
import 'leaflet.markercluster';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { isDrawing } from './drawing';
import type { MapItem } from '../items';
import { clusterIcon } from './symbols';

export interface Symbolised {
  item: MapItem;
  icon: L.DivIcon;
}

/**
 * One layer of point records, clustered when zoomed out. Markers are made here in one
 * batch (markercluster's addLayers) rather than as a React component each: 5,000 members
 * draw in one pass. A click, or Enter on a focused marker, selects the record; the screen
 * shows its popup.
 */
export function ClusteredLayer({ layer, symbols, onSelect, registry }: { layer: string; symbols: readonly Symbolised[]; onSelect: (item: MapItem) => void; registry: Map<string, L.Marker> }) {
  const map = useMap();
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const group = L.markerClusterGroup({
      iconCreateFunction: clusterIcon(layer),
      showCoverageOnHover: false,
      maxClusterRadius: 48,
      chunkedLoading: false,
      spiderfyOnMaxZoom: true,
      disableClusteringAtZoom: 13,
    });
    const byMarker = new Map<L.Marker, MapItem>();
    const markers = symbols.map(({ item, icon }) => {
      const m = L.marker([item.latitude, item.longitude], { icon, title: `${item.label}: ${item.kind}`, alt: item.label, riseOnHover: true });
      byMarker.set(m, item);
      registry.set(item.key, m);
      return m;
    });
    // One listener for the layer: a click on a marker (or Enter on a focused one) selects its record.
    group.on('click', (e) => {
      const item = byMarker.get((e as L.LeafletEvent & { layer: L.Marker }).layer);
      if (item && !isDrawing(map)) select.current(item);
    });
    group.addLayers(markers);
    group.addTo(map);
    return () => {
      for (const { item } of symbols) registry.delete(item.key);
      group.remove();
    };
  }, [map, layer, symbols, registry]);
  return null;
}
