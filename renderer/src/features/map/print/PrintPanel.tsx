import { Alert, Button, Group, Image, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../../backend';
import { markedFileName } from '../../../../../shared/domain/file-marks';
import { downloadBase64, saveFile } from '../../../lib/download';
import type { PrintInput } from './render-page';
import { renderPage } from './render-page';

/** Prints the view: a preview to look at, then PDF or PNG on one Letter page. */
export function PrintPanel({ build, defaultTitle, incidentId }: { build: (orientation: 'landscape' | 'portrait', title: string) => PrintInput; defaultTitle: string; incidentId: string | null }) {
  const [orientation, setOrientation] = useState<'landscape' | 'portrait'>('landscape');
  const [title, setTitle] = useState(defaultTitle);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const draw = () => renderPage(build(orientation, title.trim() || defaultTitle));
  const png = (canvas: HTMLCanvasElement) => new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The page could not be drawn'))), 'image/png'));
  const stamp = () => new Date().toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  const run = async (kind: 'pdf' | 'png') => {
    setBusy(true);
    setError(null);
    try {
      const input = build(orientation, title.trim() || defaultTitle);
      const canvas = renderPage(input);
      setPreview(canvas.toDataURL('image/png'));
      const blob = await png(canvas);
      if (kind === 'png') {
        // Marked in its name too, as the PDF is: DEMO-EXERCISE-map-….png
        saveFile(markedFileName(`map-${stamp()}Z.png`, { demo: input.marks.includes('DEMO DATA'), exercise: input.marks.includes('EXERCISE') }), blob, 'image/png');
      } else {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        const r = await call('map.printPdf', { title: title.trim() || defaultTitle, orientation, pngBase64: btoa(bin), ...(incidentId ? { incidentId } : {}) });
        downloadBase64(r.fileName, r.base64, 'application/pdf');
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="map-print">
      <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={160} />
      <SegmentedControl
        value={orientation}
        onChange={(v) => setOrientation(v as 'landscape' | 'portrait')}
        data={[
          { value: 'landscape', label: 'Letter landscape' },
          { value: 'portrait', label: 'Letter portrait' },
        ]}
      />
      <Group>
        <Button variant="default" onClick={() => setPreview(draw().toDataURL('image/png'))} data-testid="print-preview">
          Preview
        </Button>
        <Button leftSection={<IconFileTypePdf size={16} />} onClick={() => void run('pdf')} loading={busy} data-testid="print-pdf">
          Save PDF
        </Button>
        <Button leftSection={<IconPhoto size={16} />} variant="light" onClick={() => void run('png')} loading={busy} data-testid="print-png">
          Save PNG
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        The page shows the area on screen with its title, legend, scale bar, north arrow, date and time, and the exercise and demo marks. Street-map pack tiles are not printed.
      </Text>
      {error && (
        <Alert color="red" role="alert" title="Not printed">
          {error}
        </Alert>
      )}
      {preview && <Image src={preview} alt="Preview of the printed page" data-testid="print-preview-image" style={{ border: '1px solid var(--mantine-color-default-border)' }} />}
    </Stack>
  );
}
