import { Badge, Tooltip } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useMethod } from '../../lib/query';

/**
 * Always in the top bar while the store holds the demonstration coalition, so nobody
 * mistakes a fictional facility or request for a real one. `big` on a wall display, where
 * it must be read from as far as the rest.
 */
export function DemoMarker({ big }: { big?: boolean }) {
  const status = useMethod('demo.status', {});
  if (!status.data?.demo) return null;
  return (
    <Tooltip label="Demonstration coalition: fictional facilities, contacts and requests. Not for real operations." multiline w={280}>
      <Badge
        color="orange"
        variant="filled"
        size={big ? 'xl' : 'lg'}
        radius="sm"
        leftSection={<IconFlask size={big ? 22 : 16} />}
        styles={big ? { label: { fontSize: 'var(--mantine-font-size-xl)' } } : undefined}
        data-testid="demo-marker"
      >
        DEMO DATA
      </Badge>
    </Tooltip>
  );
}
