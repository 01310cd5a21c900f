import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { AarExport } from '../../../../shared/contract';
import { downloadBase64 } from '../../lib/download';

/** Runs an export on the backend (audited there) and saves the file it returns. */
export function ExportFileButton({ label, run, testId }: { label: string; run: () => Promise<AarExport>; testId: string }) {
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      const f = await run();
      downloadBase64(f.fileName, f.base64, f.mimeType);
      notifications.show({ color: 'teal', title: `${label}: saved`, message: `${f.fileName} (SHA-256 ${f.sha256.slice(0, 16)}…)` });
    } catch (e) {
      notifications.show({ color: 'red', title: `${label} failed`, message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" leftSection={<IconDownload size={18} />} loading={busy} onClick={() => void go()} data-testid={testId}>
      {label}
    </Button>
  );
}
