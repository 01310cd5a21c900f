import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { RefObject } from 'react';
import type { TimelineKind } from '../../../../shared/contract';
import { useShell } from '../../app/shell-context';
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

/** Type, position, operator, period, category and words: every filter the timeline has. */
export function TimelineFilterBar({ incidentId, value, onChange, searchRef }: Props) {
  const { coalition } = useShell();
  const facets = useMethod('timeline.facets', { incidentId });
  const f = facets.data;
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const periodLabel = (p: { number: number; startsAt: number }) => {
    const s = localParts(p.startsAt, coalition.timeZone);
    return `Period ${p.number} · from ${s.date.slice(0, 6)} ${s.hm}`;
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
        w={300}
        data-testid="timeline-search"
      />
      <MultiSelect label="Type" placeholder={value.kinds.length ? undefined : 'All types'} data={KIND_OPTIONS} value={value.kinds} onChange={(v) => set({ kinds: v as TimelineKind[] })} w={230} clearable />
      <Select
        label="Position"
        placeholder="All positions"
        data={(f?.positions ?? []).map((p) => ({ value: p.id, label: p.title }))}
        value={value.positionId || null}
        onChange={(v) => set({ positionId: v ?? '' })}
        searchable
        clearable
        w={230}
      />
      <Select label="Operator" placeholder="Anyone" data={f?.operators ?? []} value={value.operatorName || null} onChange={(v) => set({ operatorName: v ?? '' })} searchable clearable w={180} />
      <Select
        label="Period"
        placeholder="All periods"
        data={(f?.periods ?? []).map((p) => ({ value: p.id, label: periodLabel(p) }))}
        value={value.periodId || null}
        onChange={(v) => set({ periodId: v ?? '' })}
        clearable
        w={240}
      />
      <Select label="Category" placeholder="Any category" data={f?.categories ?? []} value={value.category || null} onChange={(v) => set({ category: v ?? '' })} searchable clearable w={180} />
      {isFiltered(value) && (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
