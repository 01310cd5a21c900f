import { TextInput, type TextInputProps } from '@mantine/core';
import { understoodAs, type TimeReading } from '../../../shared/domain/wall-time';
import { zoneSuffix } from '../lib/format';
import { useNow } from '../lib/use-now';

const HINTS: Record<TimeReading, string> = {
  past: '24-hour; HH:MM alone means the last time the clock showed it',
  today: '24-hour; HH:MM alone means today',
  later: '24-hour; HH:MM alone means the next time the clock shows it (tomorrow once it has passed today); +30 or +1h30 means from now',
};

/**
 * A time typed on the coalition's 24-hour clock: "2026-11-25 14:30", or "14:30" read by
 * `reading` (see TimeReading). A bare time typed shows under the field the full date it was
 * read as ("Read as 2026-12-07 14:00 EST, tomorrow"), so the day is seen before it is saved.
 */
export function TimeField({ label, timeZone, description, reading = 'today', ...rest }: TextInputProps & { label: string; timeZone: string; reading?: TimeReading }) {
  const now = useNow(10_000);
  const understood = typeof rest.value === 'string' ? understoodAs(rest.value, timeZone, now, reading) : null;
  return (
    <TextInput
      label={`${label} ${zoneSuffix(timeZone)}`}
      placeholder="YYYY-MM-DD HH:MM"
      description={understood ? `Read as ${understood}` : (description ?? HINTS[reading])}
      autoComplete="off"
      {...rest}
    />
  );
}
