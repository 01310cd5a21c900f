import { Stack, Text } from '@mantine/core';
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
    <Stack gap={0} align="flex-end" aria-label="Clock" data-testid="clock">
      <Text fw={700} size="xl" ff="monospace" lh={1.1} aria-label="Local time">
        {local.hms}{' '}
        <Text span size="sm" fw={600}>
          {local.zone}
        </Text>
      </Text>
      <Text size="sm" c="dimmed" lh={1.3} style={{ whiteSpace: 'nowrap' }}>
        {local.date} ·{' '}
        <Text span size="sm" ff="monospace" fw={600} c="var(--mantine-color-text)" aria-label="UTC time">
          {utc}Z
        </Text>
      </Text>
    </Stack>
  );
}
