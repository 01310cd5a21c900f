import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { RefObject } from 'react';
import type { TimelineKind } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';
import { isFiltered, NO_FILTERS, type FilterState } from './filters';
import { KIND_OPTIONS } from './kinds';

interface Props {
  incidentId: string;
  value: FilterState;
  onChange: (f: FilterState) => void;
  searchRef?: RefObject<HTMLInputElement | null>;
}

const ANY = '';

/**
 * Type, position, operator, period, category and words: every filter the timeline has.
 * Native selects: they open instantly, take type-ahead, and cost nothing to mount.
 */
export function TimelineFilterBar({ incidentId, value, onChange, searchRef }: Props) {
  const { coalition } = useShell();
  const facets = useMethod('timeline.facets', { incidentId });
  const f = facets.data;
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const periodLabel = (p: { number: number; startsAt: number }) => {
    const s = localParts(p.startsAt, coalition.timeZone);
    return `Period ${p.number} (${s.date.slice(0, 6)} ${s.hm})`;
  };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="timeline-filters">
      <TextInput
        ref={searchRef}
        label="Search (Ctrl+F)"
        placeholder="Words in entries, decisions, messages"
        leftSection={<IconSearch size={16} />}
        value={value.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
        w={240}
        data-testid="timeline-search"
      />
      <NativeSelect
        label="Type"
        data={[{ value: ANY, label: 'All types' }, ...KIND_OPTIONS]}
        value={value.kinds[0] ?? ANY}
        onChange={(e) => set({ kinds: e.currentTarget.value ? [e.currentTarget.value as TimelineKind] : [] })}
        w={150}
      />
      <NativeSelect
        label="Position"
        data={[{ value: ANY, label: 'All positions' }, ...(f?.positions ?? []).map((p) => ({ value: p.id, label: p.title }))]}
        value={value.positionId}
        onChange={(e) => set({ positionId: e.currentTarget.value })}
        w={210}
      />
      <NativeSelect
        label="Operator"
        data={[{ value: ANY, label: 'Anyone' }, ...(f?.operators ?? [])]}
        value={value.operatorName}
        onChange={(e) => set({ operatorName: e.currentTarget.value })}
        w={160}
      />
      <NativeSelect
        label="Period"
        data={[{ value: ANY, label: 'All periods' }, ...(f?.periods ?? []).map((p) => ({ value: p.id, label: periodLabel(p) }))]}
        value={value.periodId}
        onChange={(e) => set({ periodId: e.currentTarget.value })}
        w={190}
      />
      <NativeSelect
        label="Category"
        data={[{ value: ANY, label: 'Any category' }, ...(f?.categories ?? [])]}
        value={value.category}
        onChange={(e) => set({ category: e.currentTarget.value })}
        w={160}
      />
      {isFiltered(value) && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
