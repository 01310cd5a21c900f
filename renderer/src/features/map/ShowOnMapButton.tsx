import { Button } from '@mantine/core';
import { IconMap } from '@tabler/icons-react';
import { useConsoleLocation } from '../../lib/location';

/** "Show on map" on a record's own screen: the map centres on it and opens its popup. */
export function ShowOnMapButton({ layer, id, onGo }: { layer: 'organisations' | 'requests' | 'caches'; id: string; onGo?: () => void }) {
  const [, navigate] = useConsoleLocation();
  return (
    <Button
      variant="default"
      leftSection={<IconMap size={18} />}
      data-testid="show-on-map"
      onClick={() => {
        onGo?.();
        navigate(`/map?focus=${layer}:${encodeURIComponent(id)}`);
      }}
    >
      Show on map
    </Button>
  );
}
