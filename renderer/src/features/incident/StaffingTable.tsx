import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { Select } from '../../components/Select';
import { useState } from 'react';
import type { Period } from '../../../../shared/contract';
import { useMethod, useSingleCommand } from '../../lib/query';
import { StaffRow } from './StaffRow';

/** The positions staffed this period and who holds each (ICS 203 in spirit; ICS 214 blocks 4-6). */
export function StaffingTable({ period }: { period: Period }) {
  const positions = useMethod('position.list', {});
  const staff = useSingleCommand('incident.staff');
  const [positionId, setPositionId] = useState<string | null>(null);
  const [holder, setHolder] = useState('');
  const editable = period.status === 'open';
  const staffed = new Set(period.staffing.map((s) => s.positionId));
  const rows = [...period.staffing].sort((a, b) => a.section.localeCompare(b.section) || a.positionTitle.localeCompare(b.positionTitle));
  const filled = rows.filter((s) => s.holderName).length;
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (!positionId) return;
    staff.mutate(
      { periodId: period.id, positionId, holderName: holder.trim() || null },
      {
        onSuccess: () => {
          setPositionId(null);
          setHolder('');
        },
      },
    );
  };
  return (
    <Stack gap={6} data-testid="staffing">
      <Group justify="space-between">
        <Text fw={700}>Positions staffed</Text>
        <Text size="sm" c={filled < rows.length ? 'orange' : 'dimmed'}>
          {filled} of {rows.length} filled
        </Text>
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Position</Table.Th>
            <Table.Th>Held by</Table.Th>
            <Table.Th>Home agency</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <StaffRow key={`${s.id}:${s.holderName}:${s.homeAgency}:${s.contact}`} staffing={s} editable={editable} />
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <form onSubmit={add}>
          <Group gap="xs" align="flex-end">
            <Select
              label="Add a position"
              placeholder="Type to search"
              data={(positions.data?.positions ?? []).filter((p) => !staffed.has(p.id)).map((p) => ({ value: p.id, label: p.title }))}
              value={positionId}
              onChange={setPositionId}
              searchable
              w={300}
            />
            <TextInput label="Held by" placeholder="Name (or leave to fill later)" value={holder} onChange={(e) => setHolder(e.currentTarget.value)} w={240} />
            <Button type="submit" variant="default" disabled={!positionId} loading={staff.isPending}>
              Add position
            </Button>
            {staff.error && (
              <Text c="red" size="sm">
                {staff.error.message}
              </Text>
            )}
          </Group>
        </form>
      )}
    </Stack>
  );
}
