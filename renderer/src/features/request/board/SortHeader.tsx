import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { BoardSort } from './use-board';

export function SortHeader({
  label,
  sort,
  current,
  direction,
  onSort,
  w,
}: {
  label: string;
  sort: BoardSort;
  current: BoardSort;
  direction: 'asc' | 'desc';
  onSort: (s: BoardSort) => void;
  w?: number;
}) {
  const active = sort === current;
  const Icon = !active ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={w} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sort)} fw={700} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {label} <Icon size={14} />
      </UnstyledButton>
    </Table.Th>
  );
}
