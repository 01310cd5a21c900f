import { Alert, Button, FileInput, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { STATUS_IMPORT_MAX_CHARS } from '../../../../shared/contract';
import { ErrorPanel } from '../../components/ErrorPanel';
import { downloadText, readTextFile, saveExport } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useCommand, useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useCatalogue } from './use-catalogue';

/** Hospital status out as EDXL-HAVE 1.0; HAVE documents and CSV status sheets in, previewed first. */
export function ExchangeView() {
  const { coalition } = useShell();
  const catalogue = useCatalogue();
  const exportHave = useSingleCommand('status.exportHave');
  const preview = useCommand('status.importPreview');
  const commit = useSingleCommand('status.importCommit');
  const [format, setFormat] = useState<'have' | 'csv'>('have');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const choose = async (f: File | null) => {
    setFile(f);
    setText(null);
    setReadError(null);
    preview.reset();
    commit.reset();
    if (!f) return;
    try {
      const t = await readTextFile(f, STATUS_IMPORT_MAX_CHARS);
      setText(t);
      preview.mutate({ format, text: t });
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e));
    }
  };
  const p = preview.data;
  const template = ['facility', 'identifier', 'reported_at', 'reported_by', ...(catalogue.data?.types ?? []).filter((t) => t.kind !== 'text').map((t) => t.code)].join(',');
  return (
    <Stack gap="md">
      <Paper withBorder p="md" data-testid="have-export">
        <Stack gap="xs">
          <Title order={3}>Export hospital status (EDXL-HAVE 1.0)</Title>
          <Text size="sm">The current status of every hospital that has reported, in an EDXL-DE envelope, valid against the OASIS schema. An exercise or demo says Exercise.</Text>
          <Group>
            <Button loading={exportHave.isPending} onClick={() => exportHave.mutate({}, { onSuccess: (r) => saveExport(r) })} data-testid="have-export-button">
              Export EDXL-HAVE
            </Button>
            {exportHave.data && <Text size="sm">{`${exportHave.data.hospitals} hospitals in ${exportHave.data.fileName}`}</Text>}
          </Group>
          {exportHave.error && <ErrorPanel title="Not exported" error={exportHave.error} />}
        </Stack>
      </Paper>
      <Paper withBorder p="md" data-testid="status-import">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3}>Import status</Title>
            <Button variant="subtle" size="xs" onClick={() => downloadText('status-sheet-template.csv', `${template}\r\n`, 'text/csv')}>
              Download an empty CSV status sheet
            </Button>
          </Group>
          <SegmentedControl
            value={format}
            onChange={(v) => {
              setFormat(v as 'have' | 'csv');
              void choose(null);
            }}
            data={[
              { value: 'have', label: 'EDXL-HAVE document' },
              { value: 'csv', label: 'CSV status sheet' },
            ]}
          />
          <Text size="sm" c="dimmed">
            {format === 'have'
              ? 'A HospitalStatus from another system, bare or in an EDXL-DE envelope. Hospitals are matched by identifier or name; reports keep the document’s times and say they were imported.'
              : 'One row per report: facility, identifier (optional), reported_at (2026-11-25 14:30 local, or ISO 8601 with zone), reported_by, then one column per status type code. Empty cells are not reported.'}{' '}
            Nothing is written until you confirm.
          </Text>
          <FileInput label="File" placeholder={format === 'have' ? 'Choose an .xml file' : 'Choose a .csv file'} accept={format === 'have' ? '.xml,application/xml,text/xml' : '.csv,text/csv'} value={file} onChange={(f) => void choose(f)} clearable />
          {readError && <ErrorPanel title="The file cannot be read" error={readError} />}
          {preview.error && <ErrorPanel title="The file was refused" error={preview.error} />}
          {p && (
            <Stack gap="xs" data-testid="import-preview">
              {p.fileErrors.map((e) => (
                <Alert key={e} color="red" title="The file cannot be imported">
                  {e}
                </Alert>
              ))}
              <Text fw={600}>{`${p.reports} reports to import${p.unmatched.length ? `; not in the directory: ${p.unmatched.join(', ')}` : ''}`}</Text>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{format === 'have' ? 'Hospital' : 'Line'}</Table.Th>
                    <Table.Th>Matched</Table.Th>
                    <Table.Th>Reported</Table.Th>
                    <Table.Th>Values</Table.Th>
                    <Table.Th>Notes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.rows.map((r) => (
                    <Table.Tr key={r.line} data-testid="import-row">
                      <Table.Td>{format === 'have' ? r.name : `${r.line}: ${r.name}`}</Table.Td>
                      <Table.Td>{r.matchedName ? `${r.matchedName} (by ${r.matchedBy})` : 'NOT FOUND'}</Table.Td>
                      <Table.Td>{r.occurredAt ? formatDateTime(r.occurredAt, coalition.timeZone) : '—'}</Table.Td>
                      <Table.Td>{r.values.map((v) => `${v.label}: ${v.display}`).join('; ')}</Table.Td>
                      <Table.Td>{r.problems.join(' ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group>
                <Button disabled={!p.canCommit || !text} loading={commit.isPending} onClick={() => text && commit.mutate({ format, text, digest: p.digest })} data-testid="import-commit">
                  {`Import ${p.reports} reports`}
                </Button>
              </Group>
              {commit.error && <ErrorPanel title="Nothing was imported" error={commit.error} />}
              {commit.data && (
                <Alert color="teal" icon={<IconCheck />} data-testid="import-done">
                  {`${commit.data.reports} reports imported.`}
                </Alert>
              )}
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
