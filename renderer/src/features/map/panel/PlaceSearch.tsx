import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { PlaceResult } from '../../../../../shared/contract';
import { useMethod } from '../../../lib/query';

const KIND_WORDS: Record<PlaceResult['kind'], string> = { town: 'Town', zip: 'ZIP code', organisation: 'Member', cache: 'Cache', request: 'Request' };
const optionOf = (r: PlaceResult) => `${r.label} · ${KIND_WORDS[r.kind]}${r.kind === 'town' || r.kind === 'zip' ? '' : ` · ${r.detail}`}`;

/** Find a town, ZIP code, member, cache or request without a network: the backend searches its own data. */
export const PlaceSearch = memo(function PlaceSearch({ incidentId, onFound }: { incidentId: string | null; onFound: (r: PlaceResult) => void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const q = useMethod('map.search', incidentId ? { query: debounced, incidentId } : { query: debounced }, { enabled: debounced.length >= 2 });
  const results = debounced.length >= 2 ? (q.data?.results ?? []) : [];
  return (
    <Autocomplete
      label="Find a place"
      placeholder="Town, ZIP code, member, cache or request"
      leftSection={<IconSearch size={16} />}
      value={query}
      onChange={setQuery}
      data={[...new Set(results.map(optionOf))]}
      filter={({ options }) => options}
      limit={20}
      w={360}
      data-testid="map-search"
      onOptionSubmit={(v) => {
        const r = results.find((x) => optionOf(x) === v);
        if (r) onFound(r);
        setQuery('');
      }}
    />
  );
});
