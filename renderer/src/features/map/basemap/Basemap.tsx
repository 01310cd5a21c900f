import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { Palette } from './palette';
import { nearbyStates, regionCounties } from './region';
import { loadAtlas, type Atlas } from './us-atlas';
import { timed } from '../perf';

export const BASEMAP_PANE = 'eoc-basemap';
/** At this zoom and below the whole country is in sight. */
const FAR_ZOOM = 6;

/**
 * States and counties from the bundled Census atlas on a canvas (thousands of outlines
 * cost one element), the counties holding members filled as the coalition's region. Over
 * a street map pack only the outlines are drawn, so the pack shows through.
 */
export function Basemap({
  palette,
  points,
  overPack,
  onReady,
}: {
  palette: Palette;
  /** The members' places; null until they are read (the region is drawn once, with them). */
  points: readonly { latitude: number; longitude: number }[] | null;
  overPack: boolean;
  onReady?: (atlas: Atlas) => void;
}) {
  const map = useMap();
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  useEffect(() => {
    let live = true;
    void loadAtlas().then((a) => {
      if (!live) return;
      setAtlas(a);
      onReady?.(a);
    });
    return () => {
      live = false;
    };
  }, [onReady]);

  useEffect(() => {
    if (!atlas || !points) return;
    return timed('basemap', () => drawBasemap(map, atlas, points, palette, overPack));
  }, [atlas, map, palette, points, overPack]);
  return null;
}

/** Draws the states and counties on the map's basemap canvas; returns what takes them off again. */
function drawBasemap(
  map: L.Map,
  atlas: Atlas,
  points: readonly { latitude: number; longitude: number }[],
  palette: Palette,
  overPack: boolean,
): () => void {
  if (!map.getPane(BASEMAP_PANE)) map.createPane(BASEMAP_PANE).style.zIndex = '250';
  const renderer = L.canvas({ pane: BASEMAP_PANE, padding: 0.2 });
  // Counties only near the members: the whole country's 3,200 would cost every redraw.
  const near = points.length ? nearbyStates(atlas.states, points) : new Set<string>();
  const counties = timed('basemap-counties', () => atlas.countiesOf(near));
  const region = timed('basemap-region', () => regionCounties(counties, points));
  // Land and outlines of the states near the members (or all, before there are members):
  // each vertex is projected again at every zoom, and Alaska alone has thousands.
  const states = near.size ? atlas.states.filter((st) => near.has(st.id)) : atlas.states;
  const group = L.layerGroup([
    L.geoJSON(states, {
      renderer,
      interactive: false,
      style: { stroke: false, fill: !overPack, fillColor: palette.land, fillOpacity: 1 },
    } as L.GeoJSONOptions),
    L.geoJSON(counties, {
      renderer,
      interactive: false,
      style: (f) => {
        const inRegion = region.has(String(f?.id));
        return {
          color: inRegion ? palette.regionLine : palette.county,
          weight: inRegion ? 1.2 : 0.6,
          fill: inRegion,
          fillColor: palette.regionFill,
          fillOpacity: overPack ? 0.25 : 1,
        };
      },
    } as L.GeoJSONOptions),
    L.geoJSON(states, {
      renderer,
      interactive: false,
      style: { color: palette.state, weight: 1.6, fill: false },
    } as L.GeoJSONOptions),
  ]);
  timed('basemap-add', () => group.addTo(map));
  // The rest of the country, drawn only when zoomed out far enough to see it, and made
  // only then: its 40-odd states' vertices cost a first view of the region a tenth of a second.
  let far: L.GeoJSON | null = null;
  const showFar = () => {
    if (!near.size) return;
    if (map.getZoom() > FAR_ZOOM) {
      far?.remove();
      return;
    }
    far ??= timed('basemap-far', () =>
      L.geoJSON(
        atlas.states.filter((st) => !near.has(st.id)),
        {
          renderer,
          interactive: false,
          style: { color: palette.state, weight: 1.2, fill: !overPack, fillColor: palette.land, fillOpacity: 1 },
        } as L.GeoJSONOptions,
      ),
    );
    far.addTo(map);
  };
  showFar();
  map.on('zoomend', showFar);
  map.getContainer().style.background = palette.water;
  return () => {
    map.off('zoomend', showFar);
    far?.remove();
    group.remove();
  };
}
