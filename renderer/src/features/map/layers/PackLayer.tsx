import type L from 'leaflet';
import { leafletRasterLayer, PMTiles } from 'pmtiles';
import { leafletLayer, LineSymbolizer, PolygonSymbolizer, CircleSymbolizer, type PaintRule } from 'protomaps-leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { MapPack } from '../../../../../shared/contract';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Protomaps basemap schema, which protomaps-leaflet styles itself. */
const PROTOMAPS_LAYERS = ['earth', 'water', 'roads'];

/** Any other vector pack: every layer it lists drawn plainly, areas, lines and points. */
function genericRules(layers: readonly string[], dark: boolean): PaintRule[] {
  const line = dark ? '#8a9099' : '#7a7f87';
  const fill = dark ? '#30343a' : '#e6e3da';
  return layers.flatMap((dataLayer) => [
    { dataLayer, symbolizer: new PolygonSymbolizer({ fill, opacity: 0.6 }) },
    { dataLayer, symbolizer: new LineSymbolizer({ color: line, width: 1 }) },
    { dataLayer, symbolizer: new CircleSymbolizer({ radius: 2, fill: line }) },
  ]);
}

/**
 * A street-level map pack under everything else, read by byte ranges from the same origin
 * (the browser host or app://): raster tiles as images, vector tiles drawn on canvases.
 */
export function PackLayer({ pack, dark }: { pack: MapPack; dark: boolean }) {
  const map = useMap();
  useEffect(() => {
    // Always our own words: protomaps-leaflet's default credit links off the machine.
    const attribution = escapeHtml(pack.attribution ?? `Map pack: ${pack.name}`);
    let layer: L.Layer;
    if (pack.kind === 'raster') {
      layer = leafletRasterLayer(new PMTiles(pack.url), { attribution, maxNativeZoom: pack.maxZoom, maxZoom: 19 } as L.GridLayerOptions);
    } else if (PROTOMAPS_LAYERS.every((l) => pack.vectorLayers.includes(l))) {
      layer = leafletLayer({ url: pack.url, flavor: dark ? 'dark' : 'light', lang: 'en', attribution, maxDataZoom: pack.maxZoom }) as unknown as L.Layer;
    } else {
      layer = leafletLayer({ url: pack.url, paintRules: genericRules(pack.vectorLayers, dark), labelRules: [], attribution, maxDataZoom: pack.maxZoom }) as unknown as L.Layer;
    }
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, pack, dark]);
  return null;
}
