import { Stack, Table, Text } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import type { Contact } from '../../../../shared/contract';
import { call } from '../../backend';
import { EditRemoveButtons } from '../../components/confirm-remove';
import { openContactForm } from './ContactForm';

/** Contacts with the 24/7 number first and largest: the one the duty officer dials. */
export function ContactsTable({ contacts, organisationId }: { contacts: Contact[]; organisationId: string }) {
  if (contacts.length === 0) return <Text c="dimmed">No contacts yet.</Text>;
  return (
    <Table striped verticalSpacing="sm" data-testid="contacts-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name and role</Table.Th>
          <Table.Th>24/7 phone</Table.Th>
          <Table.Th>Other phones</Table.Th>
          <Table.Th>Email</Table.Th>
          <Table.Th>Radio</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contacts.map((c) => (
          <Table.Tr key={c.id} data-testid="contact-row">
            <Table.Td>
              <Stack gap={0}>
                <Text fw={600}>{c.name}</Text>
                <Text size="sm" c="dimmed">
                  {c.role ?? ''}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              {c.phone24x7 ? (
                <Text fw={700} size="xl" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="phone-24x7">
                  <IconPhone size={18} /> {c.phone24x7}
                </Text>
              ) : (
                <Text c="dimmed">No 24/7 number</Text>
              )}
            </Table.Td>
            <Table.Td ff="monospace">{c.otherPhones.join(', ') || '—'}</Table.Td>
            <Table.Td>{c.email ?? '—'}</Table.Td>
            <Table.Td>{c.radio ?? '—'}</Table.Td>
            <Table.Td>
              <EditRemoveButtons name={c.name} consequence='The contact leaves this organisation.' onEdit={() => openContactForm(organisationId, c)} remove={() => call('directory.removeContact', { id: c.id })} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
