import { Alert, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { StatusFlag } from '../../../../shared/contract';

/**
 * Values the console finds implausible: each is said in words and needs a reason before it
 * is kept (or the value is corrected above). Nothing is dropped or kept silently.
 */
export function FlagReasons({ flags, reasons, onChange, title }: { flags: StatusFlag[]; reasons: Record<string, string>; onChange(key: string, reason: string): void; title?: string }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title={title ?? 'Check these values with the caller'} data-testid="status-flags" role="alert">
      <Stack gap="sm">
        {flags.map((f, i) => (
          <Stack key={f.key} gap={4}>
            <Text fw={600}>{f.message}</Text>
            <TextInput
              label="Reason it is right"
              placeholder="e.g. surge unit opened; confirmed with the house supervisor"
              value={reasons[f.key] ?? ''}
              onChange={(e) => onChange(f.key, e.currentTarget.value)}
              data-autofocus={i === 0 ? true : undefined}
              autoFocus={i === 0}
              data-testid="flag-reason"
            />
          </Stack>
        ))}
        <Text size="sm">Correct the value above, or give a reason for each and save again.</Text>
      </Stack>
    </Alert>
  );
}
