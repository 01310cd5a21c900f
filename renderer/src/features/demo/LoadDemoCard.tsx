import { Alert, Button, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useState } from 'react';
import { useSingleCommand } from '../../lib/query';

/**
 * The first-run alternative to the setup form: a fictional coalition in a real region,
 * for training and trying the console. Everything it creates is marked demo.
 */
export function LoadDemoCard() {
  const load = useSingleCommand('demo.load');
  const [workstationName, setWorkstationName] = useState('');
  return (
    <Paper withBorder shadow="md" p="xl" w={480} data-testid="demo-choice">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2}>Or try it with demo data</Title>
          <Text c="dimmed">For training and exercises, not for real operations.</Text>
        </Stack>
        <List size="sm" spacing={4}>
          <List.Item>A fictional coalition in Western Massachusetts: real towns and ZIP codes, made-up facilities</List.Item>
          <List.Item>About 60 member organisations with contacts and agreements</List.Item>
          <List.Item>Coalition caches and an incident in progress with open requests</List.Item>
        </List>
        <Text size="sm" fw={600}>
          Every screen will show DEMO DATA while it is loaded.
        </Text>
        <TextInput
          label="Workstation name (optional)"
          placeholder="e.g. DEMO-EOC-1"
          value={workstationName}
          onChange={(e) => setWorkstationName(e.currentTarget.value)}
        />
        {load.error && (
          <Alert color="red" role="alert" title="The demo was not loaded">
            {load.error.message}
          </Alert>
        )}
        <Button
          size="md"
          color="orange"
          variant="light"
          leftSection={<IconFlask size={18} />}
          loading={load.isPending}
          onClick={() => load.mutate({ workstationName: workstationName.trim() || null })}
        >
          Load the demonstration coalition
        </Button>
      </Stack>
    </Paper>
  );
}
