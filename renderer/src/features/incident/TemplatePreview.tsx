import { List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { IncidentTemplate } from '../../../../shared/contract';
import { STANDARD_POSITIONS } from '../../../../shared/domain/positions';

const titleOf = (code: string) => STANDARD_POSITIONS.find((p) => p.code === code)?.title ?? code;

/** What a template will set up: objectives for period 1, positions to staff, checklists. */
export function TemplatePreview({ template: t }: { template: IncidentTemplate }) {
  const items = t.checklists.reduce((n, c) => n + c.items.length, 0);
  return (
    <Paper withBorder p="sm" data-testid="template-preview">
      <Stack gap={6}>
        <Text size="sm">{t.description}</Text>
        <SimpleGrid cols={2}>
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              ICS 202 objectives for period 1
            </Text>
            <List size="sm" type="ordered">
              {t.objectives.map((o, i) => (
                <List.Item key={i}>{o}</List.Item>
              ))}
            </List>
          </div>
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              Positions to staff
            </Text>
            <Text size="sm">{t.positionCodes.map(titleOf).join(', ')}</Text>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="xs">
              Checklists
            </Text>
            <Text size="sm">
              {items} items for {t.checklists.length} position{t.checklists.length === 1 ? '' : 's'}
            </Text>
          </div>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
