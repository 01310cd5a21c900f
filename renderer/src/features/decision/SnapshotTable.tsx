import { Table } from '@mantine/core';
import type { SituationSnapshot } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime, localParts } from '../../lib/format';

/** The picture when the decision was made, captured by the console, not typed. */
export function SnapshotTable({ snapshot }: { snapshot: SituationSnapshot }) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const p = snapshot.currentPeriod;
  const rows: [string, string][] = [
    ['Captured', formatDateTime(snapshot.capturedAt, tz)],
    ['Activation level', snapshot.activationLevel],
    ['Operational period', p ? `Period ${p.number} (${localParts(p.startsAt, tz).hm} to ${localParts(p.endsAt, tz).hm} ${localParts(p.endsAt, tz).zone})` : 'None open'],
    ['Open resource requests', snapshot.openRequests === null ? 'Not tracked here' : String(snapshot.openRequests)],
    ['Log entries (last hour)', `${snapshot.logEntries} (${snapshot.logEntriesLastHour})`],
    ['Significant events', String(snapshot.significantEvents)],
    ['Proposals waiting', String(snapshot.pendingProposals)],
    ['Messages', String(snapshot.messages)],
    ['Decisions in force', String(snapshot.decisionsInForce)],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="decision-snapshot">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={250} fw={600}>
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
