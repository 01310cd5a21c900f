import { Button, Group, Kbd, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import type { FacilityStatus, StatusType } from '../../../../shared/contract';
import { DISCIPLINE_LABELS, type Discipline } from '../../../../shared/domain/disciplines';
import { REPORT_SOURCE_LABELS, REPORT_SOURCES, type ReportSource } from '../../../../shared/domain/status-rules';
import { wallTimeMs } from '../../../../shared/domain/wall-time';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldAttention, saveTried } from '../../components/FieldAttention';
import { TimeField } from '../../components/TimeField';
import { countOf } from '../../lib/format';
import { useSingleCommand, useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { EntryField } from './EntryField';
import { flagsOf, organisationOf, toPayload, type Typed } from './entry-values';
import { FlagReasons } from './FlagReasons';
import { gridHeadings, type ColumnHeading } from './grid-headings';
import { HeadlineBadge } from './StatusBadges';
import classes from './grid.module.css';
import { useCatalogue } from './use-catalogue';

const DEFAULT_GROUPS = new Set(['Operations', 'Beds', 'Emergency department', 'Utilities', 'Dialysis', 'EMS', 'Evacuation']);
/** What a round of calls to hospitals usually asks: status, EMS traffic, the main bed types, ventilators, power. */
const HOSPITAL_ROUND = ['ops.status', 'ed.ems_traffic', 'beds.adult_icu.available', 'beds.medical_surgical.available', 'beds.pediatrics.available', 'vent.available', 'power.source'];

/** The columns a discipline's grid starts with: its main numbers and conditions, not baselines or text. */
function defaultColumns(set: readonly string[], types: ReadonlyMap<string, StatusType>): string[] {
  const byCode = new Map([...types.values()].map((t) => [t.code, t.id]));
  const round = HOSPITAL_ROUND.map((c) => byCode.get(c)).filter((id): id is string => !!id && set.includes(id));
  if (round.length === HOSPITAL_ROUND.length) return round;
  const baselines = new Set([...types.values()].map((t) => t.baselineTypeId).filter(Boolean));
  return set.filter((id) => {
    const t = types.get(id);
    return t && DEFAULT_GROUPS.has(t.group) && !baselines.has(id) && (t.kind === 'number' || t.kind === 'choice') && !t.code.startsWith('evac.');
  }).slice(0, 7);
}

interface Props {
  /** Quick entry for a status request: its facilities and fields, answers linked to it. */
  request?: { id: string; title: string; organisationIds: string[]; typeIds: string[] } | undefined;
}

/**
 * A field's heading: its short words on screen, its whole name (unit included) for a screen
 * reader and as a title. A choice or a number is as wide as what is typed or chosen in it
 * (its select as wide as its longest option, see grid.module.css); text and times get room.
 */
function ColumnTh({ heading, rowSpan, kind }: { heading: ColumnHeading; rowSpan: number; kind: string | undefined }) {
  const wide = kind === 'text' || kind === 'datetime';
  return (
    <Table.Th rowSpan={rowSpan} scope="col" title={heading.full} miw={wide ? 180 : undefined} data-column={heading.id}>
      {heading.short === heading.full ? (
        heading.full
      ) : (
        <>
          <span aria-hidden="true">{heading.short}</span>
          <VisuallyHidden>{heading.full}</VisuallyHidden>
        </>
      )}
    </Table.Th>
  );
}

/** Many facilities at once, a row each: Tab across, type only what changed, Ctrl+Enter saves every row, all or none. */
export function GridView({ request }: Props) {
  const { coalition } = useShell();
  const catalogue = useCatalogue();
  const [discipline, setDiscipline] = useState<Discipline>('hospital');
  const [picked, setPicked] = useState<string[] | null>(null);
  const [typed, setTyped] = useState<Record<string, Typed>>({});
  const [reasons, setReasons] = useState<Record<string, Record<string, string>>>({});
  const [source, setSource] = useState<ReportSource>('phone');
  const [when, setWhen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // What cannot be read, by cell (`organisationId:typeId`) and for the time reported: the
  // fields are marked, and FieldAttention names them and takes the focus to the first.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const scope = useRef<HTMLDivElement>(null);
  const facilitiesQ = useMethod('status.facilities', request ? {} : { discipline });
  const save = useSingleCommand('status.reportMany');
  const sets = useMemo(() => new Map((catalogue.data?.sets ?? []).map((s) => [s.discipline, s.typeIds])), [catalogue.data]);
  const rows: FacilityStatus[] = useMemo(() => {
    const all = facilitiesQ.data?.facilities ?? [];
    return request ? all.filter((f) => request.organisationIds.includes(f.organisationId)) : all;
  }, [facilitiesQ.data, request]);
  const columns = request?.typeIds ?? picked ?? defaultColumns(sets.get(discipline) ?? [], catalogue.types);
  const headings = gridHeadings(columns, catalogue.types);
  const grouped = headings.some((g) => g.label);
  // Each cell shows the facility's last value as its placeholder.
  const current = useMethod('status.currentValues', { organisationIds: rows.map((r) => r.organisationId), typeIds: columns }, { enabled: rows.length > 0 && columns.length > 0 });
  const previous = useMemo(() => new Map((current.data?.values ?? []).map((v) => [`${v.organisationId}:${v.typeId}`, v])), [current.data]);
  const flags = flagsOf(save.error);
  const flaggedOrg = organisationOf(save.error);
  const inSet = (f: FacilityStatus, typeId: string) => (sets.get(f.discipline) ?? []).includes(typeId);

  const submit = () => {
    // A refused save moves the focus to the first cell at fault, however far across the grid.
    saveTried(scope.current);
    setProblem(null);
    const reports = [];
    const found: Record<string, string> = {};
    for (const f of rows) {
      // Only the columns on the grid: a value typed in a column since taken off is neither saved unseen nor refused unseen.
      const onGrid = Object.fromEntries(Object.entries(typed[f.organisationId] ?? {}).filter(([typeId]) => columns.includes(typeId)));
      const { values, problems: p } = toPayload(catalogue.types, onGrid, coalition.timeZone);
      for (const [typeId, words] of Object.entries(p)) found[`${f.organisationId}:${typeId}`] = words;
      if (!values.length) continue;
      const r = Object.entries(reasons[f.organisationId] ?? {}).filter(([, x]) => x.trim());
      reports.push({ organisationId: f.organisationId, values, confirmations: r.map(([key, reason]) => ({ key, reason })) });
    }
    const at = when.trim() ? wallTimeMs(when, coalition.timeZone, 'past') : undefined;
    if (at === null) found.when = 'Type the time as 24-hour HH:MM, or YYYY-MM-DD HH:MM';
    setProblems(found);
    if (Object.keys(found).length || at === null) return;
    if (!reports.length) return setProblem('Nothing was typed: enter the values the facilities reported');
    save.mutate(
      { reports, source, ...(at !== undefined ? { occurredAt: at } : {}), ...(request ? { statusRequestId: request.id } : {}) },
      {
        onSuccess: (r) => {
          setTyped({});
          setReasons({});
          notifications.show({ color: 'teal', title: 'Status saved', message: countOf(r.reportIds.length, 'facility', 'facilities') });
        },
      },
    );
  };

  if (facilitiesQ.error) return <ErrorPanel title="Facilities could not be read" error={facilitiesQ.error} />;
  const typeOptions = (sets.get(discipline) ?? []).map((id) => ({ value: id, label: catalogue.types.get(id)?.label ?? id }));
  return (
    <Stack
      gap="sm"
      data-testid="status-grid"
      ref={scope}
      data-save-scope
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          submit();
        }
      }}
    >
      {request && <Title order={3}>Quick entry: {request.title}</Title>}
      {/* One row of small choices, then the columns: the grid itself gets the height. */}
      <Group grow align="flex-end">
        {!request && (
          <NativeSelect
            label="Discipline"
            value={discipline}
            onChange={(e) => {
              setDiscipline(e.currentTarget.value as Discipline);
              setPicked(null);
            }}
            data={[...sets.keys()].map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))}
          />
        )}
        <NativeSelect label="How it came" value={source} onChange={(e) => setSource(e.currentTarget.value as ReportSource)} data={REPORT_SOURCES.filter((s) => s !== 'import').map((s) => ({ value: s, label: REPORT_SOURCE_LABELS[s] }))} />
        <TimeField label="Time reported" timeZone={coalition.timeZone} reading="past" value={when}
          onChange={(e) => {
            setWhen(e.currentTarget.value);
            setProblems(({ when: _, ...rest }) => rest);
          }}
          description="Blank means now"
          error={problems.when}
        />
      </Group>
      {!request && <MultiSelect label="Columns" data={typeOptions} value={columns} onChange={setPicked} searchable maxDropdownHeight={320} />}
      <Paper withBorder className={classes.frame}>
        <div className={classes.scroller} data-testid="grid-scroller">
          <Table striped withColumnBorders stickyHeader verticalSpacing={4} horizontalSpacing={6} className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={grouped ? 2 : 1} scope="col" className={classes.facility}>
                  Facility
                </Table.Th>
                {headings.map((g) =>
                  g.label ? (
                    <Table.Th key={g.columns[0]!.id} colSpan={g.columns.length} scope="col" className={classes.group}>
                      {g.label}
                    </Table.Th>
                  ) : (
                    <ColumnTh key={g.columns[0]!.id} heading={g.columns[0]!} rowSpan={grouped ? 2 : 1} kind={catalogue.types.get(g.columns[0]!.id)?.kind} />
                  ),
                )}
              </Table.Tr>
              {grouped && (
                <Table.Tr>
                  {headings.flatMap((g) => (g.label ? g.columns.map((c) => <ColumnTh key={c.id} heading={c} rowSpan={1} kind={catalogue.types.get(c.id)?.kind} />) : []))}
                </Table.Tr>
              )}
            </Table.Thead>
            <Table.Tbody>
              {rows.map((f) => (
                <Table.Tr key={f.organisationId} data-testid="grid-row" data-facility={f.name}>
                  <Table.Td className={classes.facility}>
                    <Stack gap={2} className={classes.name}>
                      <Text fw={600}>{f.name}</Text>
                      <HeadlineBadge words={f.headline.words} severity={f.headline.severity} />
                    </Stack>
                  </Table.Td>
                  {columns.map((id) => {
                    const t = catalogue.types.get(id);
                    return (
                      <Table.Td key={id} className={classes.cell}>
                        {t && inSet(f, id) ? (
                          <EntryField
                            compact
                            ariaLabel={`${f.name}: ${t.label}`}
                            type={t}
                            previous={previous.get(`${f.organisationId}:${id}`)}
                            value={typed[f.organisationId]?.[id] ?? ''}
                            error={problems[`${f.organisationId}:${id}`]}
                            timeZone={coalition.timeZone}
                            onChange={(v) => {
                              setTyped((x) => ({ ...x, [f.organisationId]: { ...x[f.organisationId], [id]: v } }));
                              // Corrected, the cell is no longer named among those needing attention.
                              setProblems(({ [`${f.organisationId}:${id}`]: _, ...rest }) => rest);
                            }}
                          />
                        ) : (
                          <Text size="sm" c="dimmed">
                            not in its set
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Paper>
      {flags && flaggedOrg && (
        <FlagReasons
          title={`${rows.find((r) => r.organisationId === flaggedOrg)?.name ?? 'A facility'}: check these values`}
          flags={flags}
          reasons={reasons[flaggedOrg] ?? {}}
          onChange={(k, r) => setReasons((x) => ({ ...x, [flaggedOrg]: { ...x[flaggedOrg], [k]: r } }))}
        />
      )}
      {problem && <Text c="red">{problem}</Text>}
      <FieldAttention />
      {save.error && !flags && <ErrorPanel title="Not saved" error={save.error} />}
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="grid-save">
          Save every row <Kbd ml="xs">Ctrl+Enter</Kbd>
        </Button>
        <Text size="sm" c="dimmed">
          Rows left empty are not sent. All rows are saved together, or none.
        </Text>
      </Group>
    </Stack>
  );
}
