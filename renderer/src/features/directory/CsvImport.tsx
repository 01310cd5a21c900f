import { Alert, Button, FileInput, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { CSV_MAX_CHARS, DIRECTORY_CSV_COLUMNS } from '../../../../shared/contract';
import { useCommand, useSingleCommand } from '../../lib/query';
import { downloadText, readTextFile } from '../../lib/download';
import { ImportPreviewTable } from './ImportPreviewTable';

/**
 * Import organisations and contacts from a CSV: preview first, every row's errors shown,
 * and nothing written until the operator confirms a file with no errors.
 */
export function CsvImport() {
  const preview = useCommand('directory.importPreview');
  const commit = useSingleCommand('directory.importCommit');
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);

  const choose = async (f: File | null) => {
    setFile(f);
    setCsv(null);
    setReadError(null);
    preview.reset();
    commit.reset();
    if (!f) return;
    try {
      const text = await readTextFile(f, CSV_MAX_CHARS);
      setCsv(text);
      preview.mutate({ csv: text });
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e));
    }
  };
  const p = preview.data;
  const rows = p ? (onlyErrors ? p.rows.filter((r) => r.errors.length) : p.rows) : [];
  return (
    <Paper withBorder p="md" data-testid="csv-import">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Import organisations and contacts (CSV)</Title>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => downloadText('directory-template.csv', `${DIRECTORY_CSV_COLUMNS.join(',')}\r\n`, 'text/csv')}
          >
            Download an empty template
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          One row per contact; organisation columns repeat. Nothing is written until you confirm, and not while any row
          has an error.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={18} />}
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          w={420}
          data-testid="csv-file"
        />
        {readError && (
          <Alert color="red" role="alert">
            {readError}
          </Alert>
        )}
        {preview.error && (
          <Alert color="red" role="alert" title="The file could not be read">
            {preview.error.message}
          </Alert>
        )}
        {p && (
          <>
            {p.fileErrors.map((m) => (
              <Alert key={m} color="red" role="alert" title="Problem with the file">
                {m}
              </Alert>
            ))}
            <Group gap="lg" data-testid="import-summary">
              <Text fw={600}>{p.summary.rows} rows</Text>
              <Text fw={600} c={p.summary.rowsWithErrors ? 'red' : undefined}>
                {p.summary.rowsWithErrors} with errors
              </Text>
              <Text>{p.summary.organisationsToCreate} organisations to create</Text>
              <Text>{p.summary.contactsToCreate} contacts to create</Text>
              <Switch
                label="Only rows with errors"
                checked={onlyErrors}
                onChange={(e) => setOnlyErrors(e.currentTarget.checked)}
              />
            </Group>
            {!p.canCommit && (
              <Alert color="red" role="alert" data-testid="import-blocked" title="Nothing has been imported">
                Fix the rows marked ERROR in the file, then choose it again. Nothing is written while any row has an
                error.
              </Alert>
            )}
            <ImportPreviewTable rows={rows} />
            <Group justify="flex-end">
              <Button
                leftSection={<IconCheck size={18} />}
                disabled={!p.canCommit || !csv || commit.isSuccess}
                loading={commit.isPending}
                onClick={() => csv && commit.mutate({ csv, digest: p.digest })}
              >
                {`Import ${p.summary.organisationsToCreate} organisations and ${p.summary.contactsToCreate} contacts`}
              </Button>
            </Group>
          </>
        )}
        {commit.error && (
          <Alert color="red" role="alert" title="Nothing was imported">
            {commit.error.message}
          </Alert>
        )}
        {commit.data && (
          <Alert color="teal" role="status" data-testid="import-done" title="Import complete">
            {`Imported ${commit.data.organisationsCreated} organisations and ${commit.data.contactsCreated} contacts.`}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
