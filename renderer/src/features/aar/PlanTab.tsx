import { Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { AarReportView } from '../../../../shared/contract';
import { ReasonedButton } from '../../components/ReasonedButton';
import { ActionsTable } from './ActionsTable';
import { openActionForm } from './ActionForm';

/** Appendix A for this report: a corrective action per area for improvement, tracked to completion. */
export function PlanTab({ view }: { view: AarReportView }) {
  const afis = view.observations.filter((o) => o.kind === 'afi' && o.status === 'accepted');
  return (
    <Stack gap="sm" data-testid="aar-plan">
      <Group justify="space-between" align="flex-start">
        <Text>
          {view.actions.length} corrective action{view.actions.length === 1 ? '' : 's'} for {afis.length} area{afis.length === 1 ? '' : 's'} for improvement;{' '}
          {view.actions.filter((a) => a.overdue).length} overdue.
        </Text>
        <ReasonedButton
          leftSection={<IconPlus size={18} />}
          reason={afis.length ? null : 'Accept or add an area for improvement first.'}
          onClick={() => openActionForm({ view })}
          data-testid="add-action"
        >
          Add corrective action
        </ReasonedButton>
      </Group>
      <ActionsTable actions={view.actions} view={view} />
    </Stack>
  );
}
