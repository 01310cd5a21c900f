import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { MultiSelect } from '../../../components/MultiSelect';
import { Select } from '../../../components/Select';
import { IconSearch } from '@tabler/icons-react';
import { type Priority, type RequestStatus, type Role, ROLE_LABELS, ROLES } from '../../../../../shared/domain/request-state';
import { allStatusOptions, priorityOptions, statusOptions } from '../lib/labels';
import type { BoardFilters as Filters } from './use-board';

export function BoardFilters({ f, onChange, incidentOptions }: { f: Filters; onChange: (f: Filters) => void; incidentOptions: { value: string; label: string }[] }) {
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label="Search"
        placeholder="Number, organisation, item"
        leftSection={<IconSearch size={16} />}
        value={f.search}
        onChange={(e) => onChange({ ...f, search: e.currentTarget.value })}
        w={220}
        data-testid="board-search"
      />
      <Select label="Incident" placeholder="All incidents" data={incidentOptions} clearable value={f.incidentId} onChange={(v) => onChange({ ...f, incidentId: v })} w={220} />
      <MultiSelect
        label="Status"
        placeholder={f.statuses.length ? undefined : 'Any status'}
        data={f.scope === 'open' ? statusOptions : allStatusOptions}
        value={f.statuses}
        onChange={(v) => onChange({ ...f, statuses: v as RequestStatus[] })}
        clearable
        w={220}
      />
      <MultiSelect
        label="Priority"
        placeholder={f.priorities.length ? undefined : 'Any priority'}
        data={priorityOptions}
        value={f.priorities}
        onChange={(v) => onChange({ ...f, priorities: v as Priority[] })}
        clearable
        w={170}
      />
      <Select
        label="Show"
        data={[
          { value: 'all', label: 'Everything' },
          { value: 'urgent', label: 'Urgent only' },
          { value: 'overdue', label: 'Overdue only' },
        ]}
        value={f.flag ?? 'all'}
        allowDeselect={false}
        onChange={(v) => onChange({ ...f, flag: v === 'all' ? null : (v as Filters['flag']) })}
        w={150}
      />
      <Select
        label="Next action by"
        placeholder="Anyone"
        data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        value={f.nextActionRole}
        clearable
        onChange={(v) => onChange({ ...f, nextActionRole: v as Role | null })}
        w={200}
      />
    </Group>
  );
}

/** Open (default), finished (closed, denied, cancelled) or all requests. */
export function ScopeControl({ f, onChange }: { f: Filters; onChange: (f: Filters) => void }) {
  return (
    <SegmentedControl
      aria-label="Requests to show"
      data={[
        { value: 'open', label: 'Open' },
        { value: 'closed', label: 'Finished' },
        { value: 'all', label: 'All' },
      ]}
      value={f.scope}
      onChange={(v) => onChange({ ...f, scope: v as Filters['scope'], statuses: [] })}
    />
  );
}
