import { Drawer, List, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import type { Evidence } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { DecisionDetail } from '../decision/DecisionDetail';
import { EntryDetail } from '../log/EntryDetail';
import { MessageDetail } from '../message/MessageDetail';
import { RequestDetailView } from '../request/detail/RequestDetailView';

const TITLES: Record<Evidence['type'], string> = {
  entry: 'Activity log entry',
  decision: 'Decision',
  message: 'ICS 213 message',
  request: 'Resource request (ICS 213RR)',
  period: 'Operational period',
};

function PeriodDetail({ incidentId, periodId }: { incidentId: string; periodId: string }) {
  const { coalition } = useShell();
  const q = useMethod('incident.periods', { incidentId });
  const p = q.data?.periods.find((x) => x.id === periodId);
  if (!p) return <Text c="dimmed">Loading…</Text>;
  return (
    <>
      <Text fw={700}>
        Operational period {p.number}: {formatDateTime(p.startsAt, coalition.timeZone)} to {formatDateTime(p.endsAt, coalition.timeZone)} ({p.status === 'open' ? 'open' : 'closed'})
      </Text>
      <Text mt="sm" fw={600}>
        Objectives (ICS 202 block 3)
      </Text>
      <List type="ordered">{p.objectives.map((o) => <List.Item key={o.id}>{o.text}</List.Item>)}</List>
      <Text mt="sm" fw={600}>
        Staffing
      </Text>
      <List>
        {p.staffing.map((s) => (
          <List.Item key={s.id}>
            {s.positionTitle}: {s.holderName ?? 'not staffed'}
          </List.Item>
        ))}
      </List>
    </>
  );
}

/** The record behind an observation or a figure, opened beside the report; Esc closes it. */
export function EvidenceDrawer({ evidence, incidentId, incidentName, onClose }: { evidence: Evidence | null; incidentId: string; incidentName: string; onClose: () => void }) {
  const [, navigate] = useLocation();
  return (
    <Drawer opened={!!evidence} onClose={onClose} position="right" size={720} title={evidence ? TITLES[evidence.type] : ''} data-testid="evidence-drawer">
      {evidence?.type === 'entry' && <EntryDetail key={evidence.id} entryId={evidence.id} />}
      {evidence?.type === 'decision' && <DecisionDetail key={evidence.id} decisionId={evidence.id} incidentId={incidentId} />}
      {evidence?.type === 'message' && <MessageDetail key={evidence.id} messageId={evidence.id} incidentName={incidentName} />}
      {evidence?.type === 'request' && (
        <RequestDetailView key={evidence.id} id={evidence.id} onBack={onClose} onEdit={(id) => navigate(`/requests?edit=${id}`)} onOpen={(id) => navigate(`/requests?id=${id}`)} />
      )}
      {evidence?.type === 'period' && <PeriodDetail key={evidence.id} incidentId={incidentId} periodId={evidence.id} />}
    </Drawer>
  );
}
