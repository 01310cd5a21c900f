import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

export interface ViewState {
  bounds: L.LatLngBounds;
  zoom: number;
  centre: L.LatLng;
}

/** Tells the screen what the map shows (for the list beside it) and where the pointer is. */
export function ViewWatcher({ onView, onPointer, onMap }: { onView: (v: ViewState) => void; onPointer: (p: L.LatLng | null) => void; onMap: (m: L.Map) => void }) {
  const map = useMap();
  useEffect(() => {
    onMap(map);
    // No link out of the console: the attribution names its sources in words.
    map.attributionControl?.setPrefix('Leaflet');
    map.attributionControl?.addAttribution('U.S. Census Bureau (us-atlas)');
    const scale = L.control.scale({ imperial: true, metric: true, position: 'bottomleft', maxWidth: 160 }).addTo(map);
    const view = () => onView({ bounds: map.getBounds(), zoom: map.getZoom(), centre: map.getCenter() });
    let frame = 0;
    const move = (e: L.LeafletMouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => onPointer(e.latlng));
    };
    const out = () => onPointer(null);
    map.on('moveend', view);
    map.on('mousemove', move);
    map.on('mouseout', out);
    // The map sits in a flexible layout: when its box changes, Leaflet must know, or clicks
    // and drawings land away from the pointer.
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(map.getContainer());
    view();
    return () => {
      resize.disconnect();
      cancelAnimationFrame(frame);
      scale.remove();
      map.off('moveend', view);
      map.off('mousemove', move);
      map.off('mouseout', out);
    };
  }, [map, onView, onPointer, onMap]);
  return null;
}
