import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { RefObject } from 'react';
import type { TimelineKind } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';
import type { FilterState } from './filters';
import { KIND_OPTIONS } from './kinds';

interface Props {
  incidentId: string;
  value: FilterState;
  onChange: (f: FilterState) => void;
  searchRef?: RefObject<HTMLInputElement | null>;
}

const ANY = '';

/**
 * One row at 1280 as at 1920: each field has the width it wants and gives way down to the
 * least that still shows its "All …" choice (at 1280 the six wanted 1,170 px of 1,012 and
 * Category went to a second line). A long choice ends in "…", whole on hover.
 */
const field = (basis: number, min: number) => ({ flex: `1 1 ${basis}px`, minWidth: min });
const selectStyles = { input: { textOverflow: 'ellipsis' } };
/** The label of the chosen option, for the hover text of a select that may cut it. */
const chosen = (options: readonly { value: string; label: string }[], value: string) => options.find((o) => o.value === value)?.label;

/**
 * Type, position, operator, period, category and words: every filter the timeline has.
 * Native selects: they open instantly, take type-ahead, and cost nothing to mount. "Clear
 * filters" is beside the count the filters change, in the screen's header.
 */
export function TimelineFilterBar({ incidentId, value, onChange, searchRef }: Props) {
  const { coalition } = useShell();
  const facets = useMethod('timeline.facets', { incidentId });
  const f = facets.data;
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  // One row from a 1280 screen up (each filter shrinks to what shows its choice); narrower (a
  // smaller window, the page zoomed), they wrap rather than run past the screen.
  const narrow = useMediaQuery('(max-width: 1260px)');
  const periodLabel = (p: { number: number; startsAt: number }) => {
    const s = localParts(p.startsAt, coalition.timeZone);
    return `Period ${p.number} (${s.date.slice(0, 6)} ${s.hm})`;
  };
  const types = [{ value: ANY, label: 'All types' }, ...KIND_OPTIONS];
  const positions = [{ value: ANY, label: 'All positions' }, ...(f?.positions ?? []).map((p) => ({ value: p.id, label: p.title }))];
  const operators = [{ value: ANY, label: 'Anyone' }, ...(f?.operators ?? []).map((o) => ({ value: o, label: o }))];
  const periods = [{ value: ANY, label: 'All periods' }, ...(f?.periods ?? []).map((p) => ({ value: p.id, label: periodLabel(p) }))];
  const categories = [{ value: ANY, label: 'Any category' }, ...(f?.categories ?? []).map((c) => ({ value: c, label: c }))];
  const kind = value.kinds[0] ?? ANY;
  return (
    <Group gap="sm" align="flex-end" wrap={narrow ? 'wrap' : 'nowrap'} data-testid="timeline-filters">
      <TextInput
        ref={searchRef}
        label="Search (Ctrl+F)"
        placeholder="Words to find"
        leftSection={<IconSearch size={16} />}
        value={value.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
        style={field(200, 160)}
        data-testid="timeline-search"
      />
      <NativeSelect
        label="Type"
        data={types}
        value={kind}
        onChange={(e) => set({ kinds: e.currentTarget.value ? [e.currentTarget.value as TimelineKind] : [] })}
        style={field(150, 135)}
        styles={selectStyles}
        title={chosen(types, kind)}
      />
      <NativeSelect
        label="Position"
        data={positions}
        value={value.positionId}
        onChange={(e) => set({ positionId: e.currentTarget.value })}
        style={field(210, 150)}
        styles={selectStyles}
        title={chosen(positions, value.positionId)}
      />
      <NativeSelect
        label="Operator"
        data={operators}
        value={value.operatorName}
        onChange={(e) => set({ operatorName: e.currentTarget.value })}
        style={field(160, 125)}
        styles={selectStyles}
        title={chosen(operators, value.operatorName)}
      />
      <NativeSelect
        label="Period"
        data={periods}
        value={value.periodId}
        onChange={(e) => set({ periodId: e.currentTarget.value })}
        style={field(200, 140)}
        styles={selectStyles}
        title={chosen(periods, value.periodId)}
      />
      <NativeSelect
        label="Category"
        data={categories}
        value={value.category}
        onChange={(e) => set({ category: e.currentTarget.value })}
        style={field(170, 160)}
        styles={selectStyles}
        title={chosen(categories, value.category)}
      />
    </Group>
  );
}
