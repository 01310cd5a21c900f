import { Group, Tabs, Title } from '@mantine/core';
import { useSubview } from '../../lib/use-subview';
import { CatalogueView } from './CatalogueView';
import { ChartsView } from './ChartsView';
import { EntryView } from './EntryView';
import { ExchangeView } from './ExchangeView';
import { GridView } from './GridView';
import { RequestsView } from './RequestsView';

const VIEWS = [
  { value: 'entry', label: 'Enter status' },
  { value: 'grid', label: 'Grid' },
  { value: 'requests', label: 'Status requests' },
  { value: 'charts', label: 'Charts' },
  { value: 'catalogue', label: 'EEI catalogue' },
  { value: 'exchange', label: 'Import / export' },
] as const;

/** Facility status (EEI): entry by keyboard, the grid, status requests, charts, the catalogue, HAVE and CSV. */
export function StatusScreen() {
  const { params, open } = useSubview();
  const view = params.get('view') ?? 'entry';
  return (
    <Tabs value={view} onChange={(v) => open({ view: v ?? 'entry' })} keepMounted={false} data-testid="status-screen">
      <Group justify="space-between" mb="sm" className="no-print">
        <Title order={1}>Facility status</Title>
      </Group>
      <Tabs.List mb="md" className="no-print">
        {VIEWS.map((v) => (
          <Tabs.Tab key={v.value} value={v.value} fz="md" fw={600}>
            {v.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="entry">
        <EntryView />
      </Tabs.Panel>
      <Tabs.Panel value="grid">
        <GridView />
      </Tabs.Panel>
      <Tabs.Panel value="requests">
        <RequestsView />
      </Tabs.Panel>
      <Tabs.Panel value="charts">
        <ChartsView />
      </Tabs.Panel>
      <Tabs.Panel value="catalogue">
        <CatalogueView />
      </Tabs.Panel>
      <Tabs.Panel value="exchange">
        <ExchangeView />
      </Tabs.Panel>
    </Tabs>
  );
}
