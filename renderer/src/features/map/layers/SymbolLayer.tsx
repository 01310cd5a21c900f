import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { MapItem } from '../items';
import { LABEL_THEMES } from './draw-symbols';
import { pointIndex } from './point-index';
import type { PointSet } from './point-set';
import { createSymbolCanvas, type DrawnSummary } from './symbol-canvas';
import { CLUSTER_LAYERS, type ClusterLayer } from './symbols';

/**
 * The members, open requests and caches, clustered when zoomed out, drawn on one canvas
 * (see symbol-canvas). A click on a symbol selects its record (the screen shows its popup)
 * or zooms in on its cluster. What was drawn is summed up on the map's element
 * (`data-symbols`): how many of each, and where the one nearest the middle is.
 */
export function SymbolLayer({ points, visible, dark, onSelect }: { points: Readonly<Record<ClusterLayer, PointSet>>; visible: Readonly<Record<ClusterLayer, boolean>>; dark: boolean; onSelect: (item: MapItem) => void }) {
  const map = useMap();
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  // Clusters are made per zoom when the map first settles there, and kept for the records' life.
  const indexes = useMemo(
    () => ({ organisations: pointIndex(points.organisations.items), requests: pointIndex(points.requests.items), caches: pointIndex(points.caches.items) }),
    [points],
  );
  const canvas = useRef<ReturnType<typeof createSymbolCanvas> | null>(null);
  useEffect(() => {
    const summarise = (s: DrawnSummary) => {
      map.getContainer().dataset.symbols = JSON.stringify(s);
    };
    const c = createSymbolCanvas(map, { select: (item) => select.current(item), drawn: summarise });
    canvas.current = c;
    return () => {
      c.remove();
      canvas.current = null;
    };
  }, [map]);
  const { organisations, requests, caches } = visible;
  useEffect(() => {
    const shown = { organisations, requests, caches };
    canvas.current?.set(
      CLUSTER_LAYERS.filter((l) => shown[l]).map((layer) => ({ layer, points: points[layer], index: indexes[layer] })),
      LABEL_THEMES[dark ? 'dark' : 'light'],
    );
  }, [points, indexes, organisations, requests, caches, dark]);
  return null;
}
