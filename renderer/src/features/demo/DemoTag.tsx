import { Badge } from '@mantine/core';

/** A row or record that belongs to the demonstration coalition, said in words. */
export function DemoTag({ demo }: { demo: boolean }) {
  if (!demo) return null;
  return (
    <Badge color="orange" variant="outline" size="sm" radius="sm" data-testid="demo-tag" style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      DEMO
    </Badge>
  );
}
