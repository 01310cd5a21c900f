import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';

/** Where the map first looks: one record close up ("show on map"), or every member in sight. */
export type FirstViewTarget = { centre: [number, number]; zoom: number } | { points: readonly { latitude: number; longitude: number }[] };

/**
 * Puts the map where it should first look, once, without animation. It sits first among the
 * map's layers so its effect runs before theirs: the basemap and the markers are drawn once,
 * at this view, not at the default one and again here.
 */
export function FirstView({ target }: { target: FirstViewTarget | null }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (!target || done.current) return;
    done.current = true;
    if ('centre' in target) {
      map.setView(target.centre, target.zoom, { animate: false });
      return;
    }
    if (!target.points.length) return;
    let [s, w, n, e] = [90, 180, -90, -180];
    for (const p of target.points) {
      if (p.latitude < s) s = p.latitude;
      if (p.latitude > n) n = p.latitude;
      if (p.longitude < w) w = p.longitude;
      if (p.longitude > e) e = p.longitude;
    }
    map.fitBounds(L.latLngBounds([s, w], [n, e]), { padding: [30, 30], maxZoom: 12, animate: false });
  }, [map, target]);
  return null;
}
