import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { MethodOutput } from '../../../../../shared/contract';

export const LABEL_PANE = 'eoc-labels';
/** Past these the labels would cover each other and the symbols. */
const TOWN_ZOOM = 10;
const ZIP_ZOOM = 12;
const MAX_LABELS = 300;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Town names, and ZIP codes closer in, from the offline geocoding data; only those in view. */
export function PlaceLabels({ places }: { places: MethodOutput<'map.places'> }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getPane(LABEL_PANE)) {
      const pane = map.createPane(LABEL_PANE);
      pane.style.zIndex = '380';
      pane.style.pointerEvents = 'none';
    }
    const group = L.layerGroup().addTo(map);
    const draw = () => {
      group.clearLayers();
      const z = map.getZoom();
      if (z < TOWN_ZOOM) return;
      const b = map.getBounds().pad(0.1);
      let n = 0;
      // A label that would cover one already placed is left out: a few readable names beat a smear.
      const taken: { x: number; y: number; w: number; h: number }[] = [];
      const free = (lat: number, lon: number, text: string, size: number) => {
        const p = map.latLngToContainerPoint([lat, lon]);
        const box = { x: p.x - (text.length * size * 0.6) / 2 - 4, y: p.y - size / 2 - 3, w: text.length * size * 0.6 + 8, h: size + 6 };
        if (taken.some((o) => box.x < o.x + o.w && box.x + box.w > o.x && box.y < o.y + o.h && box.y + box.h > o.y)) return false;
        taken.push(box);
        return true;
      };
      for (const t of places.towns) {
        if (n >= MAX_LABELS) break;
        if (!b.contains([t.latitude, t.longitude]) || !free(t.latitude, t.longitude, t.name, 12)) continue;
        n++;
        L.marker([t.latitude, t.longitude], {
          pane: LABEL_PANE,
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: 'eoc-place eoc-place--town', html: esc(t.name), iconSize: undefined, iconAnchor: [0, 0] }),
        }).addTo(group);
      }
      if (z < ZIP_ZOOM) return;
      for (const zp of places.zips) {
        if (n >= MAX_LABELS) break;
        if (!b.contains([zp.latitude, zp.longitude]) || !free(zp.latitude - 0.004, zp.longitude, zp.zip, 11)) continue;
        n++;
        L.marker([zp.latitude, zp.longitude], {
          pane: LABEL_PANE,
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: 'eoc-place eoc-place--zip', html: esc(zp.zip), iconSize: undefined, iconAnchor: [0, -12] }),
        }).addTo(group);
      }
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
      group.remove();
    };
  }, [map, places]);
  return null;
}
