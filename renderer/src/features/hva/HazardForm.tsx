import { SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { HvaHazard } from '../../../../shared/contract';
import { HVA_CATEGORIES, HVA_CATEGORY_LABELS, HVA_FACTOR_LABELS, HVA_FACTORS, HVA_SCALE, hvaRisk, type HvaCategory, type HvaScores } from '../../../../shared/domain/hva';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { closeModal, openModal } from '../../lib/open-modal';
import { useMethod, useSingleCommand } from '../../lib/query';

function HazardForm({ assessmentId, hazard, onDone }: { assessmentId: string; hazard: HvaHazard | null; onDone: () => void }) {
  const save = useSingleCommand('hva.saveHazard');
  const templates = useMethod('incident.templates', {});
  const scores = Object.fromEntries(HVA_FACTORS.map((f) => [f, String(hazard?.[f] ?? 0)])) as Record<keyof HvaScores, string>;
  const form = useForm({
    initialValues: { hazard: hazard?.hazard ?? '', category: (hazard?.category ?? 'natural') as HvaCategory, ...scores, templateIds: hazard?.templates.map((t) => t.id) ?? [], notes: hazard?.notes ?? '' },
    validate: { hazard: (v) => (v.trim() ? null : 'Name the hazard') },
  });
  const v = form.values;
  const numbers = Object.fromEntries(HVA_FACTORS.map((f) => [f, Number(v[f])])) as HvaScores;
  const risk = hvaRisk(numbers);
  const submit = form.onSubmit((val) =>
    save.mutate(
      { ...(hazard ? { id: hazard.id } : {}), assessmentId, hazard: val.hazard, category: val.category, ...numbers, templateIds: val.templateIds, notes: val.notes.trim() || null },
      { onSuccess: onDone, onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="hazard-form">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Hazard" withAsterisk data-autofocus {...form.getInputProps('hazard')} />
          <Select label="Category" data={HVA_CATEGORIES.map((c) => ({ value: c, label: HVA_CATEGORY_LABELS[c] }))} allowDeselect={false} {...form.getInputProps('category')} />
        </SimpleGrid>
        {HVA_FACTORS.map((f) => (
          <SimpleGrid key={f} cols={2} verticalSpacing={0} style={{ alignItems: 'center' }}>
            <Text size="sm" fw={600}>
              {HVA_FACTOR_LABELS[f]}
            </Text>
            <SegmentedControl size="xs" aria-label={HVA_FACTOR_LABELS[f]} data={HVA_SCALE[f].map((label, i) => ({ value: String(i), label: `${i} ${label}` }))} {...form.getInputProps(f)} />
          </SimpleGrid>
        ))}
        <Text fw={700} data-testid="hazard-risk">
          Probability {risk.probabilityPct}% × severity {risk.severityPct}% = relative risk {risk.riskPct}%
        </Text>
        <MultiSelect label="Incident templates for this hazard" data={(templates.data?.templates ?? []).map((t) => ({ value: t.id, label: t.name }))} {...form.getInputProps('templateIds')} />
        <Textarea label="Notes" autosize minRows={1} {...form.getInputProps('notes')} />
        <ModalFormFooter error={save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null} submitLabel={hazard ? 'Save scores' : 'Add hazard'} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openHazardForm(assessmentId: string, hazard: HvaHazard | null) {
  openModal({ title: hazard ? `Score: ${hazard.hazard}` : 'Add a hazard', size: 760 }, (id) => <HazardForm assessmentId={assessmentId} hazard={hazard} onDone={() => closeModal(id)} />);
}
