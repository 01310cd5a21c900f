import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the screens shown before the console opens. */
export function CenteredCard({ title, subtitle, children, testId }: { title: string; subtitle?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Center mih="100%" p="lg">
      <Paper withBorder shadow="md" p="xl" w={560} data-testid={testId}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2}>{title}</Title>
            {subtitle && <Text c="dimmed">{subtitle}</Text>}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
