import { Anchor, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { AarReportView, Evidence } from '../../../../shared/contract';
import { useMethod } from '../../lib/query';
import { CandidateCard } from './CandidateCard';

/** What the record proposes (to accept, edit or dismiss) and the figures drafted from it. */
export function RecordTab({ view, onOpen }: { view: AarReportView; onOpen: (e: Evidence) => void }) {
  const record = useMethod('aar.record', { incidentId: view.report.incidentId });
  const proposed = view.observations.filter((o) => o.ruleKey);
  const open = proposed.filter((o) => o.status === 'candidate');
  const decided = proposed.filter((o) => o.status !== 'candidate');
  return (
    <Stack gap="lg" data-testid="aar-record" data-ready={record.data ? 'true' : 'false'}>
      <Stack gap="xs">
        <Title order={3}>Proposed by the record ({open.length} to decide)</Title>
        {open.length === 0 && <Text c="dimmed">Nothing left to decide. Refresh from the record after more has happened.</Text>}
        {open.map((o) => (
          <CandidateCard key={o.id} o={o} view={view} onOpen={onOpen} />
        ))}
        {decided.length > 0 && (
          <Text size="sm" c="dimmed">
            Decided: {decided.map((o) => `${o.title} (${o.status})`).join('; ')}.
          </Text>
        )}
        {decided
          .filter((o) => o.status === 'dismissed')
          .map((o) => (
            <CandidateCard key={o.id} o={o} view={view} onOpen={onOpen} />
          ))}
      </Stack>
      {record.error && <Text c="red">{record.error.message}</Text>}
      {record.data?.tables.map((t) => (
        <Paper withBorder p="sm" key={t.key} data-testid={`record-table-${t.key}`}>
          <Title order={4}>{t.title}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t.intro}
          </Text>
          {t.rows.length === 0 ? (
            <Text c="dimmed">None recorded.</Text>
          ) : (
            <ScrollArea.Autosize mah={420}>
              <Table striped withTableBorder layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    {t.columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                    <Table.Th w={110}>Record</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {t.rows.slice(0, 300).map((r, i) => (
                    <Table.Tr key={i}>
                      {r.cells.map((c, j) => (
                        <Table.Td key={j} style={{ whiteSpace: 'pre-line', verticalAlign: 'top' }}>
                          {c}
                        </Table.Td>
                      ))}
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        {r.evidence[0] && (
                          <Anchor component="button" type="button" size="sm" onClick={() => onOpen(r.evidence[0]!)}>
                            Open
                          </Anchor>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          {t.rows.length > 300 && (
            <Text size="sm" c="dimmed">
              The first 300 of {t.rows.length} rows.
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
