import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMethod } from '../../lib/query';
import { CorrectEntryForm } from './CorrectEntryForm';
import { EntryCard } from './EntryCard';
import { ProposeForm } from './ProposeForm';

/** An entry with its whole correction history, original first, and what can be done with it. */
export function EntryDetail({ entryId }: { entryId: string }) {
  const q = useMethod('log.get', { id: entryId });
  const [mode, setMode] = useState<'view' | 'correct' | 'propose'>('view');
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Loader />;
  const { entry, chain } = q.data;
  const latest = chain[chain.length - 1] ?? entry;
  return (
    <Stack gap="sm" data-testid="entry-detail">
      {chain.length > 1 && (
        <Text size="sm" c="dimmed">
          {chain.length - 1} correction{chain.length > 2 ? 's' : ''}: the original stays on the record, oldest first.
        </Text>
      )}
      {chain.map((e) => (
        <EntryCard key={e.id} entry={e} highlight={e.id === entryId && chain.length > 1} />
      ))}
      {mode === 'view' && (
        <Group>
          <Button onClick={() => setMode('correct')} data-testid="correct-entry">
            Correct this entry
          </Button>
          {latest.significance === 'none' || latest.significance === 'declined' ? (
            <Button variant="default" onClick={() => setMode('propose')} data-testid="propose-entry">
              Propose as significant
            </Button>
          ) : null}
        </Group>
      )}
      {mode === 'correct' && <CorrectEntryForm entry={latest} onDone={() => setMode('view')} />}
      {mode === 'propose' && <ProposeForm entryId={latest.id} onDone={() => setMode('view')} />}
    </Stack>
  );
}
