import { Alert, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { useState } from 'react';
import type { Evidence } from '../../../../shared/contract';
import { useMethod } from '../../lib/query';
import { AnalysisTab } from './AnalysisTab';
import { BoardTab } from './BoardTab';
import { CapabilitiesTab } from './CapabilitiesTab';
import { DraftCard } from './DraftCard';
import { EvidenceDrawer } from './EvidenceDrawer';
import { PlanTab } from './PlanTab';
import { RecordTab } from './RecordTab';
import { FinalNotice, ReportHeader } from './ReportHeader';
import { ReportTab } from './ReportTab';
import { useAarIncident } from './use-aar';

/**
 * After action: the HSEEP report of an incident or exercise, drafted from its record and
 * edited by the planners, its improvement plan, the board of every corrective action, and
 * the capability catalogues.
 */
export function AarScreen() {
  const { incidentId, choose, tab, setTab } = useAarIncident();
  const incidents = useMethod('incident.list', { status: 'all' });
  const q = useMethod('aar.get', { incidentId: incidentId ?? '' }, { enabled: !!incidentId });
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const incident = incidents.data?.incidents.find((i) => i.id === incidentId) ?? null;
  const view = q.data?.view ?? null;
  const perIncident = ['report', 'record', 'analysis', 'plan'];
  return (
    <Stack gap="md" data-testid="aar-screen" data-ready={q.data || !incidentId ? 'true' : 'false'}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>After action: report and improvement plan</Title>
        <Select
          label="Incident or exercise"
          placeholder="Choose one"
          searchable
          w={520}
          data={(incidents.data?.incidents ?? []).map((i) => ({ value: i.id, label: `${i.exercise ? 'EXERCISE: ' : ''}${i.name}${i.status === 'closed' ? ' (closed)' : ''}` }))}
          value={incidentId}
          onChange={(v) => v && choose(v)}
          allowDeselect={false}
          data-testid="aar-incident"
        />
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="report">Report</Tabs.Tab>
          <Tabs.Tab value="record" data-testid="tab-record">
            From the record
          </Tabs.Tab>
          <Tabs.Tab value="analysis" data-testid="tab-analysis">
            Analysis of capabilities
          </Tabs.Tab>
          <Tabs.Tab value="plan" data-testid="tab-plan">
            Improvement plan
          </Tabs.Tab>
          <Tabs.Tab value="board" data-testid="tab-board">
            All corrective actions
          </Tabs.Tab>
          <Tabs.Tab value="capabilities">Capabilities</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {perIncident.includes(tab) && !incidentId && <Text>Choose the incident or exercise whose after-action report to work on.</Text>}
      {perIncident.includes(tab) && q.error && <Alert color="red">{q.error.message}</Alert>}
      {perIncident.includes(tab) && incident && q.data && !view && <DraftCard incident={incident} />}
      {perIncident.includes(tab) && view && (
        <>
          <ReportHeader view={view} />
          <FinalNotice view={view} />
          {tab === 'report' && <ReportTab view={view} />}
          {tab === 'record' && <RecordTab view={view} onOpen={setEvidence} />}
          {tab === 'analysis' && <AnalysisTab view={view} onOpen={setEvidence} />}
          {tab === 'plan' && <PlanTab view={view} />}
          <EvidenceDrawer evidence={evidence} incidentId={view.report.incidentId} incidentName={view.report.incidentName} onClose={() => setEvidence(null)} />
        </>
      )}
      {tab === 'board' && <BoardTab />}
      {tab === 'capabilities' && <CapabilitiesTab />}
    </Stack>
  );
}
