import { Badge, List, Table, Text } from '@mantine/core';
import type { ImportRow } from '../../../../shared/contract';

const OUTCOME_WORDS: Record<ImportRow['outcome'], string> = {
  new_organisation: 'New organisation',
  contact_for_new_organisation: 'Contact for a new organisation',
  contact_for_existing_organisation: 'Contact for an existing organisation',
  existing_organisation: 'Already in the directory',
  error: 'Not importable',
};

/** Each row of the file and what importing would do with it; errors named by column. */
export function ImportPreviewTable({ rows }: { rows: ImportRow[] }) {
  return (
    <Table striped verticalSpacing="xs" data-testid="import-preview">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>Line</Table.Th>
          <Table.Th>Organisation</Table.Th>
          <Table.Th>Contact</Table.Th>
          <Table.Th>What happens</Table.Th>
          <Table.Th>Problems</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const bad = r.errors.length > 0;
          return (
            <Table.Tr
              key={r.line}
              data-testid="import-row"
              data-error={bad ? 'true' : 'false'}
              bg={bad ? 'var(--mantine-color-red-light)' : undefined}
            >
              <Table.Td ff="monospace">{r.line}</Table.Td>
              <Table.Td>{r.organisationName || '—'}</Table.Td>
              <Table.Td>{r.contactName ?? '—'}</Table.Td>
              <Table.Td>
                {bad ? (
                  <Badge color="red" variant="filled" radius="sm">
                    ERROR
                  </Badge>
                ) : (
                  OUTCOME_WORDS[r.outcome]
                )}
              </Table.Td>
              <Table.Td>
                {r.errors.length + r.warnings.length === 0 ? (
                  <Text c="dimmed">None</Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {r.errors.map((e, i) => (
                      <List.Item key={`e${i}`} data-testid="import-row-error">
                        <b>{e.column}</b>: {e.message}
                      </List.Item>
                    ))}
                    {r.warnings.map((w, i) => (
                      <List.Item key={`w${i}`}>Note: {w}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
