import { Alert, Anchor, Button, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { StatusBadge } from '../../components/StatusBadge';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { DemoTag } from '../demo/DemoTag';
import { downloadPlanFile } from './download-plan';
import { openPlanUpload } from './PlanUploadForm';
import { EXTRACTION_TONE, EXTRACTION_WORDS, REVIEW_TONE } from './labels';

/** A plan: its versions (none ever overwritten) and the sections of the one in force. */
export function PlanDetail({ planId, onSection, onBack }: { planId: string; onSection: (versionId: string, ordinal: number) => void; onBack: () => void }) {
  const { coalition } = useShell();
  const q = useMethod('plan.get', { id: planId });
  const sections = useMethod('plan.sections', { versionId: q.data?.plan.current.id ?? '' }, { enabled: !!q.data });
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  const { plan, versions } = q.data;
  return (
    <Stack gap="sm" data-testid="plan-detail">
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack}>
          Back to the plans
        </Button>
        <Button onClick={() => openPlanUpload(plan)}>Add a new version</Button>
      </Group>
      <Group gap="sm">
        <Title order={2}>{plan.title}</Title>
        <DemoTag demo={plan.demo} />
        <StatusBadge tone={REVIEW_TONE[plan.review.standing]}>{plan.review.label}</StatusBadge>
      </Group>
      <Text c="dimmed">
        {plan.kindLabel} · owner {plan.owner}
      </Text>
      {plan.current.extractionNote && (
        <Alert color={plan.current.extraction === 'ok' ? 'yellow' : 'red'} title={EXTRACTION_WORDS[plan.current.extraction]}>
          {plan.current.extractionNote}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="sm">
          <Title order={4} mb="xs">
            Sections of {plan.current.versionLabel}
          </Title>
          {sections.data?.sections.length ? (
            <List spacing={4} data-testid="plan-toc">
              {sections.data.sections.map((s) => (
                <List.Item key={s.ordinal}>
                  <Anchor component="button" type="button" onClick={() => onSection(plan.current.id, s.ordinal)}>
                    {s.heading}
                    {s.page ? ` (p. ${s.page})` : ''}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">No searchable text in this version.</Text>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <Title order={4} mb="xs">
            Versions
          </Title>
          <Table data-testid="plan-versions">
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td fw={700}>{v.versionLabel}</Table.Td>
                  <Table.Td>
                    <StatusBadge tone={v.supersededById ? 'neutral' : 'good'}>{v.supersededById ? 'Superseded' : 'In force'}</StatusBadge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">effective {v.effectiveOn}</Text>
                    <Text size="xs" c="dimmed">
                      added {formatDateTime(v.recordedAt, coalition.timeZone)} by {v.operatorName ?? 'unknown'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge tone={EXTRACTION_TONE[v.extraction]}>{EXTRACTION_WORDS[v.extraction]}</StatusBadge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="default" onClick={() => void downloadPlanFile(v.id)} aria-label={`File of ${v.versionLabel}`}>
                      File
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
