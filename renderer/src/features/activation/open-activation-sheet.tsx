import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useLocation } from 'wouter';
import { call } from '../../backend';
import { closeModal, openModal } from '../../lib/open-modal';
import { useMethod } from '../../lib/query';
import { printActivationSheet } from './ActivationPanel';
import { ActivationSheetBody } from './ActivationSheetBody';

function SheetModal({ onClose }: { onClose: () => void }) {
  const q = useMethod('activation.current', {});
  const [, navigate] = useLocation();
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  if (!q.data.sheet) return <Alert color="yellow">No activation sheet has been written yet (Preparedness, Activation sheet).</Alert>;
  return (
    <Stack gap="md">
      <ActivationSheetBody sheet={q.data.sheet} />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void printActivationSheet()}>
          Print on one page
        </Button>
        <Button
          variant="default"
          onClick={() => {
            onClose();
            navigate('/prep?tab=calldown');
          }}
        >
          Start the call-down
        </Button>
        <Button onClick={onClose} data-autofocus>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Shown when an incident is created: the region's activation sheet, first calls with live
 * numbers. Where no sheet has been written there is nothing to show, and nothing opens.
 */
export async function openActivationSheet(): Promise<void> {
  const { sheet } = await call('activation.current', {}).catch(() => ({ sheet: null }));
  if (!sheet) return;
  openModal({ title: 'How to activate the region', size: 1100 }, (id) => <SheetModal onClose={() => closeModal(id)} />, 'activation-sheet');
}
