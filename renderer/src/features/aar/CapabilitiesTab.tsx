import { Badge, Button, Grid, Group, NavLink, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Select } from '../../components/Select';
import { useState } from 'react';
import { useSingleCommand } from '../../lib/query';
import { useFrameworks } from './use-aar';

/** The capability catalogues as data: the seeded frameworks, editable, and the coalition's own. */
export function CapabilitiesTab() {
  const { frameworks } = useFrameworks();
  const [selected, setSelected] = useState<string | null>(null);
  const saveFramework = useSingleCommand('aar.saveFramework');
  const saveCapability = useSingleCommand('aar.saveCapability');
  const [fw, setFw] = useState({ name: '', shortName: '' });
  const [cap, setCap] = useState({ code: '', title: '', parentId: null as string | null });
  const current = frameworks.find((f) => f.id === selected) ?? frameworks[0];
  return (
    <Grid data-testid="aar-capabilities">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="sm">
          <Stack gap={4}>
            {frameworks.map((f) => (
              <NavLink
                key={f.id}
                active={f.id === current?.id}
                label={f.name}
                description={`${f.capabilities.filter((c) => !c.parentId).length} capabilities${f.builtin ? ' · seeded' : ' · the coalition’s own'}`}
                onClick={() => setSelected(f.id)}
              />
            ))}
          </Stack>
          <Stack gap="xs" mt="md">
            <Title order={4}>Add the coalition’s own framework</Title>
            <TextInput label="Name" value={fw.name} onChange={(e) => setFw({ ...fw, name: e.currentTarget.value })} />
            <TextInput label="Short name" value={fw.shortName} onChange={(e) => setFw({ ...fw, shortName: e.currentTarget.value })} />
            <Button
              variant="default"
              disabled={!fw.name.trim() || !fw.shortName.trim()}
              loading={saveFramework.isPending}
              onClick={() => saveFramework.mutate({ ...fw }, { onSuccess: (r) => (setSelected(r.id), setFw({ name: '', shortName: '' })) })}
            >
              Add framework
            </Button>
            {saveFramework.error && <Text c="red">{saveFramework.error.message}</Text>}
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {current && (
          <Paper withBorder p="sm">
            <Title order={3}>{current.name}</Title>
            <Text size="sm" c="dimmed" mb="sm">
              {current.description}
            </Text>
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>Code</Table.Th>
                  <Table.Th>Capability or objective</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {current.capabilities.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td ff="monospace">{c.code}</Table.Td>
                    <Table.Td pl={c.parentId ? 32 : undefined}>
                      {c.title} {c.parentId && <Badge variant="light" size="xs">objective</Badge>}
                      {c.description && (
                        <Text size="xs" c="dimmed">
                          {c.description}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group align="flex-end" mt="sm">
              <TextInput label="Code" value={cap.code} onChange={(e) => setCap({ ...cap, code: e.currentTarget.value })} w={110} />
              <TextInput label="Title" value={cap.title} onChange={(e) => setCap({ ...cap, title: e.currentTarget.value })} w={320} />
              <Select
                label="Under"
                placeholder="A capability (top level)"
                clearable
                data={current.capabilities.filter((c) => !c.parentId).map((c) => ({ value: c.id, label: `${c.code} ${c.title}` }))}
                value={cap.parentId}
                onChange={(v) => setCap({ ...cap, parentId: v })}
                w={260}
              />
              <Button
                variant="default"
                disabled={!cap.code.trim() || !cap.title.trim()}
                loading={saveCapability.isPending}
                onClick={() => saveCapability.mutate({ frameworkId: current.id, ...cap }, { onSuccess: () => setCap({ code: '', title: '', parentId: null }) })}
              >
                Add
              </Button>
            </Group>
            {saveCapability.error && <Text c="red">{saveCapability.error.message}</Text>}
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}
