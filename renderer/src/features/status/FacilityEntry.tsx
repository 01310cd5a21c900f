import { Button, Group, Kbd, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import type { StatusType } from '../../../../shared/contract';
import { REPORT_SOURCE_LABELS, REPORT_SOURCES, type ReportSource } from '../../../../shared/domain/status-rules';
import { wallTimeMs } from '../../../../shared/domain/wall-time';
import { DiscardPrompt } from '../../components/DiscardPrompt';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldAttention, saveTried } from '../../components/FieldAttention';
import { TimeField } from '../../components/TimeField';
import { useSingleCommand, useMethod } from '../../lib/query';
import { EntryField } from './EntryField';
import entryCss from './entry.module.css';
import { flagsOf, toPayload, type Typed } from './entry-values';
import { FlagReasons } from './FlagReasons';
import { StalenessBadge, HeadlineBadge } from './StatusBadges';

interface Props {
  organisationId: string;
  types: ReadonlyMap<string, StatusType>;
  timeZone: string;
  /** After a save: `next` moves on to the next facility of the list. */
  onSaved(next: boolean): void;
  onBack(): void;
  statusRequestId?: string | undefined;
}

const WHEN_PROBLEM = 'Type the time as 24-hour HH:MM, or YYYY-MM-DD HH:MM';

/**
 * One facility's status as it is phoned or radioed in: its EEI set in order, each field
 * showing the previous value and its age, taking only what changed. Ctrl+Enter saves and
 * moves to the next facility; Esc goes back to the list. Implausible values come back as
 * flags to confirm with a reason. Keyed by facility by its parent, so each facility starts a new report.
 */
