import { Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ActivationSheet } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';

function Section({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fw={800} tt="uppercase" size="sm" c="dimmed">
        {n}. {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The one page, on screen: large type for the numbers, every status in words. */
export function ActivationSheetBody({ sheet }: { sheet: ActivationSheet }) {
  const c = sheet.content;
  return (
    <Stack gap="md" data-testid="activation-sheet">
      <Title order={2}>{c.title}</Title>
      {/* Two columns wherever the sheet itself is wide enough, whatever the screen: in the
          dialog that opens with a new incident (1100 px at 1280 as at 1920), on one column
          at 1280, the first calls came under the levels and the coordination center, the
          list cut by the dialog's lower edge at "Public health district". Beside them, the
          whole list is in sight as the dialog opens. */}
      <SimpleGrid type="container" cols={{ base: 1, '58em': 2 }} spacing="md">
        <Stack gap="md">
          <Section n={1} title="Who may activate">
            <List spacing={2}>
              {c.whoMayActivate.map((w, i) => (
                <List.Item key={i}>{w}</List.Item>
              ))}
            </List>
          </Section>
          <Section n={2} title="Activation levels and their triggers">
            <Table withRowBorders verticalSpacing={4}>
              <Table.Tbody>
                {c.levels.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td fw={700} w={170} valign="top">
                      {l.name}
                    </Table.Td>
                    <Table.Td>{l.trigger}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          <Section n={4} title="Coordination center">
            <Text fw={700}>{c.coordinationCenter.location}</Text>
            <Text>{c.coordinationCenter.howToOpen}</Text>
            {c.coordinationCenter.alternate && <Text size="sm">Alternate: {c.coordinationCenter.alternate}</Text>}
          </Section>
        </Stack>
        <Stack gap="md">
          <Section n={3} title="First calls (24/7 numbers from the directory)">
            <Paper withBorder>
              <Table verticalSpacing={6} data-testid="first-calls">
                <Table.Tbody>
                  {sheet.calls.map((call, i) => (
                    <Table.Tr key={i} data-testid="first-call">
                      <Table.Td>
                        <Text fw={700}>{call.label}</Text>
                        <Text size="sm" c="dimmed">
                          {[call.contactName, call.organisationName].filter(Boolean).join(', ') || (call.source === 'missing' ? 'Contact removed from the directory' : 'Number on the sheet')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Group gap={6} justify="flex-end" wrap="nowrap">
                          <Text ff="monospace" fw={800} size="xl" style={{ whiteSpace: 'nowrap' }}>
                            {call.phone ?? 'NO NUMBER'}
                          </Text>
                        </Group>
                        {call.source === 'missing' && <StatusBadge tone="bad">Check the directory</StatusBadge>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Section>
          <Section n={5} title="First actions">
            <List type="ordered" spacing={2}>
              {c.firstActions.map((a, i) => (
                <List.Item key={i}>{a}</List.Item>
              ))}
            </List>
          </Section>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
