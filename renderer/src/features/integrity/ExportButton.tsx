import { type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportResult } from '../../../../shared/contract';
import { ReasonedButton } from '../../components/ReasonedButton';
import { saveExport } from '../../lib/download';
import { ManifestModal } from './ManifestModal';

interface Props extends ButtonProps {
  label: string;
  /** Runs the export method; the button saves the file and shows its manifest. */
  run: () => Promise<ExportResult>;
  testId?: string;
  disabledReason?: string | null;
}

export function ExportButton({ label, run, testId, disabledReason, ...props }: Props) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const go = async () => {
    setBusy(true);
    try {
      const r = await run();
      saveExport(r);
      setResult(r);
    } catch (e) {
      notifications.show({ color: 'red', title: `${label} failed`, message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ReasonedButton variant="default" leftSection={<IconPrinter size={18} />} loading={busy} reason={disabledReason ?? null} onClick={() => void go()} data-testid={testId} {...props}>
        {label}
      </ReasonedButton>
      <ManifestModal result={result} onClose={() => setResult(null)} />
    </>
  );
}
