import { Stack, Table, Text } from '@mantine/core';
import type { CalldownTarget } from '../../../../shared/contract';
import { CALL_OUTCOME_LABELS } from '../../../../shared/domain/calldown';
import { StatusBadge } from '../../components/StatusBadge';
import { localParts } from '../../lib/format';
import { useShell } from '../../lib/shell-context';
import { AttemptButtons } from './AttemptButtons';
import { STATUS_TONE } from './labels';

/** Contacts on the list with their number, where each stands, and the calls made so far. */
export function TargetsTable({ calldownId, targets, open, testId }: { calldownId: string; targets: CalldownTarget[]; open: boolean; testId: string }) {
  const { coalition } = useShell();
  const time = (ms: number) => localParts(ms, coalition.timeZone).hm;
  if (!targets.length) return <Text c="dimmed">{testId === 'to-reach' ? 'Everyone on the list has been reached.' : 'Nobody reached yet.'}</Text>;
  return (
    <Table verticalSpacing={6} striped data-testid={testId}>
      <Table.Tbody>
        {targets.map((t) => (
          <Table.Tr key={t.id} data-testid="calldown-target" data-status={t.status}>
            <Table.Td>
              {/* Who to call is what the caller reads first: never squeezed to a word a line by the buttons. */}
              <Stack gap={0} miw={220}>
                <Text fw={700}>{t.contactName}</Text>
                <Text size="xs" c="dimmed">
                  {[t.role, t.organisationName].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text ff="monospace" fw={800} size="lg" style={{ whiteSpace: 'nowrap' }}>
                {t.phone ?? 'no number'}
              </Text>
            </Table.Td>
            <Table.Td w={190}>
              <Stack gap={2}>
                <StatusBadge tone={STATUS_TONE[t.status]}>{t.statusLabel}</StatusBadge>
                {t.acknowledgedBy && (
                  <Text size="xs" data-testid="acknowledged-by">
                    ack. {t.acknowledgedBy}
                  </Text>
                )}
                {/* The calls so far under where the contact stands, newest last. */}
                <Text size="xs" c="dimmed" data-testid="calldown-attempts">
                  {t.attempts.map((a) => `${time(a.occurredAt)} ${CALL_OUTCOME_LABELS[a.outcome]}`).join(' · ') || 'not called yet'}
                </Text>
              </Stack>
            </Table.Td>
            {open && (
              <Table.Td>
                <AttemptButtons calldownId={calldownId} target={t} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
