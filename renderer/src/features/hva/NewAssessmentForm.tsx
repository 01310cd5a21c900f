import { NumberInput, Stack, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { HvaAssessment } from '../../../../shared/contract';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { closeModal, openModal } from '../../lib/open-modal';
import { useSingleCommand } from '../../lib/query';

function NewAssessmentForm({ previous, onCreated }: { previous: HvaAssessment[]; onCreated: (id: string) => void }) {
  const save = useSingleCommand('hva.saveAssessment');
  const year = (previous[0]?.year ?? new Date().getFullYear() - 1) + 1;
  const form = useForm({ initialValues: { year: year as number | string, title: `Hazard vulnerability analysis ${year}`, start: previous[0]?.id ?? 'starter' } });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { year: Number(v.year), title: v.title, ...(v.start === 'starter' ? { starterHazards: true } : v.start === 'empty' ? {} : { copyFromId: v.start }) },
      { onSuccess: (r) => onCreated(r.assessment.id), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NumberInput label="Year" min={2000} max={2100} allowDecimal={false} {...form.getInputProps('year')} />
        <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
        <Select
          label="Start from"
          allowDeselect={false}
          data={[...previous.map((p) => ({ value: p.id, label: `A copy of ${p.year} to revise (${p.hazards} hazards)` })), { value: 'starter', label: 'The starter list of hazards, unscored' }, { value: 'empty', label: 'Nothing' }]}
          {...form.getInputProps('start')}
        />
        <ModalFormFooter error={save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null} submitLabel="Create the assessment" pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openNewAssessment(previous: HvaAssessment[], onCreated: (id: string) => void) {
  openModal({ title: 'New hazard vulnerability analysis', size: 'md' }, (id) => (
    <NewAssessmentForm
      previous={previous}
      onCreated={(a) => {
        closeModal(id);
        onCreated(a);
      }}
    />
  ));
}
