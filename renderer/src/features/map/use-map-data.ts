import { useMemo } from 'react';
import { decodeLayers } from '../../../../shared/contract/map-layers';
import { useMethod } from '../../lib/query';

const NONE = { annotations: [] };

/** Everything the map draws, each read live (refreshed when its tables change anywhere). */
export function useMapData(incidentId: string | null) {
  const layers = useMethod('map.layers', incidentId ? { incidentId } : {});
  const annotations = useMethod('map.annotations', { incidentId: incidentId ?? '00000000-0000-0000-0000-000000000000' }, { enabled: !!incidentId });
  const overlays = useMethod('map.overlays', {});
  const places = useMethod('map.places', {});
  const packs = useMethod('map.packs', {});
  const ann = incidentId ? annotations.data : NONE;
  // Sent as columns (a fraction of the JSON); the features are made once per read.
  const decoded = useMemo(() => (layers.data ? decodeLayers(layers.data) : null), [layers.data]);
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
