import { Group, NativeSelect, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { FacilityStatus } from '../../../../shared/contract';
import { DISCIPLINE_LABELS, type Discipline } from '../../../../shared/domain/disciplines';
import { countOf } from '../../lib/format';
import { holdTypeAhead } from '../../lib/type-ahead';
import { HeadlineBadge, StalenessBadge } from './StatusBadges';

interface Props {
  facilities: FacilityStatus[];
  search: string;
  onSearch(s: string): void;
  discipline: string;
  onDiscipline(d: string): void;
  disciplines: readonly Discipline[];
  cursor: number;
  onCursor(i: number): void;
  selectedId: string | null;
  onOpen(id: string): void;
  /** The facilities are still being read: an Enter meanwhile opens the one found once they are in. */
  loading: boolean;
}

/**
 * The facilities to enter status for, found by typing: ↑/↓ move, Enter opens the form.
 * Each row says its status and how old it is in words.
 */
export function FacilityPicker({ facilities, search, onSearch, discipline, onDiscipline, disciplines, cursor, onCursor, selectedId, onOpen, loading }: Props) {
  const list = useRef<HTMLDivElement>(null);
  // A name and Enter typed as the screen opens, before the list has come: kept, not lost.
  const enterWaiting = useRef(false);
  useEffect(() => {
    if (!enterWaiting.current || loading) return;
    enterWaiting.current = false;
    const found = facilities[cursor];
    if (found) onOpen(found.organisationId);
  }, [loading, facilities, cursor, onOpen]);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  return (
    <Stack gap="xs" data-testid="facility-picker">
      <Group grow>
        <TextInput
          label="Find facility"
          placeholder="Name or town"
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          data-testid="facility-search"
          autoFocus
          autoComplete="off"
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              onCursor(Math.min(facilities.length - 1, cursor + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              onCursor(Math.max(0, cursor - 1));
            } else if (e.key === 'Enter' && (loading || facilities[cursor])) {
              e.preventDefault();
              // What is typed on at once (who reported it) goes to the form's first field as it opens.
              holdTypeAhead({ focusMoves: true });
              if (loading) enterWaiting.current = true;
              else onOpen(facilities[cursor]!.organisationId);
            }
          }}
        />
        <NativeSelect label="Discipline" value={discipline} onChange={(e) => onDiscipline(e.currentTarget.value)} data={[{ value: '', label: 'All that report' }, ...disciplines.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))]} />
      </Group>
      <Text size="sm" c="dimmed">{`${countOf(facilities.length, 'facility', 'facilities')} · ↓ ↑ to move, Enter to open`}</Text>
      <ScrollArea.Autosize mah="calc(100vh - 320px)">
        <Stack gap={2} ref={list} role="listbox" aria-label="Facilities" data-testid="facility-list">
          {facilities.map((f, i) => (
            <UnstyledButton
              key={f.organisationId}
              role="option"
              aria-selected={f.organisationId === selectedId}
              data-index={i}
              data-testid="facility-row"
              onClick={() => {
                onCursor(i);
                onOpen(f.organisationId);
              }}
              p="xs"
              style={{
                borderRadius: 4,
                outline: i === cursor ? '2px solid var(--mantine-color-indigo-5)' : undefined,
                background: f.organisationId === selectedId ? 'var(--mantine-color-default-hover)' : undefined,
              }}
            >
              <Stack gap={4}>
                <Text fw={600} lh={1.2}>
                  {f.name}
                </Text>
                <Group gap={6}>
                  <HeadlineBadge words={f.headline.words} severity={f.headline.severity} />
                  <StalenessBadge staleness={f.headline.staleness} ageMs={f.headline.ageMs} />
                  <Text size="xs" c="dimmed">
                    {f.disciplineLabel} · {f.town}
                    {f.overdue ? ` · ${f.overdue} overdue` : f.stale ? ` · ${f.stale} stale` : ''}
                  </Text>
                </Group>
              </Stack>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
