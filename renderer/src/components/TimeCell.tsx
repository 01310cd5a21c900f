import { Table, Text } from '@mantine/core';
import { localParts } from '../lib/format';

/** The width of a column of TimeCells: the hour, and under it the zone and the day ("EST · 07 Dec") whole. */
export const TIME_COLUMN_WIDTH = 106;

/** A list's time, in the coalition's zone: the hour large, the zone and the day under it. */
export function TimeCell({ ms, timeZone }: { ms: number; timeZone: string }) {
  const t = localParts(ms, timeZone);
  return (
    <Table.Td ff="monospace" fw={700}>
      {t.hm}
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t.zone} · {t.date.slice(0, 6)}
      </Text>
    </Table.Td>
  );
}
