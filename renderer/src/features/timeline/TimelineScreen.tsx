import { Alert, Button, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useDebouncedValue, useElementSize } from '@mantine/hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TimelineItem } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { useScreenIntent } from '../../lib/screen-intent';
import { StatusBadge } from '../../components/StatusBadge';
import { call } from '../../backend';
import { useMethod } from '../../lib/query';
import { ChooseActiveIncident } from '../incident/ChooseActiveIncident';
import { useActiveIncident } from '../incident/use-active-incident';
import { ExportButton } from '../integrity/ExportButton';
import { NO_FILTERS, isFiltered, toContractFilters, type FilterState } from './filters';
import { FullHeight } from './FullHeight';
import { RecordDrawer, type OpenRecord } from './RecordDrawer';
import { TimelineFilterBar } from './TimelineFilterBar';
import { TIMELINE_ROW_HEIGHT, TimelineRow } from './TimelineRow';
import { useTimelinePages } from './use-timeline-pages';
import { VirtualList } from './VirtualList';
import { BehindNotice } from './BehindNotice';
import { searchTerms } from './search-match';
import { useIntegrityMarks } from '../integrity/use-integrity-marks';

/**
 * About how many characters a row's two lines of text hold in a list `width` px wide: the
 * list less the time, kind and name columns, the gaps and a mark or two, at the widest
 * average letter of the console's fonts. Rather too few than too many: a match the lines
 * would have held is then shown from a little before it, never cut off.
 */
function textFits(width: number): number {
  const perLine = Math.floor((width - 132 - 128 - 230 - 4 * 12 - 24 - 100) / 8.5);
  return Math.max(20, 2 * perLine - 10);
}

/** Every record of the active incident in one chronological list, filtered and searched. */
export function TimelineScreen() {
  const { coalition } = useShell();
  const { incident } = useActiveIncident();
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [open, setOpen] = useState<OpenRecord | null>(null);
  const [debouncedText] = useDebouncedValue(filters.text, 250);
  const contractFilters = toContractFilters({ ...filters, text: debouncedText });
  const pages = useTimelinePages(incident?.id ?? null, contractFilters, order);
  const facets = useMethod('timeline.facets', { incidentId: incident?.id ?? '' }, { enabled: !!incident });
  const searchRef = useRef<HTMLInputElement>(null);
  useScreenIntent('search', () => searchRef.current?.focus(), !!incident);
  const loadMore = pages.loadMore;
  const onLoadMore = useCallback(() => void loadMore(), [loadMore]);
  const marks = useIntegrityMarks();
  // The words searched for (not those still being typed), marked in each row's text.
  const search = useMemo(() => searchTerms(debouncedText), [debouncedText]);
  const { ref: listRef, width: listWidth } = useElementSize();
  const fits = textFits(listWidth);
  const renderRow = useCallback(
    (item: TimelineItem) => <TimelineRow item={item} timeZone={coalition.timeZone} failed={marks.get(item.id)} search={search} fits={fits} />,
    [coalition.timeZone, marks, search, fits],
  );

  if (!incident) {
    return (
      <FullHeight testId="timeline-screen">
        <Title order={1}>Timeline</Title>
        <ChooseActiveIncident purpose="The timeline shows the records of the active incident." />
      </FullHeight>
    );
  }
  const total = facets.data?.total;
  return (
    <FullHeight testId="timeline-screen">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Title order={1}>Timeline</Title>
          {/* The name is in the top bar too: here only where it has room, never cut to "DEMO: Pion…".
              The badge and the count never wrap. */}
          <Text size="lg" fw={600} truncate title={incident.name} visibleFrom="xl">
            {incident.name}
          </Text>
          {incident.exercise && <StatusBadge tone="warn">Exercise</StatusBadge>}
          {total !== undefined && (
            <Text c="dimmed" style={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="timeline-total">
              {isFiltered(filters) ? `${pages.items.length.toLocaleString('en-US')}${pages.hasMore ? '+' : ''} of ` : ''}
              {total.toLocaleString('en-US')} records
            </Text>
          )}
          {/* Beside the count the filters change, so the filter row keeps its width; the button
              goes away with the filters, and the focus goes to the search, not to the page. */}
          {isFiltered(filters) && (
            <Button
              variant="subtle"
              size="compact-md"
              style={{ flexShrink: 0 }}
              onClick={() => {
                setFilters(NO_FILTERS);
                searchRef.current?.focus();
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl
            aria-label="Order"
            value={order}
            onChange={(v) => setOrder(v as 'newest' | 'oldest')}
            data={[
              { value: 'newest', label: 'Newest first' },
              { value: 'oldest', label: 'Oldest first' },
            ]}
          />
          <ExportButton
            label="Export CSV"
            testId="export-timeline-csv"
            run={() => call('export.timelineCsv', { incidentId: incident.id, filters: contractFilters })}
          />
        </Group>
      </Group>
      <TimelineFilterBar incidentId={incident.id} value={filters} onChange={setFilters} searchRef={searchRef} />
      {pages.error && <Alert color="red">{pages.error.message}</Alert>}
      <BehindNotice behind={pages.behind} onCatchUp={pages.catchUp} />
      <Paper ref={listRef} withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        <VirtualList
          items={pages.items}
          rowHeight={TIMELINE_ROW_HEIGHT}
          getKey={(i) => `${i.kind}:${i.id}`}
          renderRow={renderRow}
          onOpen={(i) => setOpen({ kind: i.kind, id: i.id, refId: i.refId })}
          hasMore={pages.hasMore || pages.loading}
          loadingMore={pages.loadingMore || pages.loading}
          onLoadMore={onLoadMore}
          emptyText={isFiltered(filters) ? 'No record matches these filters.' : 'Nothing recorded yet for this incident.'}
          testId="timeline-list"
          label="Timeline records"
        />
      </Paper>
      <RecordDrawer record={open} onClose={() => setOpen(null)} />
    </FullHeight>
  );
}
