import { Anchor, Checkbox, Collapse, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChecklistItem } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { formatDateTime } from '../../lib/format';
import { useCommand } from '../../lib/query';

/** An item, its state, who last ticked it and when; the full history of ticks on demand. */
export function ChecklistRow({ item, readOnly }: { item: ChecklistItem; readOnly: boolean }) {
  const { coalition } = useShell();
  const tick = useCommand('incident.tick');
  const [history, setHistory] = useState(false);
  const last = item.ticks[item.ticks.length - 1];
  const who = (t: ChecklistItem['ticks'][number]) =>
    `${t.done ? 'Ticked' : 'Unticked'} by ${t.operatorName ?? 'unknown'}${t.positionTitle ? ` (${t.positionTitle})` : ''}, ${formatDateTime(t.at, coalition.timeZone)}`;
  return (
    <Stack gap={2} data-testid="checklist-item">
      <Checkbox
        label={item.text}
        // Shows the tick at once; the record follows within the round trip.
        checked={tick.isPending && tick.variables ? tick.variables.done : item.done}
        disabled={readOnly || tick.isPending}
        onChange={(e) => tick.mutate({ itemId: item.id, done: e.currentTarget.checked })}
        styles={{ label: { fontWeight: 500, textDecoration: item.done ? 'line-through' : undefined } }}
      />
      {last && (
        <Text size="xs" c="dimmed" pl={32}>
          {who(last)}
          {item.ticks.length > 1 && (
            <>
              {' · '}
              <Anchor
                size="xs"
                component="button"
                type="button"
                onClick={() => setHistory((h) => !h)}
                // Named by the item: every item with a history shows one.
                aria-label={history ? `hide history of ${item.text}` : `${item.ticks.length} changes to ${item.text}`}
              >
                {history ? 'hide history' : `${item.ticks.length} changes`}
              </Anchor>
            </>
          )}
        </Text>
      )}
      <Collapse expanded={history}>
        <Stack gap={0} pl={32}>
          {item.ticks.map((t) => (
            <Text key={t.id} size="xs" c="dimmed">
              {who(t)}
              {t.note ? ` — ${t.note}` : ''}
            </Text>
          ))}
        </Stack>
      </Collapse>
      {tick.error && (
        <Text size="xs" c="red">
          {tick.error.message}
        </Text>
      )}
    </Stack>
  );
}
