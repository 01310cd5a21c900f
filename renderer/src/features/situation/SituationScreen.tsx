import { Anchor, Box, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { countOf, localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useNow } from '../../lib/use-now';
import { useWallDisplay } from '../../lib/wall';
import { DemoMarker } from '../demo/DemoMarker';
import { ExerciseBanner } from '../incident/ExerciseBanner';
import { useActiveIncident } from '../incident/use-active-incident';
import { useCatalogue } from '../status/use-catalogue';
import { EventsPanel, ObjectivesPanel, TotalsPanel } from './ActivityPanels';
import { BedsPanel } from './BedsPanel';
import { ConditionsPanel } from './ConditionsPanel';
import { StatusRequestsPanel } from './StatusRequestsPanel';
import { Tile } from './Tile';

const HOUR = 3_600_000;

/** "6 urgent · 4 overdue", and the drafts apart: they are in no count above them. */
const requestsDetail = (c: { urgent: number; overdue: number }, drafts: number) =>
  `${c.urgent} urgent · ${c.overdue} overdue${drafts ? ` · ${countOf(drafts, 'draft')} not submitted` : ''}`;

/**
 * The landing screen: region beds by type with their trend, facilities by condition, stale
 * and overdue reporters, open and urgent requests, status requests, the latest significant
 * events and the period's objectives. Every part re-reads when a record changes anywhere
 * (data.changed), and once a minute, since ages grow without any write.
 */
export function SituationScreen() {
  const { coalition } = useShell();
  const wall = useWallDisplay();
  const now = useNow(wall ? 1000 : 30_000);
  const tz = coalition.timeZone;
  const { incident, period } = useActiveIncident();
  const catalogue = useCatalogue();
  const board = useMethod('status.board', {}, { refetchInterval: 60_000 });
  const hour = Math.floor(now / (5 * 60_000)) * 5 * 60_000;
  const bedTypes = useMemo(() => (catalogue.data?.types ?? []).filter((t) => t.aggregate === 'sum' && t.baselineTypeId).map((t) => t.id), [catalogue.data]);
  const trend = useMethod('status.trend', { typeIds: bedTypes, from: hour - 24 * HOUR, to: hour + 5 * 60_000 }, { enabled: bedTypes.length > 0 });
  // Open requests are the submitted ones, as the situation report lists them; drafts, sent to no one yet, are said apart.
  const requests = useMethod('request.board', { incidentId: incident?.id ?? '', scope: 'submitted', limit: 1 }, { enabled: !!incident });
  const drafts = useMethod('request.board', { incidentId: incident?.id ?? '', scope: 'open', statuses: ['draft'], limit: 1 }, { enabled: !!incident });
  const events = useMethod('log.board', { incidentId: incident?.id ?? '' }, { enabled: !!incident });
  const b = board.data;
  const clock = localParts(now, tz);
  const open = requests.data ? requests.data.total : null;
  return (
    <Box data-testid="situation-board" data-wall={wall ? 'true' : 'false'} data-ready={b ? 'true' : 'false'} p={wall ? 'md' : 0} fz={wall ? 'xl' : undefined}>
      {wall && incident?.exercise && <ExerciseBanner />}
      <Group justify="space-between" align="flex-end" wrap={wall ? 'nowrap' : 'wrap'} mb={wall ? 'sm' : 'md'} mt={wall ? 'xs' : 0}>
        <Stack gap={0} miw={0}>
          <Group gap="sm">
            <Title order={1} fz={wall ? 44 : undefined} lh={wall ? 1.15 : undefined}>
              Situation
            </Title>
            {wall && <DemoMarker big />}
          </Group>
          <Text fz={wall ? 22 : 'md'} lh={wall ? 1.35 : undefined} data-testid="sit-incident">
            {incident ? `${incident.name} · ${incident.activationLevelName}${period ? ` · period ${period.number}` : ''}` : `No active incident: facility status across ${coalition.name}`}
            {b?.level ? ` · reporting intervals of ${b.level.name.toLowerCase()}` : ''}
          </Text>
        </Stack>
        <Group gap="lg" align="flex-end" style={{ flexShrink: 0 }}>
          {wall ? (
            <Text fz={56} fw={800} ff="monospace" lh={1}>{`${clock.hm} ${clock.zone}`}</Text>
          ) : (
            <Anchor href="#/situation?wall=1" target="_blank" data-testid="wall-link">
              Open as wall display
            </Anchor>
          )}
        </Group>
      </Group>
      {board.error && <ErrorPanel title="The situation board could not be read" error={board.error} />}
      {b && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Tile wall={wall} label="Facilities reporting" value={`${b.facilities - b.neverReported} of ${b.facilities}`} detail={b.facilities === 0 ? 'no member reports facility status yet' : b.neverReported ? `${b.neverReported} never reported` : 'all have reported'} testId="sit-reporting" />
            <Tile wall={wall} label="Stale status" value={String(b.stale)} detail="past their reporting interval" tone={b.stale ? 'warn' : undefined} testId="sit-stale" />
            <Tile wall={wall} label="Overdue" value={String(b.overdue)} detail="past twice their interval" tone={b.overdue ? 'bad' : undefined} testId="sit-overdue" />
            <Tile
              wall={wall}
              label="Open resource requests"
              value={open === null ? '—' : String(open)}
              detail={requests.data ? requestsDetail(requests.data.counts, drafts.data?.total ?? 0) : incident ? '' : 'no active incident'}
              tone={requests.data?.counts.urgent ? 'bad' : requests.data?.counts.overdue ? 'warn' : undefined}
              testId="sit-requests"
            />
          </SimpleGrid>
          {wall ? (
            // Across the room, one screen without scrolling at 1920x1080 (three columns: beds,
            // facilities, then requests and events); on a smaller screen the beds take the
            // whole width above the rest, so that no column is ever cut off at the side.
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 5 }}>
                <BedsPanel board={b} trend={trend.data?.series} timeZone={tz} wall now={now} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, xl: 4 }}>
                <ConditionsPanel board={b} wall />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, xl: 3 }}>
                <Stack gap="md">
                  <StatusRequestsPanel incidentId={incident?.id} wall />
                  {incident && <EventsPanel events={events.data?.events ?? []} timeZone={tz} wall />}
                </Stack>
              </Grid.Col>
            </Grid>
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <BedsPanel board={b} trend={trend.data?.series} timeZone={tz} wall={false} now={now} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <ConditionsPanel board={b} wall={false} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
                <TotalsPanel board={b} wall={false} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
                <StatusRequestsPanel incidentId={incident?.id} wall={false} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
                {incident ? <EventsPanel events={events.data?.events ?? []} timeZone={tz} wall={false} /> : <ObjectivesPanel period={null} wall={false} />}
              </Grid.Col>
              {incident && (
                <Grid.Col span={12}>
                  <ObjectivesPanel period={period} wall={false} />
                </Grid.Col>
              )}
            </Grid>
          )}
          {!wall && (
            <Text size="sm" c="dimmed">
              Status words are the latest each facility reported; STALE is past its reporting interval at the current activation level, OVERDUE past twice it.{' '}
              <StatusBadge tone="neutral">{`as of ${clock.hm} ${clock.zone}`}</StatusBadge>
            </Text>
          )}
        </Stack>
      )}
    </Box>
  );
}
