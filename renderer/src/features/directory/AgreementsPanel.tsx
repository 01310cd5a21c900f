import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { AGREEMENT_STANDINGS, type AgreementStanding } from '../../../../shared/domain/agreements';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { useMethod } from '../../lib/query';
import { openAgreementForm } from './AgreementForm';
import { AgreementsTable } from './AgreementsTable';

const STANDING_WORDS: Record<AgreementStanding, string> = {
  active: 'In effect',
  expiring_soon: 'Expiring soon',
  expired: 'Expired',
  not_yet_effective: 'Not yet in effect',
  open_ended: 'No expiry date',
};

/** Every agreement, expiring and expired ones counted and flagged in words. */
export function AgreementsPanel() {
  const [standing, setStanding] = useState<AgreementStanding | null>(null);
  const q = useMethod('directory.listAgreements', { standing: standing ?? undefined });
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <Select
          label="Standing"
          placeholder="All agreements"
          searchable
          clearable
          data={AGREEMENT_STANDINGS.map((s) => ({ value: s, label: STANDING_WORDS[s] }))}
          value={standing}
          onChange={(v) => setStanding(v as AgreementStanding | null)}
          w={220}
        />
        {q.data && (
          <Group gap="xs" pb={4}>
            <StatusBadge
              tone={q.data.expiringSoon ? 'warn' : 'neutral'}
            >{`${q.data.expiringSoon} expiring soon`}</StatusBadge>
            <StatusBadge tone={q.data.expired ? 'bad' : 'neutral'}>{`${q.data.expired} expired`}</StatusBadge>
            <Text size="sm" c="dimmed">
              as of {q.data.today}
            </Text>
          </Group>
        )}
        <Button ml="auto" leftSection={<IconPlus size={18} />} onClick={() => openAgreementForm(null)}>
          Add agreement
        </Button>
      </Group>
      {q.error && <ErrorPanel title="Agreements could not be read" error={q.error} />}
      <Paper withBorder p="xs">
        <AgreementsTable agreements={q.data?.agreements ?? []} onEdit={openAgreementForm} />
      </Paper>
    </Stack>
  );
}
