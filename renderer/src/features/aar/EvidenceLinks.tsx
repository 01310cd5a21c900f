import { Anchor, Group, Text } from '@mantine/core';
import type { Evidence } from '../../../../shared/contract';

/** The records behind an observation or a row, each a link that opens it. */
export function EvidenceLinks({ evidence, onOpen, max = 6 }: { evidence: readonly Evidence[]; onOpen: (e: Evidence) => void; max?: number }) {
  if (!evidence.length) return null;
  return (
    <Group gap="xs" data-testid="evidence-links">
      <Text size="sm" c="dimmed">
        From the record:
      </Text>
      {evidence.slice(0, max).map((e) => (
        <Anchor key={`${e.type}:${e.id}`} component="button" type="button" size="sm" onClick={() => onOpen(e)} data-testid="evidence-link">
          {e.label}
        </Anchor>
      ))}
      {evidence.length > max && (
        <Text size="sm" c="dimmed">
          and {evidence.length - max} more
        </Text>
      )}
    </Group>
  );
}
