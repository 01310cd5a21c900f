import { Group, Text } from '@mantine/core';
import { usePointer, useStoreValue, type PointerStore, type ValueStore } from '../basemap/pointer';
import type { ViewState } from '../basemap/ViewWatcher';
import { usng } from '../basemap/usng';

const dd = (n: number, pos: string, neg: string) => `${Math.abs(n).toFixed(5)}°${n >= 0 ? pos : neg}`;

/** Where the pointer is (or the centre of the map), in decimal degrees and US National Grid. */
export function CoordsBar({ pointerStore, viewStore }: { pointerStore: PointerStore; viewStore: ValueStore<ViewState | null> }) {
  const pointer = usePointer(pointerStore);
  const view = useStoreValue(viewStore);
  const centre = view?.centre ?? null;
  const zoom = view?.zoom ?? null;
  const at = pointer ?? centre;
  if (!at) return null;
  const grid = usng(at.lat, at.lng);
  return (
    <Group gap="md" px="xs" py={4} data-testid="map-coords" wrap="nowrap" style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
      <Text size="sm" fw={600} w={56}>
        {pointer ? 'Pointer' : 'Centre'}
      </Text>
      <Text size="sm" ff="monospace" data-testid="map-coords-dd">
        {dd(at.lat, 'N', 'S')}, {dd(at.lng, 'E', 'W')}
      </Text>
      {grid && (
        <Text size="sm" ff="monospace" data-testid="map-coords-usng">
          USNG {grid}
        </Text>
      )}
      {zoom !== null && (
        <Text size="sm" c="dimmed">
          Zoom {zoom}
        </Text>
      )}
    </Group>
  );
}
