import { Box, Button, Group, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { useMethod } from '../../lib/query';

export const INTEGRITY_BANNER_HEIGHT = 32;

/**
 * On every screen while the last integrity check found a problem: in words, with the first
 * record named, so nobody keeps working from a record changed outside the console unaware.
 */
export function IntegrityBanner() {
  const status = useMethod('integrity.status', {});
  const [, navigate] = useLocation();
  const s = status.data;
  if (!s || s.state !== 'problems') return null;
  const n = s.problems.length + s.moreProblems;
  return (
    <Box
      role="alert"
      data-testid="integrity-banner"
      h={INTEGRITY_BANNER_HEIGHT}
      bg="red.8"
      px="md"
      style={{ display: 'flex', alignItems: 'center', borderBottom: '2px solid var(--mantine-color-red-9)' }}
    >
      <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
        <Text fw={800} c="white" size="sm" style={{ whiteSpace: 'nowrap' }}>
          RECORD INTEGRITY: {n} problem{n === 1 ? '' : 's'} found
        </Text>
        <Text c="white" size="sm" truncate="end" style={{ minWidth: 0 }} title={s.problems[0]?.problem}>
          {s.problems[0]?.problem}
        </Text>
      </Group>
      <Button size="compact-sm" variant="white" color="red" onClick={() => navigate('/settings')}>
        Details
      </Button>
    </Box>
  );
}
