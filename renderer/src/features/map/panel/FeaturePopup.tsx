import { Button, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Popup } from 'react-leaflet';
import type { MapItem } from '../items';
import { hasRecordScreen } from '../open-record';

/**
 * The one open popup: what the feature is, in words, how it was placed, and a way to its
 * record. An annotation can be changed or removed from here.
 */
export function FeaturePopup({
  item,
  onOpen,
  onClose,
  onEditAnnotation,
  onRemoveAnnotation,
}: {
  item: MapItem;
  onOpen: (item: MapItem) => void;
  onClose: () => void;
  onEditAnnotation?: () => void;
  onRemoveAnnotation?: () => void;
}) {
  // A new position array on every render would reopen the popup, and pan the map, each time.
  const position = useMemo<[number, number]>(() => [item.latitude, item.longitude], [item.latitude, item.longitude]);
  const handlers = useMemo(() => ({ remove: onClose }), [onClose]);
  return (
    <Popup position={position} eventHandlers={handlers} maxWidth={340} autoPan>
      <Stack gap={4} data-testid="map-popup" data-key={item.key}>
        <Text fw={700} size="sm">
          {item.label}
        </Text>
        <Text size="sm">{item.kind}</Text>
        {item.status && (
          <Text size="sm" fw={600} data-testid="popup-status">
            Status: {item.status}
          </Text>
        )}
        {item.detail && <Text size="xs">{item.detail}</Text>}
        {item.placedHow && (
          <Text size="xs" c="dimmed">
            Placed: {item.placedHow}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          {hasRecordScreen(item) && (
            <Button size="xs" onClick={() => onOpen(item)} data-testid="popup-open-record">
              Open record
            </Button>
          )}
          {onEditAnnotation && (
            <Button size="xs" variant="default" onClick={onEditAnnotation}>
              Change label or note
            </Button>
          )}
          {onRemoveAnnotation && (
            <Button size="xs" variant="default" color="red" onClick={onRemoveAnnotation}>
              Remove
            </Button>
          )}
        </Group>
      </Stack>
    </Popup>
  );
}
