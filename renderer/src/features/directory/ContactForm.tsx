import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Contact } from '../../../../shared/contract';
import { phoneProblem } from '../../../../shared/domain/phone';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { closeModal, openModal } from '../../lib/open-modal';

const blank = (s: string) => (s.trim() ? s.trim() : null);
const phones = (s: string) =>
  s
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean);

function ContactForm({
  organisationId,
  contact,
  onSaved,
}: {
  organisationId: string;
  contact: Contact | null;
  onSaved: () => void;
}) {
  const save = useSingleCommand('directory.saveContact');
  const form = useForm({
    initialValues: {
      name: contact?.name ?? '',
      role: contact?.role ?? '',
      phone24x7: contact?.phone24x7 ?? '',
      otherPhones: (contact?.otherPhones ?? []).join('; '),
      email: contact?.email ?? '',
      radio: contact?.radio ?? '',
      notes: contact?.notes ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Contact name is required'),
      // The backend's words, before sending: the 24/7 number is the one dialled at any hour.
      phone24x7: (v) => phoneProblem('24/7 phone', v),
      otherPhones: (v) => phones(v).map((p) => phoneProblem('Other phone', p)).find(Boolean) ?? null,
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        ...(contact ? { id: contact.id } : {}),
        organisationId,
        name: v.name,
        role: blank(v.role),
        phone24x7: blank(v.phone24x7),
        otherPhones: phones(v.otherPhones),
        email: blank(v.email),
        radio: blank(v.radio),
        notes: blank(v.notes),
      },
      { onSuccess: onSaved, onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = save.error && !Object.keys(fieldErrors(save.error)).length ? save.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Contact name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Role"
            placeholder="e.g. Emergency preparedness coordinator"
            {...form.getInputProps('role')}
          />
        </SimpleGrid>
        <TextInput
          label="24/7 phone"
          description="The number answered at any hour: 10 digits, or + and the country code"
          size="md"
          {...form.getInputProps('phone24x7')}
        />
        <TextInput label="Other phones" description="Separate several with ;" {...form.getInputProps('otherPhones')} />
        <SimpleGrid cols={2}>
          <TextInput label="Email" {...form.getInputProps('email')} />
          <TextInput label="Radio" placeholder="e.g. MedNet 4 / HMCC-1" {...form.getInputProps('radio')} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <ModalFormFooter
          error={general}
          submitLabel={contact ? 'Save contact' : 'Add contact'}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}

export function openContactForm(organisationId: string, contact: Contact | null) {
  openModal(
    {
      title: contact ? `Edit ${contact.name}` : 'Add a contact',
      size: 'lg',
    },
    (id) => <ContactForm organisationId={organisationId} contact={contact} onSaved={() => closeModal(id)} />,
  );
}
