import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { Select } from '../../components/Select';
import { useState } from 'react';
import { IconEdit, IconPrinter } from '@tabler/icons-react';
import { call } from '../../backend';
import { StatusBadge } from '../../components/StatusBadge';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { DemoTag } from '../demo/DemoTag';
import { ActivationSheetBody } from './ActivationSheetBody';
import { openActivationSheetForm } from './ActivationSheetForm';
import { savePrint } from './print-sheet';
import { runOrSay } from '../../lib/said-failure';

export function printActivationSheet(): Promise<void> {
  return runOrSay('Activation sheet not printed', async () => savePrint(await call('activation.print', {}), 'Activation sheet (one page)'));
}

/** "How to activate the region": the sheet in force, its print, and a new version when it changes. */
export function ActivationPanel() {
  const { coalition } = useShell();
  const q = useMethod('activation.current', {});
  const versions = useMethod('activation.versions', {});
  const [shown, setShown] = useState<string | null>(null);
  const older = useMethod('activation.get', { id: shown ?? '' }, { enabled: !!shown && shown !== q.data?.sheet?.id });
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  const sheet = q.data.sheet;
  if (!sheet) {
    return (
      <Stack gap="sm" align="flex-start" data-testid="activation-panel">
        <Text>No activation sheet yet: write the one page the duty officer reads first.</Text>
        <Button onClick={() => openActivationSheetForm(null)}>Write the activation sheet</Button>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="activation-panel">
      <Group justify="space-between">
        <Group gap="xs">
          <StatusBadge tone="good">{`Version ${sheet.version} in force`}</StatusBadge>
          <DemoTag demo={sheet.demo} />
          <Text size="sm" c="dimmed">
            saved {formatDateTime(sheet.recordedAt, coalition.timeZone)} by {sheet.operatorName ?? 'unknown'}
            {versions.data && versions.data.versions.length > 1 ? ` · ${versions.data.versions.length} versions kept` : ''}
          </Text>
        </Group>
        <Group gap="xs">
          {versions.data && versions.data.versions.length > 1 && (
            <Select
              aria-label="Version shown"
              w={260}
              allowDeselect={false}
              value={shown ?? sheet.id}
              onChange={setShown}
              data={versions.data.versions.map((v) => ({ value: v.id, label: `Version ${v.version}${v.id === sheet.id ? ' (in force)' : ''}${v.note ? `: ${v.note}` : ''}` }))}
            />
          )}
          <Button variant="default" leftSection={<IconEdit size={18} />} onClick={() => openActivationSheetForm(sheet)}>
            Edit (new version)
          </Button>
          <Button leftSection={<IconPrinter size={18} />} onClick={() => void printActivationSheet()} data-testid="print-activation-sheet">
            Print on one page
          </Button>
        </Group>
      </Group>
      {older.data && shown !== sheet.id && (
        <Alert color="yellow" title={`Version ${older.data.sheet.version}: no longer in force`}>
          Saved {formatDateTime(older.data.sheet.recordedAt, coalition.timeZone)} by {older.data.sheet.operatorName ?? 'unknown'}. The sheet in force is version {sheet.version}.
        </Alert>
      )}
      <Paper withBorder p="md">
        <ActivationSheetBody sheet={older.data && shown !== sheet.id ? older.data.sheet : sheet} />
      </Paper>
    </Stack>
  );
}
