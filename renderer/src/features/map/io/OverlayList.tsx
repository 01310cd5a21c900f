import { Button, Group, Stack, Text } from '@mantine/core';
import type { Overlay } from '../../../../../shared/contract';
import { confirmRemove } from '../../../components/confirm-remove';
import { call } from '../../../backend';
import { distinctNames } from '../../../lib/distinct-names';

/** The imported overlays; each Remove is named by its overlay ("Remove overlay zones", and its size where two share the name). */
export function OverlayList({ overlays }: { overlays: readonly Overlay[] }) {
  if (!overlays.length) return <Text size="sm" c="dimmed">No overlays imported yet.</Text>;
  // A file imported again (shelters.geojson, updated) keeps its name: told apart by its size, then its file.
  const said = distinctNames(overlays, (o) => o.name, [(o) => `${o.featureCount.toLocaleString('en-US')} features`, (o) => o.sourceFile]);
  return (
    <Stack gap={4} data-testid="overlay-list">
      {overlays.map((o) => (
        <Group key={o.id} justify="space-between" wrap="nowrap">
          <Text size="sm">
            <b>{o.name}</b>: {o.featureCount.toLocaleString('en-US')} features from {o.sourceFile}
            {o.importedBy ? `, imported by ${o.importedBy}` : ''}
          </Text>
          <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(`overlay “${o.name}”`, 'It leaves every workstation’s map. The file you imported is not touched.', () => call('map.overlayRemove', { id: o.id }))} aria-label={`Remove overlay ${said.get(o.id)!}`}>
            Remove
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
