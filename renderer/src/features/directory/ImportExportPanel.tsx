import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useSingleCommand } from '../../lib/query';
import { downloadText, saveWithManifest } from '../../lib/download';
import { CsvImport } from './CsvImport';

function CsvExport() {
  const exp = useSingleCommand('directory.exportCsv');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm" align="flex-start">
        <Title order={3}>Export the directory (CSV)</Title>
        <Text size="sm" c="dimmed">
          Every organisation and contact, in the same columns the import reads. The export is recorded in the audit
          trail.
        </Text>
        <Button
          leftSection={<IconDownload size={18} />}
          loading={exp.isPending}
          onClick={() => exp.mutate({}, { onSuccess: (r) => saveWithManifest(() => downloadText(r.fileName, r.csv, 'text/csv'), r) })}
        >
          Export directory CSV
        </Button>
        {exp.data && (
          <Text size="sm" data-testid="export-done">{`Saved ${exp.data.fileName}: ${exp.data.rows} rows.`}</Text>
        )}
        {exp.error && (
          <Alert color="red" role="alert">
            {exp.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

export function ImportExportPanel() {
  return (
    <Stack gap="md">
      <CsvImport />
      <CsvExport />
    </Stack>
  );
}
