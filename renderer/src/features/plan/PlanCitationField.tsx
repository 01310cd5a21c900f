import { Select } from '../../components/Select';
import { useDeferredValue, useState } from 'react';
import { useMethod } from '../../lib/query';

/** "versionId:ordinal" as the field holds it, or null when nothing is cited. */
export function parseCitation(value: string): { versionId: string; ordinal: number } | undefined {
  const m = /^([0-9a-f-]{36}):(\d+)$/.exec(value);
  return m ? { versionId: m[1]!, ordinal: Number(m[2]) } : undefined;
}

/**
 * Cites a section of a plan in the library as a decision's authority: type a few words
 * of the plan, pick the section. Optional, beside the authority text.
 */
export function PlanCitationField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [search, setSearch] = useState('');
  const [label, setLabel] = useState('');
  const q = useDeferredValue(search.trim());
  const hits = useMethod('plan.search', { query: q || ' ', limit: 20 }, { enabled: q.length > 1 && q !== label });
  const data = (hits.data?.hits ?? []).map((h) => ({ value: `${h.versionId}:${h.ordinal}`, label: `${h.planTitle} ${h.versionLabel} · § ${h.heading}${h.page ? ` (p. ${h.page})` : ''}` }));
  const chosen = value && label ? [{ value, label }] : [];
  return (
    <Select
      label="Cites a plan section"
      description="Optional: type words from the plan, then pick the section; it opens from the decision"
      placeholder="e.g. partial activation"
      searchable
      clearable
      filter={({ options }) => options}
      nothingFoundMessage={q.length > 1 ? 'No section has these words' : 'Type two letters or more'}
      data={[...chosen, ...data.filter((d) => d.value !== value)]}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v, option) => {
        setLabel(option?.label ?? '');
        onChange(v ?? '');
      }}
      data-testid="plan-citation"
    />
  );
}
