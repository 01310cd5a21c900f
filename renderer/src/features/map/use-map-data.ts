import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { decodeLayers } from '../../../../shared/contract/map-layers';
import { call } from '../../backend';
import { queryClient, useMethod } from '../../lib/query';
import { timed } from './perf';

const NONE = { annotations: [] };

/**
 * Asks for the map's largest reads (the layers, the place labels) at once, before the map
 * mounts: the backend reads and places thousands of records while the screen's first
 * render and Leaflet's set-up run, instead of after them (a query starts only once its
 * component has mounted). Only when the working incident is already known (the top bar
 * reads it), since the layers' key depends on it; the same keys as useMapData's.
 */
export function prefetchMapData(): void {
  const active = queryClient.getQueryData<MethodOutput<'incident.active'>>(['incident.active', {}]);
  if (active === undefined) return;
  const input = active.incident ? { incidentId: active.incident.id } : {};
  void queryClient.prefetchQuery({ queryKey: ['map.layers', input], queryFn: () => call('map.layers', input) });
  void queryClient.prefetchQuery({ queryKey: ['map.places', {}], queryFn: () => call('map.places', {}) });
}

/** Everything the map draws, each read live (refreshed when its tables change anywhere). */
export function useMapData(incidentId: string | null) {
  // Once per visit, before the reads below subscribe (and so start): see prefetchMapData.
  useState(prefetchMapData);
  const layers = useMethod('map.layers', incidentId ? { incidentId } : {});
  const annotations = useMethod('map.annotations', { incidentId: incidentId ?? '00000000-0000-0000-0000-000000000000' }, { enabled: !!incidentId });
  const overlays = useMethod('map.overlays', {});
  const places = useMethod('map.places', {});
  const packs = useMethod('map.packs', {});
  const ann = incidentId ? annotations.data : NONE;
  // Sent as columns (a fraction of the JSON); the features are made once per read.
  const decoded = useMemo(() => (layers.data ? timed('decode', () => decodeLayers(layers.data)) : null), [layers.data]);
  return useMemo(
    () => ({
      layers: decoded,
      annotations: ann?.annotations ?? null,
      overlays: overlays.data?.overlays ?? null,
      places: places.data ?? null,
      packs: packs.data?.packs ?? [],
      error: layers.error ?? annotations.error ?? overlays.error ?? places.error ?? null,
    }),
    [decoded, ann, overlays.data, places.data, packs.data, layers.error, annotations.error, overlays.error, places.error],
  );
}