export function FacilityEntry({ organisationId, types, timeZone, onSaved, onBack, statusRequestId }: Props) {
  const q = useMethod('status.facility', { organisationId });
  const report = useSingleCommand('status.report');
  const [typed, setTyped] = useState<Typed>({});
  const [source, setSource] = useState<ReportSource>('phone');
  const [reportedBy, setReportedBy] = useState('');
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  // Leaving with values typed and not saved asks first, as every dialog does: Esc again (or
  // Back again) keeps the work, only Discard drops it.
  const [askDiscard, setAskDiscard] = useState(false);
  const wasIn = useRef<HTMLElement | null>(null);
  // The reporter's name stays in its field after a save, for the next report: unsaved only when changed since.
  const [savedReporter, setSavedReporter] = useState('');
  const unsaved = [...Object.values(typed), note, reportedBy.trim() === savedReporter.trim() ? '' : reportedBy].filter((v) => v.trim() !== '').length;
  // Nothing left unsaved (cleared by hand): no question any more, and none comes back at the
  // next key typed (the prompt taking the focus from the field being typed in).
  if (askDiscard && !unsaved) setAskDiscard(false);
  const keepEditing = () => {
    setAskDiscard(false);
    requestAnimationFrame(() => wasIn.current?.focus());
  };
  const leave = () => {
    if (!unsaved) return onBack();
    if (askDiscard) return keepEditing();
    wasIn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAskDiscard(true);
  };
  const flags = flagsOf(report.error);
  // A field marked after a refused save is checked again as it is edited: its words go once
  // it is right (and "Nothing was changed" once anything is typed), and change if still wrong.
  const marked = useRef(new Set<string>());
  const corrected = (key: string, problem: string | undefined) =>
    setProblems((p) => {
      if (!marked.current.has(key) && !('none' in p)) return p;
      const rest = { ...p };
      delete rest.none;
      if (marked.current.has(key)) {
        if (problem) rest[key] = problem;
        else delete rest[key];
      }
      return rest;
    });
  const scope = useRef<HTMLDivElement>(null);

  const d = q.data;
  const groups = useMemo(() => {
    const out = new Map<string, StatusType[]>();
    for (const id of d?.typeIds ?? []) {
      const t = types.get(id);
      if (t) out.set(t.group, [...(out.get(t.group) ?? []), t]);
    }
    return [...out];
  }, [d, types]);
  const previous = useMemo(() => new Map((d?.values ?? []).map((v) => [v.typeId, v])), [d]);

  const submit = (next: boolean) => {
    // A refused save moves the focus to the first field named, however far up the form.
    saveTried(scope.current);
    const { values, problems: p } = toPayload(types, typed, timeZone);
    const at = when.trim() ? wallTimeMs(when, timeZone, 'past') : undefined;
    if (at === null) p.when = WHEN_PROBLEM;
    marked.current = new Set(Object.keys(p));
    setProblems(p);
    if (Object.keys(p).length) return;
    if (!values.length) {
      setProblems({ none: 'Nothing was changed: type at least one value that the facility reported' });
      return;
    }
    report.mutate(
      {
        organisationId,
        values,
        source,
        ...(reportedBy.trim() ? { reportedBy } : {}),
        ...(note.trim() ? { note } : {}),
        ...(typeof at === 'number' ? { occurredAt: at } : {}),
        ...(statusRequestId ? { statusRequestId } : {}),
        confirmations: Object.entries(reasons)
          .filter(([, r]) => r.trim())
          .map(([key, reason]) => ({ key, reason })),
      },
      {
        onSuccess: () => {
          setTyped({});
          setSavedReporter(reportedBy);
          setAskDiscard(false);
          setReasons({});
          setNote('');
          notifications.show({ color: 'teal', title: 'Status saved', message: `${d?.facility.name ?? 'Facility'}: ${values.length} value${values.length === 1 ? '' : 's'}` });
          onSaved(next);
        },
      },
    );
  };

  if (q.error) return <ErrorPanel title="This facility could not be read" error={q.error} />;
  if (!d) return null;
  const f = d.facility;
  return (
    <Paper
      withBorder
      p="md"
      data-testid="status-entry"
      data-facility={f.name}
      ref={scope}
      data-save-scope
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          submit(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          leave();
        }
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} data-testid="entry-facility">
              {f.name}
            </Title>
            <Text size="sm" c="dimmed">
              {f.disciplineLabel} · {f.town}
              {d.lastReport ? ` · last report by ${d.lastReport.source === 'import' ? 'import' : REPORT_SOURCE_LABELS[d.lastReport.source].toLowerCase()}${d.lastReport.reportedBy ? ` from ${d.lastReport.reportedBy}` : ''}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            <HeadlineBadge words={f.headline.words} severity={f.headline.severity} />
            <StalenessBadge staleness={f.headline.staleness} ageMs={f.headline.ageMs} />
          </Group>
        </Group>
        {d.contacts.length > 0 && (
          <Text size="sm" data-testid="entry-contacts">
            {d.contacts.map((c) => `${c.name}${c.role ? ` (${c.role})` : ''}${c.phone24x7 ? ` 24/7 ${c.phone24x7}` : ''}${c.radio ? ` · ${c.radio}` : ''}`).join('  ·  ')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} className={entryCss.aligned}>
          <TextInput label="Reported by (at the facility)" value={reportedBy} onChange={(e) => setReportedBy(e.currentTarget.value)} autoFocus data-autofocus autoComplete="off" />
          <NativeSelect label="How it came" value={source} onChange={(e) => setSource(e.currentTarget.value as ReportSource)} data={REPORT_SOURCES.filter((s) => s !== 'import').map((s) => ({ value: s, label: REPORT_SOURCE_LABELS[s] }))} />
          <TimeField label="Time reported" timeZone={timeZone} reading="past" value={when} onChange={(e) => {
                const v = e.currentTarget.value;
                setWhen(v);
                corrected('when', v.trim() && wallTimeMs(v, timeZone, 'past') === null ? WHEN_PROBLEM : undefined);
              }}
              description="Blank means now; for a late entry, when the facility said it" error={problems.when} />
        </SimpleGrid>
        {groups.map(([group, list]) => (
          <Stack key={group} gap={4}>
            <Title order={4}>{group}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} verticalSpacing="xs" className={entryCss.aligned}>
              {list.map((t) => (
                <EntryField key={t.id} type={t} previous={previous.get(t.id)} value={typed[t.id] ?? ''} error={problems[t.id]} timeZone={timeZone} onChange={(v) => {
                  setTyped((x) => ({ ...x, [t.id]: v }));
                  corrected(t.id, toPayload(types, { [t.id]: v }, timeZone).problems[t.id]);
                }} />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        {flags && <FlagReasons flags={flags} reasons={reasons} onChange={(k, r) => setReasons((x) => ({ ...x, [k]: r }))} />}
        {problems.none && <Text c="red">{problems.none}</Text>}
        {askDiscard && (
          <DiscardPrompt
            fields={unsaved}
            onKeep={keepEditing}
            onDiscard={() => {
              setAskDiscard(false);
              onBack();
            }}
          />
        )}
        <FieldAttention />
        {report.error && !flags && <ErrorPanel title="Not saved" error={report.error} />}
        <Group>
          <Button onClick={() => submit(true)} loading={report.isPending} data-testid="entry-save-next">
            Save and next <Kbd ml="xs">Ctrl+Enter</Kbd>
          </Button>
          <Button variant="default" onClick={() => submit(false)} loading={report.isPending} data-testid="entry-save">
            Save
          </Button>
          <Button variant="subtle" onClick={leave}>
            Back to the list <Kbd ml="xs">Esc</Kbd>
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
