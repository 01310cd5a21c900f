import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { AarReportView, CorrectiveAction } from '../../../../shared/contract';
import { ACTION_STATUS_LABELS, ELEMENT_LABELS } from '../../../../shared/domain/aar-outline';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';
import { useShell } from '../../lib/shell-context';
import { openActionForm } from './ActionForm';
import { ActionStatusControl } from './ActionStatusControl';
import { ACTION_TONES, dueInWords } from './labels';

/** Corrective actions with status, due date and recurrence in words as well as colour. */
export function ActionsTable({ actions, view, showEvent }: { actions: readonly CorrectiveAction[]; view?: AarReportView; showEvent?: boolean }) {
  const { coalition } = useShell();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  if (!actions.length) return <Text c="dimmed">No corrective actions.</Text>;
  return (
    <Stack gap="xs">
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      <Table withTableBorder striped layout="fixed" data-testid="actions-table">
        <Table.Thead>
          <Table.Tr>
            {showEvent && <Table.Th w={170}>Incident or exercise</Table.Th>}
            <Table.Th>Corrective action and the area for improvement it addresses</Table.Th>
            <Table.Th w={170}>Responsible</Table.Th>
            <Table.Th w={140}>Due</Table.Th>
            <Table.Th w={170}>Status</Table.Th>
            <Table.Th w={130} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => {
            const due = dueInWords(a.daysFromDue);
            return (
              <Table.Tr key={a.id} data-testid="action-row" data-overdue={a.overdue ? 'true' : 'false'}>
                {showEvent && (
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => navigate(`/aar?incident=${a.incidentId}&tab=plan`)}>
                      {a.incidentName}
                    </Anchor>
                    {a.exercise && (
                      <Text size="xs" c="dimmed">
                        Exercise
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Text fw={600}>{a.action}</Text>
                  <Text size="sm" c="dimmed">
                    {ELEMENT_LABELS[a.element]} · {a.capabilityLabel ?? 'No capability'}
                  </Text>
                  <Text size="sm">
                    For: {a.observationTitle} {a.recurring && <StatusBadge tone="bad">Recurring</StatusBadge>}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.responsibleOrgName ?? 'Not assigned'}</Text>
                  <Text size="xs" c="dimmed">
                    {a.poc}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {a.dueOn ?? 'No date'}
                  </Text>
                  {due && a.overdue && <StatusBadge tone="bad">{due}</StatusBadge>}
                  {due && !a.overdue && (a.status === 'open' || a.status === 'in_progress') && (
                    <Text size="xs" c="dimmed">
                      {due}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={ACTION_TONES[a.status]}>{ACTION_STATUS_LABELS[a.status]}</StatusBadge>
                  <Text size="xs" c="dimmed">
                    {a.statusBy}, {formatDateTime(a.statusAt, coalition.timeZone)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <ActionStatusControl action={a} onError={setError} />
                    {view && (
                      <Button size="xs" variant="subtle" onClick={() => openActionForm({ view, action: a })} aria-label={`Edit ${a.action}`}>
                        Edit
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
