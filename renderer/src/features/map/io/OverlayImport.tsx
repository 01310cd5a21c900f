import { Alert, FileInput, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { MAX_OVERLAY_CHARS, type OverlayFormat } from '../../../../../shared/contract';
import { useSingleCommand } from '../../../lib/query';
import { bytesToBase64 } from '../../../lib/base64';
import { formatMb } from './bytes';

function formatOf(name: string): OverlayFormat | null {
  const n = name.toLowerCase();
  if (n.endsWith('.kmz')) return 'kmz';
  if (n.endsWith('.kml')) return 'kml';
  if (n.endsWith('.geojson') || n.endsWith('.json')) return 'geojson';
  return null;
}

/** GeoJSON, KML or KMZ as an overlay on every workstation's map; a bad or huge file is refused in words. */
export function OverlayImport() {
  const imp = useSingleCommand('map.overlayImport');
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File | null) => {
    setProblem(null);
    imp.reset();
    if (!file) return;
    const format = formatOf(file.name);
    if (!format) return setProblem(`"${file.name}" is not a GeoJSON (.geojson, .json), KML (.kml) or KMZ (.kmz) file.`);
    // Refused before reading: a base64 KMZ grows by a third.
    const limit = format === 'kmz' ? (MAX_OVERLAY_CHARS / 4) * 3 : MAX_OVERLAY_CHARS;
    if (file.size > limit) return setProblem(`"${file.name}" is ${formatMb(file.size)}; an overlay can be at most ${formatMb(limit)}. Simplify it or split it first.`);
    const content = format === 'kmz' ? bytesToBase64(new Uint8Array(await file.arrayBuffer())) : await file.text();
    imp.mutate({ fileName: file.name, format, content });
  };
  return (
    <Stack gap="xs" data-testid="overlay-import">
      <FileInput
        label="Import an overlay (GeoJSON, KML or KMZ)"
        placeholder="Choose a file"
        accept=".geojson,.json,.kml,.kmz,application/geo+json,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
        leftSection={<IconFileImport size={16} />}
        onChange={(f) => void choose(f)}
        clearable
        data-testid="overlay-file"
      />
      {problem && (
        <Alert color="red" role="alert" title="Not imported">
          {problem}
        </Alert>
      )}
      {imp.error && (
        <Alert color="red" role="alert" title="Not imported">
          {imp.error.message}
        </Alert>
      )}
      {imp.isPending && <Text size="sm">Importing…</Text>}
      {imp.data && (
        <Alert color="teal" title="Imported" data-testid="overlay-imported">
          “{imp.data.overlay.name}”: {imp.data.overlay.featureCount.toLocaleString('en-US')} features on the map
          {imp.data.skipped ? `; ${imp.data.skipped} without a location were left out` : ''}.
        </Alert>
      )}
    </Stack>
  );
}
