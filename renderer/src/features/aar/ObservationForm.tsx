import { SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { AarReportView, Observation } from '../../../../shared/contract';
import type { ObservationKind } from '../../../../shared/domain/aar-outline';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { closeModal, openModal } from '../../lib/open-modal';
import { useSingleCommand } from '../../lib/query';
import { capabilityOptions, useFrameworks } from './use-aar';

interface Props {
  view: AarReportView;
  observation?: Observation;
  kind?: ObservationKind;
  objectiveId?: string | null;
}

function ObservationForm({ view, observation: o, kind, objectiveId, close }: Props & { close: () => void }) {
  const save = useSingleCommand('aar.saveObservation');
  const { frameworks } = useFrameworks();
  const reportId = view.report.id;
  const objectives = view.objectives;
  const framework = frameworks.find((f) => f.id === view.report.frameworkId);
  const form = useForm({
    initialValues: {
      kind: (o?.kind ?? kind ?? 'afi') as ObservationKind,
      title: o?.title ?? '',
      objectiveId: o?.objectiveId ?? objectiveId ?? null,
      capabilityId: o?.capabilityId ?? null,
      reference: o?.reference ?? '',
      analysis: o?.analysis ?? '',
      rootCause: o?.rootCause ?? '',
    },
    validate: { title: (v) => (v.trim() ? null : 'Give the observation a title') },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { ...(o ? { id: o.id } : {}), reportId, kind: v.kind, title: v.title, objectiveId: v.objectiveId, capabilityId: v.capabilityId, reference: v.reference, analysis: v.analysis, rootCause: v.rootCause },
      { onSuccess: () => close(), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="observation-form">
      <Stack gap="sm">
        <SegmentedControl
          data={[
            { value: 'strength', label: 'Strength' },
            { value: 'afi', label: 'Area for improvement' },
          ]}
          {...form.getInputProps('kind')}
        />
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={2}>
          <Select
            label="Objective"
            placeholder="Not tied to one objective"
            clearable
            data={objectives.map((x) => ({ value: x.id, label: `${x.ordinal}. ${x.text}` }))}
            {...form.getInputProps('objectiveId')}
          />
          <Select label="Capability" placeholder="Choose a capability" clearable searchable data={capabilityOptions(framework)} {...form.getInputProps('capabilityId')} />
        </SimpleGrid>
        <TextInput label="Reference (plan, SOP or doctrine)" {...form.getInputProps('reference')} />
        <Textarea label="Analysis: what happened and why it mattered" autosize minRows={3} maxRows={10} {...form.getInputProps('analysis')} />
        {form.values.kind === 'afi' && <Textarea label="Root cause" autosize minRows={2} maxRows={6} {...form.getInputProps('rootCause')} />}
        <ModalFormFooter error={general} submitLabel={o ? 'Save changes' : form.values.kind === 'afi' ? 'Add area for improvement' : 'Add strength'} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openObservationForm(p: Props): void {
  const title = p.observation ? 'Edit observation' : p.kind === 'strength' ? 'Add a strength' : 'Add an area for improvement';
  openModal({ title, size: 'xl' }, (id) => <ObservationForm {...p} close={() => closeModal(id)} />, 'observation-form');
}
