import { Paper, Stack, Text } from '@mantine/core';
import type { AarSection } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { openModal } from '../../lib/open-modal';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';

function History({ reportId, section }: { reportId: string; section: AarSection }) {
  const { coalition } = useShell();
  const q = useMethod('aar.sectionHistory', { reportId, section: section.key });
  return (
    <Stack gap="xs" data-testid="section-history">
      {(q.data?.revisions ?? []).map((r) => (
        <Paper withBorder p="sm" key={r.id}>
          <Text size="xs" c="dimmed">
            {r.operatorName ?? 'unknown'}
            {r.positionTitle ? ` (${r.positionTitle})` : ''}, {formatDateTime(r.at, coalition.timeZone)}
            {r.baseIds.length > 1 ? ` · reconciled ${r.baseIds.length} versions` : r.baseIds.length === 0 ? ' · first text' : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {r.text || '(emptied)'}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** Who wrote what, when: every revision of a section, newest first. Nothing is overwritten. */
export function openSectionHistory(reportId: string, section: AarSection): void {
  openModal({ title: `${section.title}: every revision`, size: 'xl' }, () => <History reportId={reportId} section={section} />);
}
