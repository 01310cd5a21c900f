import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { MapItem } from '../items';
import { isDrawing } from './drawing';
import { pointIndex } from './point-index';
import type { PointSet } from './point-set';
import { clusterIcon, clusterWords, type ClusterLayer } from './symbols';

/** Markers are kept for this much of the view's size around it, so a drag does not uncover an empty edge. */
const MARGIN = 0.5;

type Target = { cluster: number; latitude: number; longitude: number } | { item: MapItem };

/**
 * One layer of point records, clustered when zoomed out. Clustering is done once for every
 * zoom when the records are read; each time the map settles only the clusters and points in
 * and around the view become markers (a few hundred at most, reused while they stay in
 * view), so 5,000 members cost no more to draw than the hundred symbols one can see, and a
 * pan that stays within the margin touches no marker at all. A click, or Enter on a focused marker, selects the record (the screen shows its popup) or
 * zooms in on the cluster.
 */
export function PointLayer({ layer, points, onSelect }: { layer: ClusterLayer; points: PointSet; onSelect: (item: MapItem) => void }) {
  const map = useMap();
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  const index = useMemo(() => pointIndex(points.items), [points]);

  useEffect(() => {
    const group = L.featureGroup();
    const targets = new WeakMap<L.Layer, Target>();
    const cluster = clusterIcon(layer);
    let shown = new Map<string, L.Marker>();
    // The box and zoom the markers were last made for: a pan that stays inside it (the
    // margin is half a view each side) changes nothing, so the markers are left alone.
    let covered: { bounds: L.LatLngBounds; zoom: number } | null = null;

    const pointMarker = (i: number) => {
      const item = points.items[i]!;
      const m = L.marker([item.latitude, item.longitude], { icon: points.icon(i), title: `${item.label}: ${item.kind}`, alt: item.label, riseOnHover: true });
      targets.set(m, { item });
      return m;
    };
    const clusterMarker = (c: { id: number; count: number; latitude: number; longitude: number }) => {
      const m = L.marker([c.latitude, c.longitude], { icon: cluster(c.count), title: `${clusterWords(layer, c.count)}: click or press Enter to zoom in`, riseOnHover: true });
      targets.set(m, { cluster: c.id, latitude: c.latitude, longitude: c.longitude });
      return m;
    };
    const refresh = () => {
      const zoom = map.getZoom();
      if (covered && covered.zoom === zoom && covered.bounds.contains(map.getBounds())) return;
      const b = map.getBounds().pad(MARGIN);
      covered = { bounds: b, zoom };
      const next = new Map<string, L.Marker>();
      const added: L.Marker[] = [];
      for (const s of index.shown([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)) {
        const key = s.kind === 'point' ? points.items[s.index]!.key : `cluster:${s.id}`;
        let m = shown.get(key);
        if (!m) {
          m = s.kind === 'point' ? pointMarker(s.index) : clusterMarker(s);
          added.push(m);
        }
        next.set(key, m);
      }
      for (const [key, m] of shown) if (!next.has(key)) group.removeLayer(m);
      for (const m of added) group.addLayer(m);
      shown = next;
    };

    // One listener for the layer: a click on a marker (or Enter on a focused one) selects its
    // record, or zooms in until its cluster splits.
    const act = (e: L.LeafletEvent) => {
      const t = targets.get((e as L.LeafletEvent & { propagatedFrom: L.Layer }).propagatedFrom);
      if (!t || isDrawing(map)) return;
      if ('item' in t) select.current(t.item);
      else map.setView([t.latitude, t.longitude], Math.min(index.expansionZoom(t.cluster), map.getMaxZoom()));
    };
    group.on('click', act);
    // Leaflet makes a marker focusable but leaves Enter to whoever draws it.
    group.on('keypress', (e) => {
      if ((e as L.LeafletKeyboardEvent).originalEvent.key === 'Enter') act(e);
    });
    group.addTo(map);
    refresh();
    map.on('moveend', refresh);
    return () => {
      map.off('moveend', refresh);
      group.remove();
    };
  }, [map, layer, points, index]);
  return null;
}
