import { Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Select } from '../../../components/Select';
import { useForm } from '@mantine/form';
import { ANNOTATION_PURPOSE_LABELS, ANNOTATION_PURPOSES, type AnnotationGeometry, type AnnotationPurpose, type AnnotationShape } from '../../../../../shared/contract';
import { ModalFormFooter } from '../../../components/ModalFormFooter';
import { fieldErrors } from '../../../lib/form-errors';
import { closeModal, openModal } from '../../../lib/open-modal';
import { useSingleCommand } from '../../../lib/query';

export interface Drawn {
  id?: string;
  shape: AnnotationShape;
  geometry: AnnotationGeometry;
  radiusM: number | null;
  label?: string;
  note?: string | null;
  purpose?: AnnotationPurpose;
}

const SHAPE_WORDS: Record<AnnotationShape, string> = { point: 'a point', line: 'a line', polygon: 'an area', circle: 'a circle' };

/** The words that go with a drawing: its label on the map, a note, and what it marks. */
function AnnotationForm({ incidentId, drawn, close }: { incidentId: string; drawn: Drawn; close: () => void }) {
  const save = useSingleCommand('map.annotationSave');
  const form = useForm({
    initialValues: { label: drawn.label ?? '', note: drawn.note ?? '', purpose: drawn.purpose ?? ('note' as AnnotationPurpose) },
    validate: { label: (v) => (v.trim() ? null : 'Label is required: it is written beside the shape on every map') },
  });
  const purposes = ANNOTATION_PURPOSES.filter((p) => drawn.shape !== 'line' || p === 'note').map((p) => ({ value: p, label: ANNOTATION_PURPOSE_LABELS[p] }));
  return (
    <form
      noValidate
      data-testid="annotation-form"
      onSubmit={form.onSubmit((v) =>
        save.mutate(
          { id: drawn.id, incidentId, shape: drawn.shape, geometry: drawn.geometry, radiusM: drawn.radiusM, label: v.label, note: v.note.trim() || null, purpose: v.purpose },
          { onSuccess: () => close(), onError: (e) => form.setErrors(fieldErrors(e)) },
        ),
      )}
    >
      <Stack gap="sm">
        <Text size="sm">
          You drew {SHAPE_WORDS[drawn.shape]}
          {drawn.radiusM ? ` of ${(drawn.radiusM / 1000).toFixed(2)} km radius` : ''}. It is shown on every workstation's map of this incident.
        </Text>
        <TextInput label="Label" placeholder="e.g. Route 9 closed" data-autofocus maxLength={120} {...form.getInputProps('label')} />
        <Select label="What it marks" data={purposes} allowDeselect={false} {...form.getInputProps('purpose')} />
        <Textarea label="Note" autosize minRows={2} maxRows={6} maxLength={2000} {...form.getInputProps('note')} />
        <ModalFormFooter error={save.error} submitLabel="Save annotation" pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openAnnotationForm(incidentId: string, drawn: Drawn, onClose?: () => void) {
  openModal({ title: drawn.id ? 'Change annotation' : 'New annotation', size: 'md', onClose }, (id) => <AnnotationForm incidentId={incidentId} drawn={drawn} close={() => closeModal(id)} />, 'annotation-form');
}
