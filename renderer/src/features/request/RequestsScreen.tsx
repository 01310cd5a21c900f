import { Button, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { IconChartBar, IconFileImport, IconLayoutList, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { RequestBoard } from './board/RequestBoard';
import { RequestDetailView } from './detail/RequestDetailView';
import { openEdxlImport } from './EdxlImport';
import { RequestForm } from './form/RequestForm';
import { useSubview } from '../../lib/use-subview';

/** The charting library is most of this screen's code: it loads when the Charts tab first opens. */
const ChartsView = lazy(() => import('./charts/ChartsView').then((m) => ({ default: m.ChartsView })));

/** Resource requests (ICS 213RR): the board, one request, the form, and the charts. */
export function RequestsScreen() {
  const { params, open } = useSubview();
  const toRequest = (id: string) => open({ id });
  const toBoard = () => open(null);
  const id = params.get('id');
  const edit = params.get('edit');
  if (params.has('new') || edit) return <RequestForm key={edit ?? 'new'} editId={edit} onSaved={toRequest} onCancel={() => (edit ? toRequest(edit) : toBoard())} />;
  if (id) return <RequestDetailView key={id} id={id} onBack={toBoard} onEdit={(x) => open({ edit: x })} onOpen={toRequest} />;
  const view = params.get('view') === 'charts' ? 'charts' : 'board';
  return (
    <Stack gap="md" data-testid="requests-screen">
      <Group justify="space-between">
        <Title order={1}>Resource requests</Title>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => openEdxlImport(toRequest)}>
            Import EDXL-RM
          </Button>
          <Button leftSection={<IconPlus size={18} />} onClick={() => open({ new: '1' })} data-testid="new-request">
            New request
          </Button>
        </Group>
      </Group>
      <Tabs value={view} onChange={(v) => open(v === 'charts' ? { view: 'charts' } : null)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="board" leftSection={<IconLayoutList size={18} />}>
            Board
          </Tabs.Tab>
          <Tabs.Tab value="charts" leftSection={<IconChartBar size={18} />}>
            Charts
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          <RequestBoard onOpen={toRequest} />
        </Tabs.Panel>
        <Tabs.Panel value="charts" pt="md">
          <Suspense fallback={<Loader size="sm" role="status" aria-label="Loading charts" />}>
            <ChartsView />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
