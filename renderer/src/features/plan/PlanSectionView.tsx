import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconDownload } from '@tabler/icons-react';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { downloadPlanFile } from './download-plan';

/** One section of one version of a plan: what a search hit or a decision's citation opens. */
export function PlanSectionView({ versionId, ordinal, onSection, onBack }: { versionId: string; ordinal: number; onSection: (n: number) => void; onBack: () => void }) {
  const q = useMethod('plan.section', { versionId, ordinal });
  if (q.error) return <Alert color="red" title="This section could not be opened">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  const { plan, version, section, previous, next } = q.data;
  const superseded = version.supersededById !== null;
  return (
    <Stack gap="sm" data-testid="plan-section" data-ready="true">
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack}>
          Back to the plans
        </Button>
        <Button variant="default" leftSection={<IconDownload size={18} />} onClick={() => void downloadPlanFile(version.id)}>
          Open the document ({version.fileName})
        </Button>
      </Group>
      <Group gap="sm">
        <Title order={2}>
          {plan.title} {version.versionLabel}
        </Title>
        {superseded ? <StatusBadge tone="warn">Superseded version</StatusBadge> : <StatusBadge tone="good">Version in force</StatusBadge>}
      </Group>
      {superseded && <Text size="sm">This is the version that was in force when it was cited; {plan.title} is now at {plan.current.versionLabel}.</Text>}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={3} data-testid="plan-section-heading">
            § {section.heading}
            {section.page ? <Text span c="dimmed" size="sm">{`  page ${section.page}`}</Text> : null}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} size="lg" lh={1.5} data-testid="plan-section-body">
            {section.body || '(This heading has no text under it.)'}
          </Text>
        </Stack>
      </Paper>
      <Group justify="space-between">
        <Button variant="default" disabled={previous === null} leftSection={<IconArrowLeft size={18} />} onClick={() => previous !== null && onSection(previous)}>
          Previous section
        </Button>
        <Button variant="default" disabled={next === null} rightSection={<IconArrowRight size={18} />} onClick={() => next !== null && onSection(next)}>
          Next section
        </Button>
      </Group>
    </Stack>
  );
}
