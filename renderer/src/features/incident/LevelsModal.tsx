import { Stack, Table, Text } from '@mantine/core';
import { useMethod } from '../../lib/query';
import { LevelRow } from './LevelRow';
import { FormModal } from '../../components/FormModal';

/** The coalition's own list of activation levels; higher rank is more activated. */
export function LevelsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const levels = useMethod('incident.levels', {}, { enabled: opened });
  const sorted = [...(levels.data?.levels ?? [])].sort((a, b) => a.rank - b.rank);
  return (
    <FormModal opened={opened} onClose={onClose} title="Activation levels" size={960}>
      <Stack gap="sm" data-testid="levels-editor">
        <Text size="sm" c="dimmed">
          The levels your coalition activates at, lowest rank first. The top bar shows the active incident&apos;s level by name.
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Rank</Table.Th>
              <Table.Th>What it means</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((l) => (
              <LevelRow key={`${l.id}:${l.name}:${l.rank}:${l.description}`} level={l} />
            ))}
            <LevelRow key={`new:${sorted.length}`} />
          </Table.Tbody>
        </Table>
      </Stack>
    </FormModal>
  );
}
