import { Anchor, Drawer, Text } from '@mantine/core';
import type { TimelineKind } from '../../../../shared/contract';
import { DecisionDetail } from '../decision/DecisionDetail';
import { useActiveIncident } from '../incident/use-active-incident';
import { EntryDetail } from '../log/EntryDetail';
import { MessageDetail } from '../message/MessageDetail';
import { KIND_LABELS } from './kinds';

export interface OpenRecord {
  kind: TimelineKind;
  id: string;
  refId: string | null;
}

function Body({ record }: { record: OpenRecord }) {
  const { incident } = useActiveIncident();
  switch (record.kind) {
    case 'entry':
      return <EntryDetail entryId={record.id} />;
    case 'proposal':
    case 'review':
      return record.refId ? <EntryDetail entryId={record.refId} /> : null;
    case 'decision':
      return <DecisionDetail decisionId={record.id} incidentId={incident?.id ?? ''} />;
    case 'message':
      return <MessageDetail messageId={record.id} incidentName={incident?.name ?? ''} />;
    case 'reply':
      return record.refId ? <MessageDetail messageId={record.refId} incidentName={incident?.name ?? ''} /> : null;
    case 'tick':
      return <Text>Checklist ticks, with who ticked what and when, are on the incident&apos;s Checklists tab.</Text>;
    case 'request':
      return record.refId ? <Anchor href={`#/requests?id=${record.refId}`}>Open the request, with every step of its history</Anchor> : null;
    case 'staffing':
      return <Text>Who holds each position in each operational period is on the incident&apos;s Period tab (ICS 202 staffing).</Text>;
  }
}

/** Any record of the timeline opened in full beside the list; Esc closes it. */
export function RecordDrawer({ record, onClose }: { record: OpenRecord | null; onClose: () => void }) {
  return (
    <Drawer opened={!!record} onClose={onClose} position="right" size={720} title={record ? KIND_LABELS[record.kind] : ''} data-testid="record-drawer">
      {record && <Body key={`${record.kind}:${record.id}`} record={record} />}
    </Drawer>
  );
}
