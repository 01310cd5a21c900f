import { Alert, Box, Button, Group, Kbd, Paper, Text, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconFileText, IconPencilPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { TimelineItem } from '../../../../shared/contract';
import { call } from '../../backend';
import { useShell } from '../../lib/shell-context';
import { formatKeys } from '../../lib/shortcuts';
import { catalogueShortcut } from '../../lib/shortcut-catalogue';
import { useScreenIntent } from '../../lib/screen-intent';
import { StatusBadge } from '../../components/StatusBadge';
import { localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { ChooseActiveIncident } from '../incident/ChooseActiveIncident';
import { useActiveIncident } from '../incident/use-active-incident';
import { ExportButton } from '../integrity/ExportButton';
import { FullHeight } from '../timeline/FullHeight';
import { RecordDrawer, type OpenRecord } from '../timeline/RecordDrawer';
import { TIMELINE_ROW_HEIGHT, TimelineRow } from '../timeline/TimelineRow';
import { useTimelinePages } from '../timeline/use-timeline-pages';
import { VirtualList } from '../timeline/VirtualList';
import { openQuickEntry } from './quick-entry-bus';
import { TranscribeModal } from './TranscribeModal';
import { BehindNotice } from '../timeline/BehindNotice';
import { useIntegrityMarks } from '../integrity/use-integrity-marks';

const CURRENT = 'current';
const TRANSCRIBE_KEYS = catalogueShortcut('log.transcribe').keys;

/** ICS 214: one position's activity log for a period, newest first, with corrections beside originals. */
export function LogScreen() {
  const { coalition, session } = useShell();
  const { incident, period } = useActiveIncident();
  const positions = useMethod('position.list', {});
  const periods = useMethod('incident.periods', { incidentId: incident?.id ?? '' }, { enabled: !!incident });
  const [positionId, setPositionId] = useState<string>(session.position.id);
  const [periodChoice, setPeriodChoice] = useState<string>(CURRENT);
  const [open, setOpen] = useState<OpenRecord | null>(null);
  const [transcribing, setTranscribing] = useState(false);
  useScreenIntent('transcribe', () => setTranscribing(true), !!incident);
  const periodId = periodChoice === CURRENT ? period?.id : periodChoice || undefined;
  const pages = useTimelinePages(incident?.id ?? null, { kinds: ['entry', 'message'], positionId: positionId || undefined, periodId }, 'newest');
  const loadMore = pages.loadMore;
  const onLoadMore = useCallback(() => void loadMore(), [loadMore]);
  const marks = useIntegrityMarks();
  const renderRow = useCallback(
    (item: TimelineItem) => <TimelineRow item={item} timeZone={coalition.timeZone} failed={marks.get(item.id)} />,
    [coalition.timeZone, marks],
  );

  if (!incident) {
    return (
      <FullHeight testId="log-screen">
        <Title order={1}>Activity log</Title>
        <ChooseActiveIncident purpose="Each position keeps its ICS 214 activity log inside an incident." />
      </FullHeight>
    );
  }
  const periodOptions = [
    { value: CURRENT, label: period ? `Current period (${period.number})` : 'Current period (none open)' },
    { value: '', label: 'All periods' },
    ...(periods.data?.periods ?? []).map((p) => ({ value: p.id, label: `Period ${p.number} · ${localParts(p.startsAt, coalition.timeZone).date.slice(0, 6)} ${localParts(p.startsAt, coalition.timeZone).hm}` })),
  ];
  const exportPeriodId = periodId ?? null;
  const exportBlocked = !positionId ? 'Choose one position to print its ICS 214' : !exportPeriodId ? 'Choose one operational period to print its ICS 214' : null;
  return (
    <FullHeight testId="log-screen">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Title order={1}>Activity log</Title>
          <Text c="dimmed">ICS 214</Text>
          {incident.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
        </Group>
        {/* Tops aligned: Print's reason, when it has one, hangs under it. */}
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Button leftSection={<IconPencilPlus size={18} />} onClick={openQuickEntry} rightSection={<Kbd size="xs">Ctrl+L</Kbd>} data-testid="new-entry">
            New entry
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileText size={18} />}
            onClick={() => setTranscribing(true)}
            // Below 1408 px the full label and keys would push the title onto two lines; the palette and the tooltip still say them.
            rightSection={
              <Kbd size="xs" visibleFrom="xl">
                {formatKeys(TRANSCRIBE_KEYS)}
              </Kbd>
            }
            title={`Transcribe a paper or radio log (${formatKeys(TRANSCRIBE_KEYS)})`}
            data-testid="transcribe-log"
          >
            Transcribe
            <Box component="span" visibleFrom="xl">
              &nbsp;paper log
            </Box>
          </Button>
          <ExportButton
            label="Print ICS 214"
            testId="export-ics214"
            disabledReason={exportBlocked}
            run={() => call('export.activityLog', { incidentId: incident.id, positionId, periodId: exportPeriodId! })}
          />
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <Select
          label="Log of (block 3-4: unit or position)"
          data={[{ value: '', label: 'All positions' }, ...(positions.data?.positions ?? []).map((p) => ({ value: p.id, label: p.title }))]}
          value={positionId}
          onChange={(v) => setPositionId(v ?? '')}
          searchable
          allowDeselect={false}
          w={320}
          data-testid="log-position"
        />
        <Select
          label="Operational period (block 2)"
          data={periodOptions}
          value={periodChoice}
          onChange={(v) => setPeriodChoice(v ?? CURRENT)}
          allowDeselect={false}
          w={300}
          data-testid="log-period"
        />
        <Text size="sm" c="dimmed" pb={8}>
          Entries are never edited: open one (Enter) to correct it or propose it for the board.
        </Text>
      </Group>
      {pages.error && <Alert color="red">{pages.error.message}</Alert>}
      <BehindNotice behind={pages.behind} onCatchUp={pages.catchUp} />
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        <VirtualList
          items={pages.items}
          rowHeight={TIMELINE_ROW_HEIGHT}
          getKey={(i) => i.id}
          renderRow={renderRow}
          onOpen={(i) => setOpen({ kind: i.kind, id: i.id, refId: i.refId })}
          hasMore={pages.hasMore || pages.loading}
          loadingMore={pages.loadingMore || pages.loading}
          onLoadMore={onLoadMore}
          emptyText="No entries in this log yet. Press Ctrl+L to write one."
          testId="log-list"
          label="Activity log entries"
        />
      </Paper>
      <RecordDrawer record={open} onClose={() => setOpen(null)} />
      <TranscribeModal
        opened={transcribing}
        incident={incident}
        onClose={() => setTranscribing(false)}
        // Show the log the entries went into, so the operator sees them land.
        onRecorded={setPositionId}
      />
    </FullHeight>
  );
}
