import { Button, Code, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import type { ExportResult } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes, formatDateTime } from '../../lib/format';
import { saveExport, saveManifest } from '../../lib/download';
import { FormModal } from '../../components/FormModal';

/** What proves later that a printed or exported file is the one the console produced. */
export function ManifestModal({ result, onClose }: { result: ExportResult | null; onClose: () => void }) {
  const { coalition } = useShell();
  const m = result?.manifest;
  return (
    <FormModal opened={!!result} onClose={onClose} title="Export saved: its manifest" size="xl">
      {result && m && (
        <Stack gap="sm" data-testid="export-manifest">
          <Group>
            <StatusBadge tone="good">Saved</StatusBadge>
            {m.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
            <Text fw={700}>{m.form}</Text>
          </Group>
          <Table withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>File</Table.Th>
                <Table.Td data-testid="manifest-file">{m.fileName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Size</Table.Th>
                <Table.Td>
                  {formatBytes(m.bytes)} ({m.bytes.toLocaleString('en-US')} bytes)
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>SHA-256</Table.Th>
                <Table.Td>
                  <Code data-testid="manifest-sha256" style={{ wordBreak: 'break-all' }}>
                    {m.sha256}
                  </Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Incident</Table.Th>
                <Table.Td>
                  {m.incidentName}
                  {m.exercise ? ' (EXERCISE)' : ''}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Produced</Table.Th>
                <Table.Td>
                  {formatDateTime(m.generatedAt, coalition.timeZone)} by {m.generatedBy.operatorName ?? 'unknown'}
                  {m.generatedBy.positionTitle ? ` · ${m.generatedBy.positionTitle}` : ''}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">
            Keep the manifest with the file. Anyone can recompute the file&apos;s SHA-256 and compare; the export is also
            in the audit trail.
          </Text>
          <Group justify="flex-end">
            <CopyButton value={m.sha256}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy SHA-256'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={() => saveExport(result)}>
              Save the file again
            </Button>
            <Button variant="default" onClick={() => saveManifest(result)} data-testid="save-manifest">
              Save manifest
            </Button>
            <Button onClick={onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </FormModal>
  );
}
