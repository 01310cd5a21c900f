import { Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { Exercise } from '../../../../shared/contract';
import { EXERCISE_TYPES, EXERCISE_TYPE_LABELS, type ExerciseType } from '../../../../shared/domain/aar-outline';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { closeModal, openModal } from '../../lib/open-modal';
import { useSingleCommand } from '../../lib/query';
import { capabilityOptions, useFrameworks } from '../aar/use-aar';

function ExerciseForm({ exercise: x, onSaved, close }: { exercise: Exercise | null; onSaved: (id: string) => void; close: () => void }) {
  const save = useSingleCommand('exercise.save');
  const { frameworks } = useFrameworks();
  const form = useForm({
    initialValues: {
      title: x?.title ?? '',
      type: (x?.type ?? 'tabletop') as ExerciseType,
      startsOn: x?.startsOn ?? '',
      endsOn: x?.endsOn ?? '',
      location: x?.location ?? '',
      description: x?.description ?? '',
      scenario: x?.scenario ?? '',
      hazard: x?.hazard ?? '',
      sponsor: x?.sponsor ?? '',
      poc: x?.poc ?? '',
      frameworkId: x?.frameworkId ?? frameworks.find((f) => f.shortName === 'HPP 2023')?.id ?? null,
      capabilityIds: x?.capabilityIds ?? [],
      surgeExercise: x?.surgeExercise ?? false,
      cancelled: x?.cancelled ?? false,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the course or exercise a title'),
      startsOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Start date as YYYY-MM-DD'),
    },
  });
  const framework = frameworks.find((f) => f.id === form.values.frameworkId);
  const submit = form.onSubmit((v) =>
    save.mutate(
      { ...(x ? { id: x.id } : {}), ...v, endsOn: v.endsOn.trim() || v.startsOn, frameworkId: v.frameworkId ?? frameworks.find((f) => f.shortName === 'HPP 2023')?.id ?? null },
      { onSuccess: (r) => (close(), onSaved(r.id)), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="exercise-form">
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={3}>
          <Select label="Type" searchable data={EXERCISE_TYPES.map((t) => ({ value: t, label: EXERCISE_TYPE_LABELS[t] }))} allowDeselect={false} {...form.getInputProps('type')} />
          <TextInput label="Start date" placeholder="YYYY-MM-DD" withAsterisk {...form.getInputProps('startsOn')} />
          <TextInput label="End date" placeholder="Same day when empty" {...form.getInputProps('endsOn')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label="Location" {...form.getInputProps('location')} />
          <TextInput label="Threat or hazard" {...form.getInputProps('hazard')} />
          <TextInput label="Sponsor" {...form.getInputProps('sponsor')} />
          <TextInput label="Point of contact" {...form.getInputProps('poc')} />
        </SimpleGrid>
        <Textarea label="Description and scope" autosize minRows={2} {...form.getInputProps('description')} />
        <Textarea label="Scenario" autosize minRows={2} {...form.getInputProps('scenario')} />
        <SimpleGrid cols={2}>
          <Select label="Capability framework" data={frameworks.map((f) => ({ value: f.id, label: f.name }))} {...form.getInputProps('frameworkId')} />
          <MultiSelect label="Capabilities exercised" searchable data={capabilityOptions(framework)} {...form.getInputProps('capabilityIds')} />
        </SimpleGrid>
        <Group>
          <Checkbox label="The yearly medical response and surge exercise (MRSE)" {...form.getInputProps('surgeExercise', { type: 'checkbox' })} />
          {x && <Checkbox label="Cancelled" {...form.getInputProps('cancelled', { type: 'checkbox' })} />}
        </Group>
        <ModalFormFooter error={general} submitLabel={x ? 'Save changes' : 'Add to the calendar'} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openExerciseForm(exercise: Exercise | null, onSaved: (id: string) => void): void {
  openModal({ title: exercise ? 'Edit course or exercise' : 'Plan a course or exercise', size: 'xl' }, (id) => <ExerciseForm exercise={exercise} onSaved={onSaved} close={() => closeModal(id)} />, 'exercise-form');
}
