import { SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import type { Agreement } from '../../../../shared/contract';
import { AGREEMENT_KIND_LABELS, AGREEMENT_KINDS, type AgreementKind } from '../../../../shared/domain/agreements';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { useOrganisationOptions } from './use-organisations';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { closeModal, openModal } from '../../lib/open-modal';
import { isoDateProblem } from '../../lib/format';

const blank = (s: string) => (s.trim() ? s.trim() : null);
const kindOptions = AGREEMENT_KINDS.map((k) => ({ value: k, label: AGREEMENT_KIND_LABELS[k] }));

function AgreementForm({ agreement, onSaved }: { agreement: Agreement | null; onSaved: () => void }) {
  const save = useSingleCommand('directory.saveAgreement');
  const orgs = useOrganisationOptions();
  const form = useForm({
    initialValues: {
      title: agreement?.title ?? '',
      kind: (agreement?.kind ?? 'mutual_aid') as AgreementKind,
      partyIds: agreement?.parties.map((p) => p.id) ?? [],
      scope: agreement?.scope ?? '',
      resourcesCovered: agreement?.resourcesCovered ?? [],
      effectiveOn: agreement?.effectiveOn ?? '',
      expiresOn: agreement?.expiresOn ?? '',
      documentRef: agreement?.documentRef ?? '',
      notes: agreement?.notes ?? '',
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Agreement title is required'),
      partyIds: (v) => (v.length ? null : 'Name at least one party to the agreement'),
      scope: (v) => (v.trim() ? null : 'Scope is required'),
      effectiveOn: (v) => isoDateProblem(v, 'Effective date', true),
      expiresOn: (v) => isoDateProblem(v, 'Expiry date', false),
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        ...(agreement ? { id: agreement.id } : {}),
        title: v.title,
        kind: v.kind,
        partyIds: v.partyIds,
        scope: v.scope,
        resourcesCovered: v.resourcesCovered,
        effectiveOn: v.effectiveOn,
        expiresOn: blank(v.expiresOn),
        documentRef: blank(v.documentRef),
        notes: blank(v.notes),
      },
      { onSuccess: onSaved, onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="agreement-form">
      <Stack gap="sm">
        <TextInput label="Agreement title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Select label="Kind" data={kindOptions} searchable allowDeselect={false} {...form.getInputProps('kind')} />
        <MultiSelect label="Parties" data={orgs} searchable withAsterisk {...form.getInputProps('partyIds')} />
        <Textarea label="Scope" withAsterisk autosize minRows={2} {...form.getInputProps('scope')} />
        <TagsInput
          label="Resources covered"
          description="Kinds, e.g. Ventilator (portable); Enter after each"
          {...form.getInputProps('resourcesCovered')}
        />
        <SimpleGrid cols={2}>
          {/* Dates as everywhere in the console (YYYY-MM-DD), not the browser's mm/dd/yyyy. */}
          <TextInput label="Effective date" placeholder="YYYY-MM-DD" withAsterisk {...form.getInputProps('effectiveOn')} />
          <TextInput
            label="Expiry date"
            placeholder="YYYY-MM-DD"
            description="Empty: no expiry"
            {...form.getInputProps('expiresOn')}
          />
        </SimpleGrid>
        <TextInput
          label="Document reference"
          placeholder="Binder, file name or address of the signed copy"
          {...form.getInputProps('documentRef')}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <ModalFormFooter
          error={general}
          submitLabel={agreement ? 'Save agreement' : 'Add agreement'}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}

export function openAgreementForm(agreement: Agreement | null) {
  openModal(
    {
      title: agreement ? `Edit ${agreement.title}` : 'Add an agreement',
      size: 'xl',
    },
    (id) => <AgreementForm agreement={agreement} onSaved={() => closeModal(id)} />,
  );
}
