import { Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

function useNow(periodMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}

export function formatLocal(d: Date, timeZone: string): { time: string; zone: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    day: '2-digit',
    month: 'short',
    year: 'numeric',
  }).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
    zone: get('timeZoneName'),
    date: `${get('day')} ${get('month')} ${get('year')}`,
  };
}

/** Local 24-hour time with its zone, and UTC: what every log entry is stamped with. */
export function Clock({ timeZone }: { timeZone: string }) {
  const now = useNow();
  const local = formatLocal(now, timeZone);
  const utc = now.toISOString().slice(11, 16);
  return (
    <Group gap="md" wrap="nowrap" aria-label="Clock" data-testid="clock">
      <Stack gap={0} align="flex-end">
        <Text fw={700} size="xl" ff="monospace" lh={1.1} aria-label="Local time">
          {local.time} <Text span size="sm" fw={600}>{local.zone}</Text>
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
