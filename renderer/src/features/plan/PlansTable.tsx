import { Button, Stack, Table, Text } from '@mantine/core';
import type { Plan } from '../../../../shared/contract';
import { RecordTable, RowActions } from '../../components/RecordTable';
import { StatusBadge } from '../../components/StatusBadge';
import { DemoTag } from '../demo/DemoTag';
import { openPlanUpload } from './PlanUploadForm';
import { EXTRACTION_TONE, EXTRACTION_WORDS, REVIEW_TONE } from './labels';

/** The library: each plan's version in force, whether its text is searchable and when it is due for review. */
export function PlansTable({ plans: all, onOpen }: { plans: Plan[]; onOpen: (planId: string) => void }) {
  // Overdue reviews first, then those coming due: what needs doing is at the top.
  const order = { overdue: 0, due_soon: 1, current: 2, no_date: 3 } as const;
  const plans = [...all].sort((a, b) => order[a.review.standing] - order[b.review.standing]);
  return (
    <RecordTable
      rows={plans}
      columns={['Plan', 'Version in force', { label: 'Review', w: 230 }, 'Text']}
      empty="No plans in the library yet. Add the concept of operations first."
      testId="plans-table"
    >
      {(p) => (
        <Table.Tr key={p.id} data-testid="plan-row" data-review={p.review.standing}>
          <Table.Td>
            <Stack gap={2}>
              <Text fw={700}>
                {p.title} <DemoTag demo={p.demo} />
              </Text>
              <Text size="xs" c="dimmed">
                {p.kindLabel} · {p.owner}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td>
            <Text>
              {p.current.versionLabel}, effective {p.current.effectiveOn}
            </Text>
            <Text size="xs" c="dimmed">
              {p.versions > 1 ? `${p.versions} versions` : 'first version'} · {p.current.fileName}
            </Text>
          </Table.Td>
          <Table.Td>
            <StatusBadge tone={REVIEW_TONE[p.review.standing]}>{p.review.label}</StatusBadge>
          </Table.Td>
          <Table.Td>
            <StatusBadge tone={EXTRACTION_TONE[p.current.extraction]}>
              {p.current.extraction === 'ok'
                ? `Searchable: ${p.current.sections} sections`
                : EXTRACTION_WORDS[p.current.extraction]}
            </StatusBadge>
          </Table.Td>
          <RowActions>
            <Button size="compact-sm" variant="default" onClick={() => onOpen(p.id)} aria-label={`Open ${p.title}`}>
              Open
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => openPlanUpload(p)} aria-label={`New version of ${p.title}`}>
              New version
            </Button>
          </RowActions>
        </Table.Tr>
      )}
    </RecordTable>
  );
}
