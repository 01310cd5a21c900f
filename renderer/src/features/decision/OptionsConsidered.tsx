import { Box, Group, Stack, Text } from '@mantine/core';
import type { Decision } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';

/**
 * The options a decision weighed, in the order they were written. The one taken stands out
 * (a Chosen badge, bold) and the others read as not taken, in words as well as in a quieter
 * grey, so a reader at a distance or a screen reader hears which was taken without comparing
 * styles. With none marked taken, none is called either.
 */
export function OptionsConsidered({ options }: { options: Decision['options'] }) {
  const marked = options.some((o) => o.chosen);
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} data-testid="decision-options">
      {options.map((o, i) => (
        <Group component="li" key={i} gap="sm" wrap="nowrap" align="baseline" data-testid="decision-option" data-chosen={o.chosen}>
          {marked && (
            <Box w={96} style={{ flexShrink: 0 }} data-testid="decision-option-mark">
              {o.chosen ? (
                <StatusBadge tone="good" oneLine>
                  Chosen
                </StatusBadge>
              ) : (
                <Text span size="xs" fw={700} tt="uppercase" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  Not taken
                </Text>
              )}
            </Box>
          )}
          <Text span fw={o.chosen ? 700 : 400} c={marked && !o.chosen ? 'dimmed' : undefined} style={{ whiteSpace: 'pre-wrap' }} data-testid="decision-option-text">
            {o.text}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
