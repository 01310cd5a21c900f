import { Alert, Stack, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { localParts } from '../../lib/format';
import { describeTranscription, type Transcription } from './transcribe-parse';
import classes from './transcribe.module.css';

/** Errors listed above the table: in a long paste the bad line may be far down. */
const LISTED_ERRORS = 3;

/**
 * What will be recorded, line by line, before anything is: each entry's time on the
 * coalition's clock with its zone, its category and text; each bad line with what to fix.
 */
export const TranscribePreview = memo(function TranscribePreview({
  t,
  timeZone,
  onGoToLine,
}: {
  t: Transcription;
  timeZone: string;
  onGoToLine: (line: number) => void;
}) {
  const bad = t.lines.filter((l) => !l.ok);
  return (
    <div className={classes.preview} data-testid="transcribe-preview">
      <Text
        fw={700}
        c={t.errors || t.tooMany ? 'red' : t.ready ? 'teal' : 'dimmed'}
        aria-live="polite"
        data-testid="transcribe-summary"
      >
        {describeTranscription(t)}
      </Text>
      {(bad.length > 0 || t.tooMany) && (
        <Alert color="red" variant="light" p="xs" data-testid="transcribe-errors">
          <Stack gap={2}>
            {t.tooMany && <Text size="sm">{t.tooMany}.</Text>}
            {bad.slice(0, LISTED_ERRORS).map((l) => (
              <button key={l.line} type="button" className={classes.goto} onClick={() => onGoToLine(l.line)}>
                {l.error}
              </button>
            ))}
            {bad.length > LISTED_ERRORS && (
              <Text size="sm">…and {bad.length - LISTED_ERRORS} more, marked in the table.</Text>
            )}
          </Stack>
        </Alert>
      )}
      {t.lines.length === 0 && (
        <Text c="dimmed" className={classes.hint}>
          Each line shows here as it will be recorded: when it happened on the coalition’s clock, its category and its
          text. Nothing is written until you record.
        </Text>
      )}
      {t.lines.length > 0 && (
        <div className={classes.scroll}>
          <Table
            stickyHeader
            withRowBorders
            verticalSpacing={4}
            horizontalSpacing="xs"
            className={classes.table}
            data-testid="transcribe-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>Line</Table.Th>
                <Table.Th w={170}>Happened</Table.Th>
                <Table.Th w={170}>Category</Table.Th>
                <Table.Th>What happened</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {t.lines.map((l) => {
                if (!l.ok) {
                  return (
                    <Table.Tr key={l.line} className={classes.bad} data-testid="transcribe-row" data-status="error">
                      <Table.Td className={classes.num}>{l.line}</Table.Td>
                      <Table.Td colSpan={3}>
                        <Text size="sm" fw={600} c="red">
                          {l.error}
                        </Text>
                        <Text size="sm" c="dimmed" className={classes.typed}>
                          {l.typed.trim()}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                }
                const p = localParts(l.entry.occurredAt, timeZone);
                return (
                  <Table.Tr key={l.line} data-testid="transcribe-row" data-status={l.warning ? 'warning' : 'ok'}>
                    <Table.Td className={classes.num}>{l.line}</Table.Td>
                    <Table.Td className={classes.time}>
                      {p.date.slice(0, 6)} <b>{p.hm}</b> {p.zone}
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={l.categoryTyped ? undefined : 'dimmed'}
                        title={l.categoryTyped ? undefined : 'The default category'}
                      >
                        {l.entry.category}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className={classes.text}>
                        {l.entry.heardFrom && (
                          <b data-testid="transcribe-from">From {l.entry.heardFrom}: </b>
                        )}
                        {l.entry.text}
                      </Text>
                      {l.warning && (
                        <Text size="sm" fw={600} className={classes.warn}>
                          {l.warning}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </div>
  );
});
