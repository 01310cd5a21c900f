import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Contact } from '../../../../shared/contract';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { closeModal, openModal } from '../../lib/open-modal';

const blank = (s: string) => (s.trim() ? s.trim() : null);

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
    validate: { name: (v) => (v.trim() ? null : 'Contact name is required') },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        ...(contact ? { id: contact.id } : {}),
        organisationId,
        name: v.name,
        role: blank(v.role),
        phone24x7: blank(v.phone24x7),
        otherPhones: v.otherPhones
          .split(/[;,]/)
          .map((p) => p.trim())
          .filter(Boolean),
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
          description="The number answered at any hour"
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
