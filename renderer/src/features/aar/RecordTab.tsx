import { Anchor, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { AarReportView, Evidence, MethodOutput } from '../../../../shared/contract';
import { useEffect, useRef } from 'react';
import { useMethod } from '../../lib/query';
import { candidateOrder } from './candidate-order';
import { CandidateCard } from './CandidateCard';
import { isLocked } from './final-check';
import { formatDateTime } from '../../lib/format';
import { useShell } from '../../lib/shell-context';

type RecordTables = MethodOutput<'aar.record'>['tables'];

/**
 * The name of each row's Open, for a screen reader or a voice command: the record it opens
 * ("Open WS1-RR-0005 …"), and where several rows open the same record (the staffing of one
 * period, a request in two tables) also the table and the row's own cells, so no two read alike.
 */
function openNames(tables: RecordTables): (t: RecordTables[number], r: RecordTables[number]['rows'][number]) => string {
  const seen = new Map<string, number>();
  for (const t of tables) for (const r of t.rows.slice(0, 300)) if (r.evidence[0]) seen.set(r.evidence[0].label, (seen.get(r.evidence[0].label) ?? 0) + 1);
  return (t, r) => {
    const label = r.evidence[0]!.label;
    if ((seen.get(label) ?? 0) < 2) return `Open ${label}`;
    const cells = r.cells.join(' · ').replace(/\s+/g, ' ');
    return `Open ${label} (${t.title}: ${cells.length > 100 ? `${cells.slice(0, 99)}…` : cells})`;
  };
}

/** Whether the figures below are those kept when the report was made final, or read now: in words. */
function RecordSource({ frozen, final }: { frozen: MethodOutput<'aar.record'>['frozen']; final: boolean }) {
  const { coalition } = useShell();
  return (
    <Text size="sm" data-testid="aar-record-source">
      {frozen
        ? `The figures below are the record as it stood when the report was made final, ${formatDateTime(frozen.at, coalition.timeZone)}${frozen.until < frozen.at ? `, up to the close of the incident, ${formatDateTime(frozen.until, coalition.timeZone)}` : ''}: they are the ones its files print, and what was recorded later is not in them. Set the report back to Draft to read them again.`
        : final
          ? 'This report was made final before figures were kept with it: the figures below are read from the record now, and change as it grows. Set it back to Draft and make it final again to keep them.'
          : 'The figures below are read from the record now: every entry, decision and request so far. A final report keeps them as they stand when it is made final.'}
    </Text>
  );
}

/** What the record proposes (to accept, edit or dismiss) and the figures drafted from it. */
export function RecordTab({ view, onOpen }: { view: AarReportView; onOpen: (e: Evidence) => void }) {
  const record = useMethod('aar.record', { incidentId: view.report.incidentId });
  const proposed = view.observations.filter((o) => o.ruleKey).sort(candidateOrder);
  const open = proposed.filter((o) => o.status === 'candidate');
  const decided = proposed.filter((o) => o.status !== 'candidate');
  const list = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The card just accepted or dismissed, and where it stood: once it has left the list, the
  // focus goes to the Accept now in its place (the next card's, or the previous one's when it
  // was the last), or to the heading when none is left. Its own button, disabled while the
  // decision was sent, had dropped the focus to the page, six Tabs from the next card.
  const decidedAt = useRef<{ id: string; index: number } | null>(null);
  const openName = openNames(record.data?.tables ?? []);
  const openIds = open.map((o) => o.id).join();
  useEffect(() => {
    const at = decidedAt.current;
    if (!at || openIds.split(',').includes(at.id)) return;
    decidedAt.current = null;
    const now = document.activeElement;
    // The operator has gone on elsewhere meanwhile: left where they are.
    if (now && now !== document.body && now.tagName !== 'MAIN') return;
    const accepts = list.current?.querySelectorAll<HTMLElement>('[data-testid="candidate"][data-status="candidate"] [data-testid="candidate-accept"]') ?? [];
    (accepts[Math.min(at.index, accepts.length - 1)] ?? heading.current)?.focus();
  }, [openIds]);
  return (
    <Stack gap="lg" data-testid="aar-record" data-ready={record.data ? 'true' : 'false'}>
      <Stack gap="xs" ref={list}>
        <Title order={3} ref={heading} tabIndex={-1} data-testid="aar-proposals-heading">
          {isLocked(view) ? `Proposed by the record (${open.length} not decided before it was made final)` : `Proposed by the record (${open.length} to decide)`}
        </Title>
        {open.length === 0 && !isLocked(view) && <Text c="dimmed">Nothing left to decide. Refresh from the record after more has happened.</Text>}
        {open.map((o, index) => (
          <CandidateCard key={o.id} o={o} view={view} onOpen={onOpen} onDecided={() => (decidedAt.current = { id: o.id, index })} />
        ))}
        {decided.length > 0 && (
          <Text size="sm" c="dimmed">
            Decided: {decided.map((o) => `${o.title} (${o.status})`).join('; ')}.
          </Text>
        )}
        {decided
          .filter((o) => o.status === 'dismissed')
          .map((o) => (
            <CandidateCard key={o.id} o={o} view={view} onOpen={onOpen} />
          ))}
      </Stack>
      {record.error && <Text c="red">{record.error.message}</Text>}
      {record.data && <RecordSource frozen={record.data.frozen} final={isLocked(view)} />}
      {record.data?.tables.map((t) => (
        <Paper withBorder p="sm" key={t.key} data-testid={`record-table-${t.key}`}>
          <Title order={4}>{t.title}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t.intro}
          </Text>
          {t.rows.length === 0 ? (
            <Text c="dimmed">None recorded.</Text>
          ) : (
            <ScrollArea.Autosize mah={420}>
              <Table striped withTableBorder layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    {t.columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                    <Table.Th w={110}>Record</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {t.rows.slice(0, 300).map((r, i) => (
                    <Table.Tr key={i}>
                      {r.cells.map((c, j) => (
                        <Table.Td key={j} style={{ whiteSpace: 'pre-line', verticalAlign: 'top' }}>
                          {c}
                        </Table.Td>
                      ))}
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        {r.evidence[0] && (
                          <Anchor component="button" type="button" size="sm" onClick={() => onOpen(r.evidence[0]!)} aria-label={openName(t, r)}>
                            Open
                          </Anchor>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          {t.rows.length > 300 && (
            <Text size="sm" c="dimmed">
              The first 300 of {t.rows.length} rows.
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
