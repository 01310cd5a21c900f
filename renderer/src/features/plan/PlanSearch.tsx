import { Anchor, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useState } from 'react';
import { useMethod } from '../../lib/query';
import { Snippet } from './Snippet';

/** Search every plan's text, offline; a hit opens its section. */
export function PlanSearch({ onOpen }: { onOpen: (versionId: string, ordinal: number) => void }) {
  const [query, setQuery] = useState('');
  const [old, setOld] = useState(false);
  const q = useDeferredValue(query.trim());
  const search = useMethod('plan.search', { query: q || ' ', includeSuperseded: old }, { enabled: q.length > 0 });
  const hits = q ? (search.data?.hits ?? []) : [];
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          flex={1}
          label="Search the plans"
          placeholder="A word or two from the text, e.g. partial activation"
          leftSection={<IconSearch size={18} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="plan-search"
        />
        <Checkbox label="Include superseded versions" checked={old} onChange={(e) => setOld(e.currentTarget.checked)} pb={8} />
      </Group>
      {q && (
        <Stack gap={6} data-testid="plan-hits" data-ready={search.isFetching ? 'false' : 'true'}>
          {search.error && <Text c="red">{search.error.message}</Text>}
          {!search.isFetching && !hits.length && <Text c="dimmed">No section of any plan has these words.</Text>}
          {search.data && !search.data.ranked && (
            <Text size="sm" c="orange" fw={600}>
              More than {search.data.matched - 1} sections have these words: the newest are shown first. Add a word to narrow the search.
            </Text>
          )}
          {hits.map((h) => (
            <Paper key={`${h.versionId}:${h.ordinal}`} withBorder p="xs" data-testid="plan-hit">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Anchor component="button" type="button" fw={700} ta="left" onClick={() => onOpen(h.versionId, h.ordinal)}>
                    {h.planTitle} {h.versionLabel} · § {h.heading}
                    {h.page ? ` (p. ${h.page})` : ''}
                  </Anchor>
                  <Snippet text={h.snippet} />
                </Stack>
                <Text size="xs" c={h.current ? 'dimmed' : 'orange'} style={{ whiteSpace: 'nowrap' }}>
                  {h.current ? h.kindLabel : 'SUPERSEDED VERSION'}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
