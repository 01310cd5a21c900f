import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconFileSpreadsheet, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../backend';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useMethod } from '../../lib/query';
import { savePrint } from '../activation/print-sheet';
import { DemoTag } from '../demo/DemoTag';
import { HvaChart } from './HvaChart';
import { HvaTable } from './HvaTable';
import { openHazardForm } from './HazardForm';
import { openNewAssessment } from './NewAssessmentForm';
import { runOrSay } from '../../lib/said-failure';

/** Hazard vulnerability analysis by year: the ranked chart, the scoring sheet, exports. */
export function HvaPanel() {
  const list = useMethod('hva.list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const assessments = list.data?.assessments ?? [];
  const id = chosen ?? assessments[0]?.id ?? null;
  const q = useMethod('hva.get', { id: id ?? '' }, { enabled: !!id });
  const d = q.data;
  return (
    <Stack gap="sm" data-testid="hva-panel" data-ready={d || (list.data && !assessments.length) ? 'true' : 'false'}>
      <Group align="flex-end">
        <Select label="Assessment" placeholder="None yet" w={380} data={assessments.map((a) => ({ value: a.id, label: `${a.year}: ${a.title}` }))} value={id} onChange={setChosen} allowDeselect={false} />
        <Button variant="default" leftSection={<IconPlus size={18} />} onClick={() => openNewAssessment(assessments, setChosen)} data-testid="new-hva">
          New year
        </Button>
        {d && (
          <Group gap="xs" ml="auto">
            <Button leftSection={<IconPlus size={18} />} onClick={() => openHazardForm(d.assessment.id, null)} data-testid="add-hazard">
              Add a hazard
            </Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void runOrSay('HVA file not saved', async () => savePrint(await call('hva.exportCsv', { id: d.assessment.id }), 'HVA (CSV)'))}>
              CSV
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void runOrSay('HVA not printed', async () => savePrint(await call('hva.print', { id: d.assessment.id }), 'HVA (PDF)'))}>
              Print
            </Button>
          </Group>
        )}
      </Group>
      {q.error && <ErrorPanel title="The assessment could not be read" error={q.error} />}
      {!assessments.length && list.data && <Text c="dimmed">No assessment yet: start this year&apos;s from the starter list of hazards.</Text>}
      {d && (
        <>
          <Group gap="xs">
            <Title order={2}>
              {d.assessment.year}: {d.assessment.title}
            </Title>
            <DemoTag demo={d.assessment.demo} />
          </Group>
          <Text size="sm" c="dimmed">
            Each factor 0-3 (preparedness and response: 1 strong, 3 weak or none). Relative risk = probability/3 × severity/18.
          </Text>
          <Paper withBorder p="sm" data-testid="hva-chart">
            <HvaChart hazards={d.hazards} />
          </Paper>
          <Paper withBorder p="xs">
            <Table.ScrollContainer minWidth={1100}>
              <HvaTable assessmentId={d.assessment.id} hazards={d.hazards} />
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
    </Stack>
  );
}
