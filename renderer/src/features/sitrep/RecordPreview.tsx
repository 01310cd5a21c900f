import { Box, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { SitrepRecord } from '../../../../shared/contract';
import { formatAgeShort } from '../../../../shared/domain/status-rules';
import { formatDateTime } from '../../lib/format';
import { HeadlineBadge } from '../status/StatusBadges';

/** The part of the report drawn from the record, as it will print. */
export function RecordPreview({ record, timeZone }: { record: SitrepRecord; timeZone: string }) {
  return (
    <Paper withBorder p="md" data-testid="sitrep-record">
      <Stack gap="sm">
        <Title order={3}>{`From the record, as of ${formatDateTime(record.asOf, timeZone)}`}</Title>
        <Text size="sm" c="dimmed">{`${record.stale} ${record.stale === 1 ? 'facility' : 'facilities'} with stale status, ${record.overdue} overdue. Events and decisions since ${formatDateTime(record.since, timeZone)}.`}</Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Stack gap={4}>
            <Title order={4}>Beds available</Title>
            <Table fz="sm">
              <Table.Tbody>
                {record.beds.map((b) => (
                  <Table.Tr key={b.label}>
                    <Table.Td>{b.label}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {b.available}
                    </Table.Td>
                    <Table.Td>{b.baseline === null ? '' : `of ${b.baseline}`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
          <Stack gap={4}>
            <Title order={4}>{`Open requests (${record.openRequests.length})`}</Title>
            {record.openRequests.slice(0, 8).map((r) => (
              <Text key={r.number} size="sm">{`${r.number} ${r.organisation}: ${r.summary} (${r.priority.toLowerCase()}, ${r.status.toLowerCase()})`}</Text>
            ))}
          </Stack>
        </SimpleGrid>
        <Title order={4}>Facility status</Title>
        {/* Focusable, so the list scrolls from the keyboard too (arrow keys, Page Down). */}
        <ScrollArea.Autosize mah={360} viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Facility status, scrollable' }}>
          <Table fz="sm" striped>
            <Table.Tbody>
              {record.facilities.map((f) => (
                <Table.Tr key={f.name}>
                  <Table.Td fw={600}>{f.name}</Table.Td>
                  {/* The status whole on one line ("ON / GENERATOR" at 1280 read as two things), and
                      the age whole: the details take what is left. */}
                  <Table.Td>
                    <Box w="max-content">
                      <HeadlineBadge words={f.headline} severity={f.severity} />
                    </Box>
                  </Table.Td>
                  <Table.Td>{f.detail}</Table.Td>
                  <Table.Td data-testid="record-facility-age">
                    {f.lastReportAt === null ? (
                      'never reported'
                    ) : (
                      <>
                        <span style={{ whiteSpace: 'nowrap' }}>{`${formatAgeShort(record.asOf - f.lastReportAt)} before`}</span>
                        {f.staleness && f.staleness !== 'CURRENT' && <> ({f.staleness})</>}
                      </>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Title order={4}>{`Significant events (${record.events.length}) and decisions (${record.decisions.length})`}</Title>
        {[...record.events.map((e) => ({ ...e, kind: 'Event' })), ...record.decisions.map((d) => ({ ...d, kind: 'Decision' }))]
          .sort((a, b) => a.at - b.at)
          .slice(-10)
          .map((e, i) => (
            <Text key={i} size="sm">{`${formatDateTime(e.at, timeZone)} ${e.kind}: ${e.text}`}</Text>
          ))}
      </Stack>
    </Paper>
  );
}
