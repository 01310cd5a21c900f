import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { AarReportView, CorrectiveAction } from '../../../../shared/contract';
import { ELEMENTS, ELEMENT_LABELS, type Element } from '../../../../shared/domain/aar-outline';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { closeModal, openModal } from '../../lib/open-modal';
import { useMethod, useSingleCommand } from '../../lib/query';
import { capabilityOptions, useFrameworks } from './use-aar';

interface Props {
  view: AarReportView;
  action?: CorrectiveAction;
  observationId?: string;
}

const day = (s: string) => (s.trim() ? s.trim() : null);

function ActionForm({ view, action: a, observationId, close }: Props & { close: () => void }) {
  const save = useSingleCommand('aar.saveAction');
  const { frameworks } = useFrameworks();
  const orgs = useMethod('directory.list', { search: '', limit: 1000, offset: 0 });
  const afis = view.observations.filter((o) => o.kind === 'afi' && o.status === 'accepted');
  const framework = frameworks.find((f) => f.id === view.report.frameworkId);
  const form = useForm({
    initialValues: {
      observationId: a?.observationId ?? observationId ?? afis[0]?.id ?? null,
      capabilityId: a?.capabilityId ?? null,
      element: (a?.element ?? null) as Element | null,
      action: a?.action ?? '',
      responsibleOrgId: a?.responsibleOrgId ?? null,
      poc: a?.poc ?? '',
      startOn: a?.startOn ?? '',
      dueOn: a?.dueOn ?? '',
    },
    validate: {
      observationId: (v) => (v ? null : 'Choose the area for improvement this action addresses'),
      element: (v) => (v ? null : 'Choose the capability element'),
      action: (v) => (v.trim() ? null : 'Say what is to be done'),
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        ...(a ? { id: a.id } : {}),
        observationId: v.observationId!,
        capabilityId: v.capabilityId ?? afis.find((x) => x.id === v.observationId)?.capabilityId ?? null,
        element: v.element!,
        action: v.action,
        responsibleOrgId: v.responsibleOrgId,
        poc: v.poc,
        startOn: day(v.startOn),
        dueOn: day(v.dueOn),
      },
      {
        onSuccess: () => {
          close();
          // Added from an analysis card, nothing but a count changes there: say what was added, and where it is.
          if (!a) {
            const afi = afis.find((x) => x.id === v.observationId)?.title;
            notifications.show({ color: 'teal', title: 'Corrective action added', message: `“${v.action.trim()}”${afi ? `, for “${afi}”` : ''}: on the Improvement plan tab.` });
          }
        },
        // A refusal naming a field (the completion date before the start) marks it; the dialog's FieldAttention takes the focus there.
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="action-form">
      <Stack gap="sm">
        <Select label="Area for improvement" withAsterisk searchable data={afis.map((o) => ({ value: o.id, label: o.title }))} {...form.getInputProps('observationId')} />
        <Textarea label="Corrective action" withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('action')} />
        <SimpleGrid cols={2}>
          <Select label="Capability element" withAsterisk searchable data={ELEMENTS.map((e) => ({ value: e, label: ELEMENT_LABELS[e] }))} {...form.getInputProps('element')} />
          <Select label="Capability" placeholder="The area for improvement's" clearable searchable data={capabilityOptions(framework)} {...form.getInputProps('capabilityId')} />
          <Select
            label="Primary responsible organisation"
            placeholder="From the directory"
            clearable
            searchable
            data={(orgs.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('responsibleOrgId')}
          />
          <TextInput label="Organisation point of contact" {...form.getInputProps('poc')} />
          <TextInput label="Start date" placeholder="YYYY-MM-DD" {...form.getInputProps('startOn')} />
          <TextInput label="Completion (due) date" placeholder="YYYY-MM-DD" {...form.getInputProps('dueOn')} />
        </SimpleGrid>
        <ModalFormFooter error={general} submitLabel={a ? 'Save changes' : 'Add corrective action'} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openActionForm(p: Props): void {
  openModal({ title: p.action ? 'Edit corrective action' : 'Add a corrective action', size: 'xl' }, (id) => <ActionForm {...p} close={() => closeModal(id)} />, 'action-form');
}
