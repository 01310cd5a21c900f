import { Alert, Button, Group, Stack } from '@mantine/core';
import { Select } from '../../../components/Select';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportLayer, Overlay } from '../../../../../shared/contract';
import { call } from '../../../backend';
import { downloadText } from '../../../lib/download';

const LAYERS: { value: string; label: string }[] = [
  { value: 'organisations', label: 'Member organisations' },
  { value: 'requests', label: 'Open resource requests' },
  { value: 'caches', label: 'Caches and inventory' },
  { value: 'annotations', label: 'Annotations and incident areas' },
];

/** Any layer as GeoJSON or KML, the same features the map draws. */
export function LayerExport({ incidentId, overlays }: { incidentId: string | null; overlays: readonly Overlay[] }) {
  const [layer, setLayer] = useState<string>('organisations');
  const [format, setFormat] = useState<'geojson' | 'kml'>('geojson');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = [...LAYERS, ...overlays.map((o) => ({ value: `overlay:${o.id}`, label: `Overlay: ${o.name}` }))];
  const run = async () => {
    setError(null);
    setBusy(true);
    try {
      const [kind, overlayId] = layer.split(':') as [string, string | undefined];
      const r = await call('map.exportLayer', {
        layer: (kind === 'overlay' ? 'overlay' : kind) as ExportLayer,
        format,
        ...(overlayId ? { overlayId } : {}),
        ...(incidentId && (kind === 'requests' || kind === 'annotations') ? { incidentId } : {}),
      });
      downloadText(r.fileName, r.content, r.mimeType);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" data-testid="layer-export">
      <Group align="flex-end" gap="xs">
        <Select label="Export a layer" data={data} value={layer} onChange={(v) => v && setLayer(v)} allowDeselect={false} w={260} data-testid="export-layer" />
        <Select label="As" data={[{ value: 'geojson', label: 'GeoJSON' }, { value: 'kml', label: 'KML' }]} value={format} onChange={(v) => v && setFormat(v as 'geojson' | 'kml')} allowDeselect={false} w={110} data-testid="export-format" />
        <Button leftSection={<IconDownload size={16} />} onClick={() => void run()} loading={busy} data-testid="export-run">
          Export
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" title="Not exported">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
