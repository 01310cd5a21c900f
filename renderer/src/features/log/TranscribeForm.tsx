import { Alert, Button, Group, NativeSelect, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Incident } from '../../../../shared/contract';
import { ENTRY_SOURCES, type EntrySource } from '../../../../shared/domain/incident-rules';
import { BackendError } from '../../backend';
import { useShell } from '../../lib/shell-context';
import { formatDateTime, zoneSuffix } from '../../lib/format';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useNow } from '../../lib/use-now';
import { SOURCE_LABELS } from './sources';
import { parseTranscription } from './transcribe-parse';
import { TranscribePreview } from './TranscribePreview';
import classes from './transcribe.module.css';
import { useCategories } from './use-categories';

type Source = Exclude<EntrySource, 'direct'>;
/** log.import refuses 'direct': a transcription always says where it came from. */
const SOURCES = ENTRY_SOURCES.filter((s): s is Source => s !== 'direct').map((s) => ({
  value: s,
  label: SOURCE_LABELS[s],
}));

const PLACEHOLDER = [
  '21:40 EOC phone line down, running on radio',
  '2215 Situation: Mercy on generator, 42 inpatients',
  '   sheltering in place until morning',
  '2026-11-24 23:05 Resource: 3 ambulances staged at north lot',
].join('\n');

interface Props {
  incident: Incident;
  /** Every keystroke: the modal asks before discarding typed lines. */
  onTyped: (text: string) => void;
  onCancel: () => void;
  onRecorded: (positionId: string) => void;
}

/**
 * A paper ICS 214 or radio log typed in one go: where it goes, where it came from, and the
 * lines; the preview shows what will be recorded and nothing is written until Record.
 */
export function TranscribeForm({ incident, onTyped, onCancel, onRecorded }: Props) {
  const { coalition, session } = useShell();
  const positions = useMethod('position.list', {});
  const facets = useMethod('timeline.facets', { incidentId: incident.id });
  const importLog = useSingleCommand('log.import');
  const now = useNow(10_000);
  const [positionId, setPositionId] = useState(session.position.id);
  const [source, setSource] = useState<Source>('paper');
  const [category, setCategory] = useState('General');
  const [text, setText] = useState('');
  const [sentLines, setSentLines] = useState<number[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);

  const categories = useCategories(facets.data?.categories);
  const positionOptions = (positions.data?.positions ?? [session.position]).map((p) => ({
    value: p.id,
    label: p.title,
  }));
  const positionTitle = positionOptions.find((p) => p.value === positionId)?.label ?? session.position.title;
  const timeZone = coalition.timeZone;
  // The preview may lag a keystroke behind a 1,000-line paste; typing never waits for it.
  const deferred = useDeferredValue(text);
  // A radio or phone log names who spoke at the start of a line ("Medic 12: en route").
  const heardFrom = source === 'radio' || source === 'phone';
  const t = useMemo(
    () => parseTranscription(deferred, { timeZone, now, categories, defaultCategory: category, heardFrom }),
    [deferred, timeZone, now, categories, category, heardFrom],
  );

  const record = () => {
    // Read again as it stands (the preview may be a keystroke behind), against the same
    // clock as the preview, so no line moves to another day between showing and saving.
    const fresh = parseTranscription(text, { timeZone, now, categories, defaultCategory: category, heardFrom });
    // A second press while this travels is dropped by useSingleCommand, not here.
    if (!fresh.ready) return;
    setSentLines(fresh.entryLines);
    importLog.mutate(
      { incidentId: incident.id, positionId, source, entries: fresh.entries },
      {
        onSuccess: (r) => {
          const times = fresh.entries.map((e) => e.occurredAt);
          const span = `${formatDateTime(Math.min(...times), timeZone)} to ${formatDateTime(Math.max(...times), timeZone)}`;
          notifications.show({
            color: 'teal',
            title: `${r.imported} ${r.imported === 1 ? 'entry' : 'entries'} recorded`,
            message: `Into the ${positionTitle} log, transcribed from ${SOURCE_LABELS[source].toLowerCase()}: ${span}.`,
          });
          onRecorded(positionId);
        },
      },
    );
  };

  // Reads the text from the field itself, so the memoized preview keeps one callback.
  const goToLine = useCallback((line: number) => {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }, []);

  const count = t.entries.length;
  return (
    <form
      noValidate
      data-testid="transcribe-form"
      className={classes.form}
      onSubmit={(e) => {
        e.preventDefault();
        record();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          record();
        }
      }}
    >
      <Group grow align="flex-start">
        <NativeSelect
          label="Log of (block 3-4: unit or position)"
          data={positionOptions}
          value={positionId}
          onChange={(e) => setPositionId(e.currentTarget.value)}
        />
        <NativeSelect
          label="Came by (type to pick)"
          data={SOURCES}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value as Source)}
        />
        <NativeSelect
          label="Category unless a line names one"
          data={categories}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
        />
      </Group>
      <Textarea
        ref={area}
        data-autofocus
        label="Lines, one entry each"
        description={`Time first, 24-hour ${zoneSuffix(timeZone)}: 14:30, 1430 or 2026-11-24 14:30 (times without a date run on in the order of the log: 22:00 then 02:00 is the next morning, and none is in the future). “Situation: …” sets the category${heardFrom ? '; any other name before a colon is who spoke (“Medic 12: en route”)' : ''}; a line starting with a space continues the one above. Each entry keeps its time and is marked as transcribed, with its source.`}
        placeholder={PLACEHOLDER}
        autosize
        minRows={6}
        maxRows={14}
        spellCheck={false}
        autoComplete="off"
        classNames={{ input: classes.lines }}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          onTyped(e.currentTarget.value);
          if (importLog.error) importLog.reset();
        }}
      />
      <TranscribePreview t={t} timeZone={timeZone} onGoToLine={goToLine} />
      {importLog.error && <ImportRefused error={importLog.error} sentLines={sentLines} />}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          Enter new line · Ctrl+Enter records · Esc closes
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={!t.ready} loading={importLog.isPending} data-testid="transcribe-record">
            {count ? `Record ${count.toLocaleString('en-US')} ${count === 1 ? 'entry' : 'entries'}` : 'Record entries'}
          </Button>
        </Group>
      </Group>
    </form>
  );
}

/** The backend's refusal in words; it names entries by number, the operator counts lines. */
function ImportRefused({ error, sentLines }: { error: BackendError; sentLines: number[] }) {
  const issues =
    error instanceof BackendError
      ? ((error.error.details as { issues?: { path: string[] }[] } | undefined)?.issues ?? [])
      : [];
  const lines = [
    ...new Set(
      issues.map((i) => /^entries\.(\d+)(\.|$)/.exec(i.path.join('.'))).flatMap((m) => (m ? [Number(m[1])] : [])),
    ),
  ];
  return (
    <Alert color="red" role="alert" title="Nothing recorded" data-testid="transcribe-refused">
      {error.message}
      {lines.map((i) => sentLines[i] !== undefined && <div key={i}>{`Entry ${i + 1} is line ${sentLines[i]}.`}</div>)}
    </Alert>
  );
}
