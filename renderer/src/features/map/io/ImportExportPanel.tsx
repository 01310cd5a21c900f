import { Divider, Stack, Text } from '@mantine/core';
import type { Overlay } from '../../../../../shared/contract';
import { LayerExport } from './LayerExport';
import { OverlayImport } from './OverlayImport';
import { OverlayList } from './OverlayList';

/**
 * Import, then export, then the list of overlays: the list grows by a row when an import's
 * change reaches it, a moment after the import's own answer, and only what is below it moves.
 */
export function ImportExportPanel({ incidentId, overlays }: { incidentId: string | null; overlays: readonly Overlay[] }) {
  return (
    <Stack gap="sm">
      <OverlayImport />
      <LayerExport incidentId={incidentId} overlays={overlays} />
      <Divider />
      <Text size="sm" fw={600}>
        Imported overlays
      </Text>
      <OverlayList overlays={overlays} />
    </Stack>
  );
}
