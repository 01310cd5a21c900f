import type L from 'leaflet';
import { useCallback } from 'react';
import type { Annotation, Coalition, Incident, MapLayers, MethodOutput, Overlay } from '../../../../../shared/contract';
import { formatDateTime } from '../../../lib/format';
import { useMethod } from '../../../lib/query';
import { PALETTES } from '../basemap/palette';
import { nearbyStates, regionCounties } from '../basemap/region';
import type { Atlas } from '../basemap/us-atlas';
import { DISCIPLINE_CODES, LAYER_LABELS, type LayerKey, type MapItem } from '../items';
import { CACHE_COLOURS, DISCIPLINE_COLOURS, PRIORITY_COLOURS } from '../layers/colours';
import { statusTagWords } from '../layers/symbols';
import { LEGEND, STATUS_LEGEND } from '../panel/LayerPanel';
import type { PrintInput } from './render-page';

/** Everything the printed page needs, gathered from what the screen shows now. */
export function usePrintInput(p: {
  map: L.Map | null;
  atlas: Atlas | null;
  orgPoints: readonly { latitude: number; longitude: number }[];
  visible: Record<LayerKey, boolean>;
  items: readonly MapItem[];
  annotations: readonly Annotation[];
  overlays: readonly Overlay[];
  incident: Incident | null;
  coalition: Coalition;
  layers: MapLayers | null;
  places: MethodOutput<'map.places'> | null;
}) {
  const demo = useMethod('demo.status', {}).data?.demo ?? false;
  const { map, atlas, orgPoints, visible, items, annotations, overlays, incident, coalition, layers, places } = p;
  const build = useCallback(
    (orientation: 'landscape' | 'portrait', title: string): PrintInput => {
      const near = atlas ? nearbyStates(atlas.states, orgPoints) : new Set<string>();
      const counties = atlas ? atlas.countiesOf(near) : [];
      const now = Date.now();
      const byKey = new Map<string, { glyph: string; shape: 'circle' | 'diamond' | 'square'; colour: string }>();
      for (const o of layers?.organisations ?? []) {
        // The printed badge carries the status tag's words after the discipline: "H DIV STALE".
        const tag = statusTagWords(o);
        byKey.set(`organisations:${o.id}`, { glyph: tag ? `${DISCIPLINE_CODES[o.discipline]} ${tag}` : DISCIPLINE_CODES[o.discipline], shape: 'circle', colour: DISCIPLINE_COLOURS[o.discipline] });
      }
      for (const r of layers?.requests ?? []) byKey.set(`requests:${r.id}`, { glyph: r.priority === 'urgent' ? 'URG' : r.priority === 'routine' ? 'RTN' : 'LOW', shape: 'diamond', colour: PRIORITY_COLOURS[r.priority] });
      for (const c of layers?.caches ?? []) byKey.set(`caches:${c.id}`, { glyph: 'CACHE', shape: 'square', colour: CACHE_COLOURS[c.status] });
      const shown = (['organisations', 'requests', 'caches', 'incident', 'annotations', 'overlays'] as const).filter((k) => visible[k]);
      return {
        map: map!,
        orientation,
        title,
        subtitle: `${coalition.name}. Printed ${formatDateTime(now, coalition.timeZone)} (${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC)${incident ? `; incident: ${incident.name}` : ''}.`,
        marks: [incident?.exercise ? 'EXERCISE' : null, demo ? 'DEMO DATA' : null].filter((m): m is string => !!m),
        palette: PALETTES.light,
        areas: atlas ? { states: atlas.states, counties, region: regionCounties(counties, orgPoints) } : null,
        items: items.filter((i) => byKey.has(i.key)),
        glyphOf: (i) => byKey.get(i.key)!,
        annotations,
        overlays,
        places: visible.places && map && map.getZoom() >= 10 ? (places?.towns ?? []) : [],
        legend: [
          { heading: 'Coalition region', entries: [['▨', 'Counties with member organisations (shaded)']] },
          ...shown.flatMap((k) => [
            { heading: LAYER_LABELS[k], entries: LEGEND[k] ?? [] },
            ...(k === 'organisations' ? [{ heading: 'Member status (after the discipline)', entries: STATUS_LEGEND }] : []),
          ]),
        ],
      };
    },
    [map, atlas, orgPoints, visible, items, annotations, overlays, incident, coalition, layers, places, demo],
  );
  return map && atlas ? build : null;
}
