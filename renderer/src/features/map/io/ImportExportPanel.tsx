import { Divider, Stack } from '@mantine/core';
import type { Overlay } from '../../../../../shared/contract';
import { LayerExport } from './LayerExport';
import { OverlayImport } from './OverlayImport';
import { OverlayList } from './OverlayList';

export function ImportExportPanel({ incidentId, overlays }: { incidentId: string | null; overlays: readonly Overlay[] }) {
  return (
    <Stack gap="sm">
      <OverlayImport />
      <OverlayList overlays={overlays} />
      <Divider />
      <LayerExport incidentId={incidentId} overlays={overlays} />
    </Stack>
  );
}
