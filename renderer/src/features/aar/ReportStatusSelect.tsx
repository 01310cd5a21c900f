import { List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useRef, type ReactNode } from 'react';
import type { AarReportView } from '../../../../shared/contract';
import { Select } from '../../components/Select';
import type { useCommand } from '../../lib/query';
import { finalWarnings, unreconciledSections } from './final-check';

type Status = 'draft' | 'final';

/**
 * The report's status. Draft to Final is asked first, saying what Final means and what is
 * still open; with a section holding unreconciled versions it is not asked but sent, and the
 * backend's refusal names the sections. Final back to Draft is asked too: it unlocks the
 * issued version. Typing "fin" and Enter takes Final, as in every list.
 */
export function ReportStatusSelect({ view, update }: { view: AarReportView; update: ReturnType<typeof useCommand<'aar.update'>> }) {
  const r = view.report;
  // One question at a time: the list's blur (as the question takes the focus) names Final again.
  const asking = useRef(false);
  const set = (status: Status) => update.mutate({ reportId: r.id, status });
  /** Asks before setting `status`, one question at a time. */
  const ask = (status: Status, title: string, children: ReactNode, confirm: string, cancel: string) => {
    asking.current = true;
    modals.openConfirmModal({
      title,
      children,
      labels: { confirm, cancel },
      confirmProps: { 'data-testid': status === 'final' ? 'aar-final-confirm' : 'aar-reopen-confirm' } as Record<string, string>,
      onConfirm: () => set(status),
      onClose: () => {
        asking.current = false;
      },
    });
  };
  const choose = (v: Status) => {
    if (v === r.status || asking.current) return;
    // Back to Draft is asked too: it unlocks the version the coalition issued.
    if (v === 'draft') {
      return ask(
        'draft',
        'Set this final report back to Draft?',
        <Text size="sm">
          Its text, objectives, ratings and observations can be changed again, and its pages are printed DRAFT until it is made final again. The record keeps who set it back, and when.
        </Text>,
        'Set it back to Draft',
        'Keep it final',
      );
    }
    if (unreconciledSections(view).length) return set(v);
    const warnings = finalWarnings(view);
    ask(
      'final',
      'Make this after-action report final?',
      <Stack gap="xs">
        <Text size="sm">
          Final is the version the coalition issues: its pages and files are printed without DRAFT, the cover reading “Final”. From then on its text, objectives, ratings and
          observations are locked, and its figures from the record are kept as they stand now; its corrective actions are still tracked. To change it, someone sets it back to Draft, which the record keeps with their name and the time.
        </Text>
        {warnings.length > 0 && (
          <>
            <Text size="sm" fw={700}>
              Still open:
            </Text>
            <List size="sm" data-testid="aar-final-warnings">
              {warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>,
      'Make it final',
      'Keep it a draft',
    );
  };
  return (
    <Select
      label="Status"
      description={r.status === 'draft' ? 'Marked DRAFT on every page' : 'Printed without DRAFT'}
      searchable
      data={[
        { value: 'draft', label: 'Draft' },
        { value: 'final', label: 'Final' },
      ]}
      value={r.status}
      onChange={(v) => v && choose(v as Status)}
      allowDeselect={false}
      w={200}
      data-testid="aar-status-select"
    />
  );
}
