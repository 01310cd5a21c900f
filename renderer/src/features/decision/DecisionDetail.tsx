import { Alert, Button, Divider, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { DecisionFormModal } from './DecisionFormModal';
import { DecisionView } from './DecisionView';

/** A decision with its supersede history; the latest in force can be superseded, never edited. */
export function DecisionDetail({ decisionId, incidentId }: { decisionId: string; incidentId: string }) {
  const { coalition } = useShell();
  const q = useMethod('decision.get', { id: decisionId });
  const [superseding, setSuperseding] = useState(false);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  const { decision, chain } = q.data;
  const others = chain.filter((c) => c.id !== decision.id);
  return (
    <Stack gap="sm" data-testid="decision-detail">
      <DecisionView decision={decision} />
      {!decision.supersededById && (
        <Button variant="default" onClick={() => setSuperseding(true)} data-testid="supersede-decision">
          Supersede with a new decision
        </Button>
      )}
      {others.length > 0 && (
        <>
          <Divider label="Supersede history" labelPosition="left" />
          {chain.map((c) => (
            <Text key={c.id} size="sm" fw={c.id === decision.id ? 700 : 400}>
              {formatDateTime(c.decidedAt, coalition.timeZone)} · {c.title} · {c.supersededById ? 'superseded' : 'in force'}
            </Text>
          ))}
        </>
      )}
      <DecisionFormModal opened={superseding} onClose={() => setSuperseding(false)} incidentId={incidentId} supersedes={decision} />
    </Stack>
  );
}
