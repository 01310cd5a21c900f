import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { isDrawing } from './drawing';
import type { Overlay } from '../../../../../shared/contract';
import type { MapItem } from '../items';

/** Imported overlays: thousands of features on one canvas, each selectable for its popup. */
export function OverlayLayer({ overlays, onSelect, colour }: { overlays: readonly Overlay[]; onSelect: (item: MapItem) => void; colour: string }) {
  const map = useMap();
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  useEffect(() => {
    const renderer = L.canvas({ padding: 0.2 });
    const group = L.layerGroup();
    for (const o of overlays) {
      L.geoJSON(o.geojson as GeoJSON.FeatureCollection, {
        renderer,
        style: { color: colour, weight: 2, fillOpacity: 0.15, dashArray: '6 4' },
        pointToLayer: (_f, latlng) => L.circleMarker(latlng, { renderer, radius: 5, color: colour, weight: 2, fillColor: '#ffffff', fillOpacity: 0.9 }),
        onEachFeature: (f, layer) => {
          layer.on('click', (e: L.LeafletMouseEvent) => !isDrawing(map) && select.current(overlayItem(o, f, e.latlng)));
        },
      } as L.GeoJSONOptions).addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, overlays, colour]);
  return null;
}

export function overlayFeatureName(f: GeoJSON.Feature, i: number): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const name = p.name ?? p.Name ?? p.NAME ?? p.title;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : `Feature ${i + 1}`;
}

export function overlayItem(o: Overlay, f: GeoJSON.Feature, at: L.LatLng, index = 0): MapItem {
  const props = Object.entries((f.properties ?? {}) as Record<string, unknown>)
    .filter(([k]) => !['name', 'Name', 'NAME'].includes(k))
    .slice(0, 8)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('; ');
  return {
    key: `overlays:${o.id}:${index}`,
    layer: 'overlays',
    recordId: null,
    label: overlayFeatureName(f, index),
    kind: `Overlay "${o.name}" (${f.geometry?.type ?? 'feature'})`,
    detail: props,
    placedHow: `Imported from ${o.sourceFile}`,
    latitude: at.lat,
    longitude: at.lng,
  };
}
