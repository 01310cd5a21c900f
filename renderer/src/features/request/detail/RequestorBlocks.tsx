import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RequestDetail, RequestEvent } from '../../../../../shared/contract';
import { formatDateTime } from '../../../lib/format';

/** One ICS 213RR block: its number and name as on the form, then the value. */
export function Block({ n, name, children }: { n: number | string; name: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {n === '' ? name : `${n}. ${name}`}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** Blocks 1-3 and 5-9 of the requestor section (block 4, the order, is the lines table). */
export function RequestorBlocks({ r, events, timeZone }: { r: RequestDetail; events: RequestEvent[]; timeZone: string }) {
  const approval = [...events].reverse().find((e) => e.action === 'approve');
  return (
    <Paper withBorder p="md" data-testid="requestor-section">
      <Title order={3} mb="sm">
        Requestor section
      </Title>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
        <Block n={1} name="Incident name">{r.incidentName ?? '—'}</Block>
        <Block n={2} name="Date/time">{formatDateTime(r.submittedAt ?? r.createdAt, timeZone)}</Block>
        <Block n={3} name="Resource request number">
          <Text ff="monospace" fw={700}>{r.number}</Text>
        </Block>
        <Block n={8} name="Priority">{r.priorityLabel}</Block>
        <Block n={5} name="Requested delivery/reporting location">{r.deliveryLocation}</Block>
        <Block n={6} name="Suitable substitutes and/or suggested sources">{r.substitutes ?? '—'}</Block>
        <Block n={7} name="Requested by">
          {r.requestedByName}
          {r.requestedByPosition ? `, ${r.requestedByPosition}` : ''}
          <Text size="sm" c="dimmed">
            {r.requestingOrganisation.name}
            {r.requestedByContact ? ` · ${r.requestedByContact}` : ''}
          </Text>
        </Block>
        <Block n={9} name="Section chief approval">
          {approval
            ? [approval.operatorName, approval.positionTitle, formatDateTime(approval.occurredAt, timeZone)].filter(Boolean).join(' · ')
            : 'Not yet approved'}
        </Block>
        {r.notes && <Block n="" name="Notes">{r.notes}</Block>}
      </SimpleGrid>
    </Paper>
  );
}
