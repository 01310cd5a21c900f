import { Alert, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../../../../shared/domain/disciplines';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { closeModal, openModal } from '../../lib/open-modal';
import { useMethod, useSingleCommand } from '../../lib/query';

type Kind = 'disciplines' | 'contacts' | 'sheet';

function StartCalldownForm({ incidentId, onStarted }: { incidentId: string; onStarted: (id: string) => void }) {
  const start = useSingleCommand('calldown.start');
  const contacts = useMethod('calldown.contacts', {});
  const form = useForm({ initialValues: { title: 'Activation call-down', kind: 'disciplines' as Kind, disciplines: ['hospital', 'emergency_management'] as string[], contactIds: [] as string[] } });
  const v = form.values;
  const submit = form.onSubmit((val) => {
    const source =
      val.kind === 'sheet' ? { kind: 'sheet' as const } : val.kind === 'contacts' ? { kind: 'contacts' as const, contactIds: val.contactIds } : { kind: 'disciplines' as const, disciplines: val.disciplines as Discipline[] };
    start.mutate(
      { incidentId, title: val.title, source },
      {
        onSuccess: (r) => {
          if (r.skipped.length) notifications.show({ color: 'yellow', title: `${r.skipped.length} left off: no 24/7 number`, message: r.skipped.slice(0, 5).join('; '), autoClose: false });
          onStarted(r.calldown.id);
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="calldown-start-form">
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Whom to call
          </Text>
          <SegmentedControl
            data={[
              { value: 'disciplines', label: 'By discipline' },
              { value: 'contacts', label: 'Chosen contacts' },
              { value: 'sheet', label: 'Activation sheet first calls' },
            ]}
            {...form.getInputProps('kind')}
          />
        </Stack>
        {v.kind === 'disciplines' && (
          <MultiSelect label="Disciplines" description="Every contact with a 24/7 number in these disciplines" data={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} {...form.getInputProps('disciplines')} />
        )}
        {v.kind === 'contacts' && (
          <MultiSelect
            label="Contacts"
            searchable
            data-testid="calldown-contacts"
            data={(contacts.data?.contacts ?? []).filter((c) => c.phone24x7).map((c) => ({ value: c.id, label: `${c.name}, ${c.organisationName} · ${c.phone24x7}` }))}
            {...form.getInputProps('contactIds')}
          />
        )}
        {start.error && <Alert color="red">{start.error.message}</Alert>}
        <ModalFormFooter error={null} submitLabel="Start the call-down" pending={start.isPending} />
      </Stack>
    </form>
  );
}

export function openStartCalldown(incidentId: string, onStarted: (id: string) => void) {
  openModal({ title: 'Start a call-down', size: 'lg' }, (id) => (
    <StartCalldownForm
      incidentId={incidentId}
      onStarted={(cd) => {
        closeModal(id);
        onStarted(cd);
      }}
    />
  ));
}
