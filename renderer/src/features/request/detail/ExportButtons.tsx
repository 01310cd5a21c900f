import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { IconFileTypeCsv, IconFileTypePdf, IconFileTypeXml } from '@tabler/icons-react';
import type { RequestDetail } from '../../../../../shared/contract';
import { useSingleCommand } from '../../../lib/query';
import { downloadBase64, downloadText, saveWithManifest } from '../../../lib/download';

/** ICS 213RR as PDF, the history as CSV, and the EDXL-RM messages of its steps. */
export function ExportButtons({ r }: { r: RequestDetail }) {
  const pdf = useSingleCommand('request.formPdf');
  const csv = useSingleCommand('request.historyCsv');
  const edxl = useSingleCommand('edxl.exportRequest');
  const error = pdf.error ?? csv.error ?? edxl.error;
  // Said in words when there is nothing to write, instead of a button that seems to do nothing.
  const [edxlNote, setEdxlNote] = useState<string | null>(null);
  return (
    <>
      <Group gap="xs" data-testid="exports">
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={18} />}
          loading={pdf.isPending}
          onClick={() => pdf.mutate({ id: r.id }, { onSuccess: (f) => saveWithManifest(() => downloadBase64(f.fileName, f.base64, f.mimeType), f) })}
          data-testid="export-pdf"
        >
          ICS 213RR PDF
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileTypeCsv size={18} />}
          loading={csv.isPending}
          onClick={() => csv.mutate({ requestId: r.id }, { onSuccess: (f) => saveWithManifest(() => downloadText(f.fileName, f.csv, f.mimeType), f) })}
          data-testid="export-csv"
        >
          History CSV
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileTypeXml size={18} />}
          loading={edxl.isPending}
          onClick={() =>
            edxl.mutate(
              { requestId: r.id, envelope: true },
              {
                onSuccess: (x) => {
                  setEdxlNote(x.messages.length ? null : 'This request has no step to send as EDXL-RM yet.');
                  if (x.envelope) downloadText(x.envelope.fileName, x.envelope.xml, 'application/xml');
                  else for (const m of x.messages) downloadText(m.fileName, m.xml, 'application/xml');
                },
              },
            )
          }
          data-testid="export-edxl"
        >
          EDXL-RM XML
        </Button>
      </Group>
      {edxlNote && (
        <Alert color="yellow" role="status" title="Nothing exported">
          {edxlNote}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" title="Export failed">
          {error.message}
        </Alert>
      )}
    </>
  );
}
