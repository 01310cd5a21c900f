import { TextInput, type TextInputProps } from '@mantine/core';
import { zoneSuffix } from '../lib/format';

/** A time typed on the coalition's 24-hour clock: "2026-11-25 14:30", or "14:30" for today. */
export function TimeField({ label, timeZone, description, ...rest }: TextInputProps & { label: string; timeZone: string }) {
  return (
    <TextInput
      label={`${label} ${zoneSuffix(timeZone)}`}
      placeholder="YYYY-MM-DD HH:MM"
      description={description ?? '24-hour; HH:MM alone means today'}
      autoComplete="off"
      {...rest}
    />
  );
}
