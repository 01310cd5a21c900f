import { NativeSelect, Text, TextInput } from '@mantine/core';
import type { CurrentValue, StatusType } from '../../../../shared/contract';
import { formatAgeShort } from '../../../../shared/domain/status-rules';
import { understoodAs } from '../../../../shared/domain/wall-time';
import { zoneSuffix } from '../../lib/format';
import { useNow } from '../../lib/use-now';

/** "was 12 beds, 3 h 05 min ago (STALE)": the previous value and its age beside the field. */
export function previousWords(v: CurrentValue | undefined): string {
  if (!v) return 'not reported yet';
  return `was ${v.display}, ${formatAgeShort(v.ageMs)} ago${v.staleness === 'CURRENT' ? '' : ` (${v.staleness})`}`;
}

interface Props {
  type: StatusType;
  previous: CurrentValue | undefined;
  value: string;
  error?: string | undefined;
  timeZone: string;
  onChange(v: string): void;
  /** Shorter labels in the grid, where the column heading says what it is. */
  compact?: boolean;
  ariaLabel?: string;
}

/**
 * One status value: a number, a choice, yes/no, a time or text. Empty means "unchanged":
 * only what changed is sent. Choices are native selects, so a person types the first
 * letters or uses the arrow keys without opening anything.
 */
export function EntryField({ type: t, previous, value, error, timeZone, onChange, compact, ariaLabel }: Props) {
  const now = useNow(10_000);
  const label = compact ? undefined : `${t.label}${t.unit ? ` (${t.unit})` : ''}${t.kind === 'datetime' ? ` ${zoneSuffix(timeZone)}` : ''}`;
  // A time value is about what is ahead (a diversion's expiry): a bare HH:MM already past
  // today is tomorrow's, and the full date it was read as shows before saving.
  const understood = t.kind === 'datetime' ? understoodAs(value, timeZone, now, 'later') : null;
  // The age in words, and in colour as a second cue when it is past the interval.
  const description = compact ? undefined : understood ? (
    <Text span size="xs" fw={700}>
      Read as {understood}
    </Text>
  ) : (
    <Text span size="xs" c={previous?.staleness === 'OVERDUE' ? 'red.7' : previous?.staleness === 'STALE' ? 'orange.7' : 'dimmed'} fw={previous && previous.staleness !== 'CURRENT' ? 700 : 400}>
      {previousWords(previous)}
    </Text>
  );
  const common = { label, description, error, 'aria-label': ariaLabel ?? (compact ? t.label : undefined), 'data-type-code': t.code } as const;
  if (t.kind === 'choice' || t.kind === 'yes_no') {
    const options = t.kind === 'yes_no' ? [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] : t.choices.map((c) => ({ value: c.value, label: c.label }));
    // In the grid the "unchanged" entry names the last value, so the row reads as it stands.
    const unchanged = compact ? (previous ? `(${previous.display})` : '—') : '— unchanged —';
    return <NativeSelect {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)} data={[{ value: '', label: unchanged }, ...options]} />;
  }
  return (
    <TextInput
      {...common}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      placeholder={previous ? (t.kind === 'number' ? String(previous.n ?? '') : previous.display) : t.kind === 'datetime' ? 'YYYY-MM-DD HH:MM' : ''}
      inputMode={t.kind === 'number' ? 'decimal' : undefined}
      autoComplete="off"
    />
  );
}
