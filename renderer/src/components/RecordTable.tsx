import { Group, Table, Text, VisuallyHidden, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column heading: its words, and optionally a width, alignment or a longer title on hover. */
export type RecordColumn = string | { label: string; w?: number; ta?: 'center' | 'right'; title?: string };

/**
 * The preparedness lists (plans, alerts, services, hazards) share one shape: a striped table of
 * records, a last column of buttons named "Actions" for screen readers, and a sentence in place
 * of an empty table. One component, so they read and behave alike.
 */
export function RecordTable<T>({
  rows,
  columns,
  empty,
  testId,
  verticalSpacing = 'sm',
  children,
}: {
  rows: readonly T[];
  columns: readonly RecordColumn[];
  empty: ReactNode;
  testId: string;
  verticalSpacing?: MantineSpacing;
  children: (row: T) => ReactNode;
}) {
  if (!rows.length) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table striped verticalSpacing={verticalSpacing} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => {
            const col = typeof c === 'string' ? { label: c } : c;
            return (
              <Table.Th key={col.label} w={col.w} ta={col.ta} title={col.title}>
                {col.label}
              </Table.Th>
            );
          })}
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{rows.map(children)}</Table.Tbody>
    </Table>
  );
}

/** The buttons of a row, kept on one line at the right. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Table.Td>
      <Group gap="xs" wrap="nowrap" justify="flex-end">
        {children}
      </Group>
    </Table.Td>
  );
}
