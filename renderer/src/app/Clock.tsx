import { Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { localParts } from '../lib/format';

function useNow(periodMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}

/** Local 24-hour time with its zone, and UTC: what every log entry is stamped with. */
export function Clock({ timeZone }: { timeZone: string }) {
  const now = useNow();
  const local = localParts(now.getTime(), timeZone);
  const utc = now.toISOString().slice(11, 16);
  return (
    <Group gap="md" wrap="nowrap" aria-label="Clock" data-testid="clock">
      <Stack gap={0} align="flex-end">
        <Text fw={700} size="xl" ff="monospace" lh={1.1} aria-label="Local time">
          {local.hms} <Text span size="sm" fw={600}>{local.zone}</Text>
        </Text>
        <Text size="xs" c="dimmed">
          {local.date}
        </Text>
      </Stack>
      <Stack gap={0} align="flex-end">
        <Text fw={600} size="md" ff="monospace" lh={1.1} aria-label="UTC time">
          {utc}Z
        </Text>
        <Text size="xs" c="dimmed">
          UTC
        </Text>
      </Stack>
    </Group>
  );
}
