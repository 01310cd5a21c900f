import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { markedFileName } from '../../../../shared/domain/file-marks';
import { downloadText } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useCommand, useMethod, useSingleCommand } from '../../lib/query';
import { IntegrityProblems } from '../integrity/IntegrityProblems';
import { WitnessInputs, type VerifyInput } from './WitnessInputs';

/**
 * The background check's verdict, a check from scratch on demand, and the anchor file an
 * operator keeps on removable media: the witness that makes a rewritten store detectable.
 */
export function IntegrityPanel({ timeZone }: { timeZone: string }) {
  const status = useMethod('integrity.status', {});
  const demo = useMethod('demo.status', {}).data?.demo ?? false;
  const verify = useCommand('integrity.verify');
  const [witnesses, setWitnesses] = useState<{ input: VerifyInput; error: string | null }>({ input: {}, error: null });
  const anchor = useSingleCommand('integrity.anchor');
  const s = status.data;
  // Reached from the banner's Details: while there is a problem, this panel is what matters here.
  const panel = useRef<HTMLDivElement>(null);
  const hasProblems = s?.state === 'problems';
  useEffect(() => {
    if (hasProblems) panel.current?.scrollIntoView({ block: 'start' });
  }, [hasProblems]);
  const problems = verify.data?.problems ?? s?.problems ?? [];
  const verdict = verify.data ? (verify.data.ok ? 'ok' : 'problems') : s?.state;
  const writeAnchor = () =>
    anchor.mutate({}, {
      onSuccess: (a) => downloadText(markedFileName(`eoc-anchor-${new Date(a.writtenAt).toISOString().slice(0, 16).replace(/[-:]/g, '')}Z.json`, { demo }), `${JSON.stringify(a, null, 2)}\n`, 'application/json'),
    });
  return (
    <Paper withBorder p="md" data-testid="integrity-panel" ref={panel}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Record integrity</Title>
          <Group gap="xs">
            <Button variant="default" onClick={writeAnchor} loading={anchor.isPending}>
              Save anchor file
            </Button>
            <Button onClick={() => verify.mutate(witnesses.input)} loading={verify.isPending} disabled={!!witnesses.error}>
              Verify now
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          Every record of fact is chained by SHA-256 to the one before it, and this workstation signs the head of its
          chain with its key at every save, print, export and backup. The console checks the chains in the background
          after start and every few minutes. Save an anchor file to removable media now and then: it lets a later check
          prove that nothing recorded before it was changed, removed or cut off, even by someone who rewrote the whole
          file.
        </Text>
        <WitnessInputs onChange={(input, error) => setWitnesses({ input, error })} />
        {witnesses.error && <Alert color="red">{witnesses.error}</Alert>}
        {verify.error && <Alert color="red">{verify.error.message}</Alert>}
        {verify.data?.notes.map((n) => (
          <Alert key={n} color="blue">
            {n}
          </Alert>
        ))}
        {anchor.error && <Alert color="red">{anchor.error.message}</Alert>}
        {verdict && verdict !== 'pending' && (
          <Group>
            <StatusBadge tone={verdict === 'ok' ? 'good' : verdict === 'checking' ? 'info' : 'bad'} testId="integrity-result">
              {verdict === 'ok' ? 'Chains intact' : verdict === 'checking' ? 'Checking' : `${problems.length} problem${problems.length === 1 ? '' : 's'} found`}
            </StatusBadge>
            <Text size="sm">
              {verify.data
                ? `${verify.data.checkedLinks} records checked across ${verify.data.workstations} workstation${verify.data.workstations === 1 ? '' : 's'}, from the first.`
                : s?.checkedAt
                  ? `Last checked ${formatDateTime(s.checkedAt, timeZone)} (${s.incremental ? `${s.checkedLinks} records written since the check before` : `${s.checkedLinks} records, from the first`}).`
                  : ''}
            </Text>
          </Group>
        )}
        {s?.head && (
          <Text size="sm" data-testid="integrity-head">
            Signed head, as prints carry it: <Text span ff="monospace">{s.head.line}</Text>
          </Text>
        )}
        <IntegrityProblems problems={problems} />
      </Stack>
    </Paper>
  );
}
