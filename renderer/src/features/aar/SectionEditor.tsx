import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { AarSection } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { useSingleCommand } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { openSectionHistory } from './SectionHistory';

/**
 * A narrative section. Saving writes a new revision replacing the one on screen; when two
 * planners saved at once, both texts show side by side until one saves a text for both.
 * Its buttons are named by the section ("Edit Summary"): the report shows several at once.
 * A final report's sections are shown, not edited (`locked`).
 */
export function SectionEditor({ reportId, section, locked = false }: { reportId: string; section: AarSection; locked?: boolean }) {
  const { coalition } = useShell();
  const save = useSingleCommand('aar.saveSection');
  const [draft, setDraft] = useState<string | null>(null);
  const heads = section.heads;
  const by = (h: AarSection['heads'][number]) => `${h.operatorName ?? 'unknown'}${h.positionTitle ? ` (${h.positionTitle})` : ''}, ${formatDateTime(h.at, coalition.timeZone)}`;
  const commit = (text: string) =>
    save.mutate({ reportId, section: section.key, text, baseIds: heads.map((h) => h.id) }, { onSuccess: () => setDraft(null) });
  return (
    <Paper withBorder p="md" data-testid={`section-${section.key}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{section.title}</Title>
          <Group gap="xs">
            {section.revisions > 0 && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => openSectionHistory(reportId, section)}
                aria-label={`${section.revisions} revision${section.revisions === 1 ? '' : 's'} of ${section.title}`}
              >
                {section.revisions} revision{section.revisions === 1 ? '' : 's'}
              </Button>
            )}
            {draft === null && heads.length <= 1 && !locked && (
              <Button size="xs" variant="default" onClick={() => setDraft(heads[0]?.text ?? '')} data-testid="section-edit" aria-label={`Edit ${section.title}`}>
                Edit
              </Button>
            )}
          </Group>
        </Group>
        {heads.length > 1 && draft === null && (
          <Alert color="yellow" title={`${heads.length} versions were saved at the same time`} data-testid="section-conflict">
            <Text size="sm" mb="xs">
              Both are kept. Keep one, or write one text from both: it replaces them all, and every version stays in the history.
            </Text>
            <SimpleGrid cols={heads.length}>
              {heads.map((h) => (
                <Paper withBorder p="sm" key={h.id}>
                  <Text size="xs" c="dimmed" mb={4}>
                    {by(h)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {h.text}
                  </Text>
                  <Button size="xs" mt="xs" variant="default" disabled={locked} onClick={() => commit(h.text)} loading={save.isPending} aria-label={`Keep this version of ${section.title}, by ${by(h)}`}>
                    Keep this version
                  </Button>
                </Paper>
              ))}
            </SimpleGrid>
            <Button size="xs" mt="sm" disabled={locked} onClick={() => setDraft(heads.map((h) => h.text).join('\n\n'))} aria-label={`Write one text from both versions of ${section.title}`}>
              Write one text from both
            </Button>
          </Alert>
        )}
        {draft === null && heads.length === 1 && (
          <>
            <Text style={{ whiteSpace: 'pre-line' }} data-testid="section-text">
              {heads[0]!.text || '(empty)'}
            </Text>
            <Text size="xs" c="dimmed">
              Last written by {by(heads[0]!)}
            </Text>
          </>
        )}
        {draft === null && heads.length === 0 && <Text c="dimmed">Not written yet.</Text>}
        {draft !== null && (
          <>
            <Textarea value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={3} maxRows={16} aria-label={section.title} data-autofocus />
            <Group gap="xs">
              <Button size="xs" onClick={() => commit(draft)} loading={save.isPending} data-testid="section-save" aria-label={`Save ${section.title}`}>
                Save
              </Button>
              <Button size="xs" variant="default" onClick={() => setDraft(null)} aria-label={`Cancel editing ${section.title}`}>
                Cancel
              </Button>
            </Group>
          </>
        )}
        {save.data?.concurrent && (
          <Text size="sm" c="orange">
            Someone else saved this section while you were writing: both versions are kept above.
          </Text>
        )}
        {save.error && <Text c="red">{save.error.message}</Text>}
      </Stack>
    </Paper>
  );
}
