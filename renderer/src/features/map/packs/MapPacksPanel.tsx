import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconMapPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { MapPack } from '../../../../../shared/contract';
import { call } from '../../../backend';
import { confirmRemove } from '../../../components/confirm-remove';
import { distinctNames } from '../../../lib/distinct-names';
import { formatDateTime } from '../../../lib/format';
import { useMethod } from '../../../lib/query';
import { formatMb } from '../io/bytes';
import { groupedHash, uploadPack } from './upload';

function PackCard({ pack, said, timeZone }: { pack: MapPack; said: string; timeZone: string }) {
  return (
    <Paper withBorder p="sm" data-testid="map-pack">
      <Stack gap={2}>
        <Group justify="space-between">
          <Text fw={700}>{pack.name}</Text>
          <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(`map pack “${pack.name}”`, 'Its file is deleted from the data folder; the map falls back to the built-in basemap. Load it again from the original to restore it.', () => call('map.packRemove', { id: pack.id }))} aria-label={`Remove map pack ${said}`}>
            Remove
          </Button>
        </Group>
        <Text size="sm">
          {pack.kind === 'vector' ? 'Vector' : 'Raster'} ({pack.tileType}), zoom {pack.minZoom} to {pack.maxZoom}, {formatMb(pack.bytes)}. Loaded from {pack.sourceFile} ({pack.sourceFormat === 'mbtiles' ? 'MBTiles, rewritten as PMTiles' : 'PMTiles'}) {formatDateTime(pack.addedAt, timeZone)}
          {pack.addedBy ? ` by ${pack.addedBy}` : ''}.
        </Text>
        <Text size="sm">
          SHA-256 of the file loaded:{' '}
          <Text span ff="monospace" fw={600} data-testid="map-pack-sha">
            {groupedHash(pack.sha256)}
          </Text>
        </Text>
        {pack.attribution && (
          <Text size="xs" c="dimmed">
            {pack.attribution}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Street-level map packs kept on this workstation: load one, compare its SHA-256, remove one. */
export function MapPacksPanel({ timeZone }: { timeZone: string }) {
  const packs = useMethod('map.packs', {});
  // Two packs of one region (a newer one loaded beside the old) are told apart by file, then by the hash shown.
  const said = distinctNames(packs.data?.packs ?? [], (p) => p.name, [(p) => p.sourceFile, (p) => `SHA-256 ${p.sha256.slice(0, 8)}`]);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<MapPack | null>(null);
  const abort = useRef<AbortController | null>(null);
  const load = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    setSent(0);
    abort.current = new AbortController();
    try {
      setDone(await uploadPack(file, setSent, abort.current.signal));
      setFile(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="map-packs">
      <Text size="sm">
        A map pack adds street-level detail with no network: a PMTiles or MBTiles file (raster or vector) made elsewhere, for example a regional
        extract brought on a USB stick. It is copied into the data folder. Compare its SHA-256 with the one printed by whoever made it.
      </Text>
      <Group align="flex-end">
        <FileInput label="Map pack file" placeholder="Choose a .pmtiles or .mbtiles file" accept=".pmtiles,.mbtiles" value={file} onChange={setFile} w={360} clearable disabled={busy} data-testid="map-pack-file" />
        <Button leftSection={<IconMapPlus size={16} />} onClick={() => void load()} disabled={!file} loading={busy} data-testid="map-pack-load">
          Load map pack
        </Button>
        {busy && (
          <Button variant="default" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        )}
      </Group>
      {busy && file && (
        <Stack gap={2}>
          <Progress value={(sent / Math.max(file.size, 1)) * 100} aria-label="Copied so far" />
          <Text size="xs">
            {formatMb(sent)} of {formatMb(file.size)} copied; checked when complete.
          </Text>
        </Stack>
      )}
      {error && (
        <Alert color="red" role="alert" title="Map pack not loaded">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="teal" title="Map pack loaded" data-testid="map-pack-loaded">
          “{done.name}” is on the map. SHA-256: <span style={{ fontFamily: 'monospace' }}>{groupedHash(done.sha256)}</span>
        </Alert>
      )}
      {packs.data?.packs.length === 0 && <Text size="sm" c="dimmed">No map pack loaded: the map shows the built-in states, counties, towns and ZIP codes.</Text>}
      {packs.data?.packs.map((p) => <PackCard key={p.id} pack={p} said={said.get(p.id)!} timeZone={timeZone} />)}
    </Stack>
  );
}
