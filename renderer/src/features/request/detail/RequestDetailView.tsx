import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { IconArrowLeft, IconCopy, IconEdit } from '@tabler/icons-react';
import { useShell } from '../../../lib/shell-context';
import { useShortcuts } from '../../../lib/shortcuts';
import { catalogueShortcut } from '../../../lib/shortcut-catalogue';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { useMethod, useSingleCommand } from '../../../lib/query';
import { NextActions } from '../actions/NextActions';
import { openStep } from '../actions/open-step';
import { primaryAction } from '../actions/primary-action';
import { useNow } from '../../../lib/use-now';
import { ExportButtons } from './ExportButtons';
import { HistoryTable } from './HistoryTable';
import { LinesTable } from './LinesTable';
import { RequestHeader } from './RequestHeader';
import { RequestorBlocks } from './RequestorBlocks';

interface Props {
  id: string;
  onBack: () => void;
  onEdit: (id: string) => void;
  onOpen: (id: string) => void;
}

/** One ICS 213RR from draft to closure: its blocks, its next steps, its history and exports. */
export function RequestDetailView({ id, onBack, onEdit, onOpen }: Props) {
  const { coalition } = useShell();
  const tz = coalition.timeZone;
  const q = useMethod('request.get', { id });
  const history = useMethod('request.history', { id });
  const duplicate = useSingleCommand('request.duplicate');
  const now = useNow();
  const r = q.data?.request;
  const next = r ? primaryAction(r) : null;
  useShortcuts([
    { ...catalogueShortcut('request.back'), run: onBack },
    { ...catalogueShortcut('request.next'), run: () => r && next && openStep(r, next, tz) },
  ]);
  if (q.error) return <ErrorPanel title="This request could not be read" error={q.error} />;
  if (!r) return <Loader />;
  return (
    <Stack gap="md" data-testid="request-detail" data-status={r.status}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack}>
          Board
        </Button>
        <RequestHeader r={r} now={now} />
      </Group>
      <Group gap="xs">
        <ExportButtons r={r} />
        {r.editable && (
          <Button variant="light" leftSection={<IconEdit size={18} />} onClick={() => onEdit(r.id)} data-testid="edit-request">
            Edit requestor section
          </Button>
        )}
        <Button
          variant="subtle"
          leftSection={<IconCopy size={18} />}
          loading={duplicate.isPending}
          onClick={() => duplicate.mutate({ id: r.id }, { onSuccess: (d) => onOpen(d.request.id) })}
        >
          Copy to a new request
        </Button>
      </Group>
      {duplicate.error && <Alert color="red" role="alert">{duplicate.error.message}</Alert>}
      <NextActions r={r} timeZone={tz} />
      <LinesTable r={r} timeZone={tz} onWithdraw={r.status === 'sourcing' ? (f) => openStep(r, 'withdraw_fill', tz, null, f) : undefined} />
      <RequestorBlocks r={r} events={history.data?.events ?? []} timeZone={tz} />
      <HistoryTable events={history.data?.events ?? []} timeZone={tz} />
    </Stack>
  );
}
