import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Fill, Line, RequestDetail } from '../../../../../shared/contract';
import { distinctNames } from '../../../lib/distinct-names';
import { formatDateTime } from '../../../lib/format';

const money = (cents: number | null) => (cents === null ? '—' : `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);

/** A fill of a line; its Withdraw is named by what it withdraws (`said`), since a line may hold several. */
function FillLine({ f, said, timeZone, onWithdraw }: { f: Fill; said: string; timeZone: string; onWithdraw?: (f: Fill) => void }) {
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" data-testid="fill" data-source={f.source} style={{ opacity: f.withdrawn ? 0.6 : 1 }}>
      <Text size="sm" td={f.withdrawn ? 'line-through' : undefined} style={{ flex: 1 }}>
        <b>{f.quantity.toLocaleString('en-US')}</b> from {f.sourceName} ({f.sourceLabel})
        {f.orderNumber ? ` · order ${f.orderNumber}` : ''}
        {f.estimatedArrival ? ` · ETA ${formatDateTime(f.estimatedArrival, timeZone)}` : ''}
      </Text>
      {f.withdrawn && (
        <Badge color="gray" variant="outline" radius="sm">
          {`WITHDRAWN${f.withdrawnReason ? `: ${f.withdrawnReason}` : ''}`}
        </Badge>
      )}
      {!f.withdrawn && onWithdraw && (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => onWithdraw(f)} style={{ flexShrink: 0 }} aria-label={`Withdraw ${said}`}>
          Withdraw
        </Button>
      )}
    </Group>
  );
}

/** Block 4, the order: each line, what is sourced from where, and what is still outstanding. */
export function LinesTable({ r, timeZone, onWithdraw }: { r: RequestDetail; timeZone: string; onWithdraw?: (f: Fill) => void }) {
  // Two fills alike (2 from the same cache on one line, sourced twice) are told apart by order, then ETA.
  const said = distinctNames(
    r.lines.flatMap((l) => l.fills.filter((f) => !f.withdrawn)),
    (f) => `${f.quantity.toLocaleString('en-US')} from ${f.sourceName} (line ${f.lineNo})`,
    [(f) => (f.orderNumber ? `order ${f.orderNumber}` : ''), (f) => (f.estimatedArrival ? `ETA ${formatDateTime(f.estimatedArrival, timeZone)}` : '')],
  );
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        4. Order
      </Title>
      <Table striped verticalSpacing="sm" data-testid="lines-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Detailed item description</Table.Th>
            <Table.Th>Requested arrival</Table.Th>
            <Table.Th>Cost</Table.Th>
            <Table.Th w="40%">Sourced</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lines.map((l: Line) => (
            <Table.Tr key={l.id} data-testid="line-row" data-line={l.lineNo}>
              <Table.Td>{l.lineNo}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {l.quantity.toLocaleString('en-US')} {l.unit ?? ''}
              </Table.Td>
              <Table.Td>{l.kind}</Table.Td>
              <Table.Td>{l.type ?? '—'}</Table.Td>
              <Table.Td>{l.description ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.requestedArrival ? formatDateTime(l.requestedArrival, timeZone) : '—'}</Table.Td>
              <Table.Td>{money(l.costCents)}</Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" fw={700} c={l.outstandingQuantity > 0 ? 'orange' : 'teal'} data-testid="line-fill-status">
                    {l.outstandingQuantity > 0
                      ? `${l.filledQuantity.toLocaleString('en-US')} sourced, ${l.outstandingQuantity.toLocaleString('en-US')} outstanding`
                      : `All ${l.filledQuantity.toLocaleString('en-US')} sourced`}
                  </Text>
                  {l.fills.map((f) => (
                    <FillLine key={f.id} f={f} said={said.get(f.id) ?? ''} timeZone={timeZone} onWithdraw={onWithdraw} />
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {r.allocations.length > 0 && (
        <Text size="sm" mt="sm" data-testid="allocations">
          From inventory:{' '}
          {r.allocations
            .map((a) => `${a.inventoryItemName}: ${a.allocated} allocated, ${a.returned} returned, ${a.consumed} used up, ${a.outstanding} still out`)
            .join('; ')}
        </Text>
      )}
    </Paper>
  );
}
