import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { countOf } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { PlanDetail } from './PlanDetail';
import { PlanSearch } from './PlanSearch';
import { PlanSectionView } from './PlanSectionView';
import { PlansTable } from './PlansTable';
import { openPlanUpload } from './PlanUploadForm';

export interface PlansView {
  planId?: string | null;
  versionId?: string | null;
  section?: number | null;
}

/** The plans library: search, the list with review flags, a plan, a section. Where it is is kept in the address. */
export function PlansPanel({ view, open }: { view: PlansView; open: (v: PlansView) => void }) {
  const q = useMethod('plan.list', {});
  if (view.versionId && view.section !== null && view.section !== undefined) {
    return <PlanSectionView versionId={view.versionId} ordinal={view.section} onSection={(n) => open({ versionId: view.versionId, section: n })} onBack={() => open({})} />;
  }
  if (view.planId) return <PlanDetail planId={view.planId} onSection={(v, n) => open({ versionId: v, section: n })} onBack={() => open({})} />;
  return (
    <Stack gap="sm" data-testid="plans-panel">
      <Group justify="space-between" align="flex-end">
        <Group gap="xs">
          {q.data && (
            <>
              <StatusBadge tone={q.data.reviewDue ? 'warn' : 'good'}>{q.data.reviewDue ? `${q.data.reviewDue} due for review` : 'All reviews current'}</StatusBadge>
              <Text size="sm" c="dimmed">
                {countOf(q.data.plans.length, 'plan')} · as of {q.data.today}
              </Text>
            </>
          )}
        </Group>
        <Button leftSection={<IconUpload size={18} />} onClick={() => openPlanUpload(null)} data-testid="add-plan">
          Add a plan
        </Button>
      </Group>
      <PlanSearch onOpen={(versionId, section) => open({ versionId, section })} />
      {q.error && <ErrorPanel title="The plans could not be read" error={q.error} />}
      <Paper withBorder p="xs">
        <PlansTable plans={q.data?.plans ?? []} onOpen={(planId) => open({ planId })} />
      </Paper>
    </Stack>
  );
}
