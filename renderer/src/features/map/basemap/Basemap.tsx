import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { Palette } from './palette';
import { nearbyStates, regionCounties } from './region';
import { loadAtlas, stateFipsOf, type Atlas } from './us-atlas';

export const BASEMAP_PANE = 'eoc-basemap';

/**
 * States and counties from the bundled Census atlas on a canvas (thousands of outlines
 * cost one element), the counties holding members filled as the coalition's region. Over
 * a street map pack only the outlines are drawn, so the pack shows through.
 */
export function Basemap({ palette, points, overPack, onReady }: { palette: Palette; points: readonly { latitude: number; longitude: number }[]; overPack: boolean; onReady?: (atlas: Atlas) => void }) {
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
    if (!atlas) return;
    if (!map.getPane(BASEMAP_PANE)) map.createPane(BASEMAP_PANE).style.zIndex = '250';
    const renderer = L.canvas({ pane: BASEMAP_PANE, padding: 0.2 });
    const near = nearbyStates(atlas.states, points);
    const region = regionCounties(
      atlas.counties.filter((c) => near.has(stateFipsOf(c.id))),
      points,
    );
    const counties = atlas.counties.filter((c) => near.has(stateFipsOf(c.id)));
    const group = L.layerGroup([
      L.geoJSON(atlas.states, { renderer, interactive: false, style: { stroke: false, fill: !overPack, fillColor: palette.land, fillOpacity: 1 } } as L.GeoJSONOptions),
      L.geoJSON(counties, {
        renderer,
        interactive: false,
        style: (f) => {
          const inRegion = region.has(String(f?.id));
          return { color: inRegion ? palette.regionLine : palette.county, weight: inRegion ? 1.2 : 0.6, fill: inRegion, fillColor: palette.regionFill, fillOpacity: overPack ? 0.25 : 1 };
        },
      } as L.GeoJSONOptions),
      L.geoJSON(atlas.states, { renderer, interactive: false, style: { color: palette.state, weight: 1.6, fill: false } } as L.GeoJSONOptions),
    ]);
    group.addTo(map);
    map.getContainer().style.background = palette.water;
    return () => {
      group.remove();
    };
  }, [atlas, map, palette, points, overPack]);
  return null;
}
