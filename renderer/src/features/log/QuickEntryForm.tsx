import { Alert, Badge, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { isTranscribed, type EntrySource } from '../../../../shared/domain/incident-rules';
import { useShell } from '../../lib/shell-context';
import { formatDateTime, localParts } from '../../lib/format';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand, useMethod } from '../../lib/query';
import { ChooseActiveIncident } from '../incident/ChooseActiveIncident';
import { useActiveIncident } from '../incident/use-active-incident';
import { useNow } from '../../lib/use-now';
import { parseWallTime } from '../../../../shared/domain/wall-time';
import { SOURCE_LABELS, SOURCE_OPTIONS } from './sources';
import { useCategories } from './use-categories';

/**
 * Native selects pick by type-ahead ("res" → Resource) with no dropdown to race against,
 * but a select does not submit its form on Enter by itself: here it does, like the text.
 */
const submitOnEnter = (e: React.KeyboardEvent<HTMLSelectElement>) => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  e.currentTarget.form?.requestSubmit();
};

interface Props {
  initialCategory: string;
  onSaved: (category: string) => void;
}

/** Text, category, where it came from, when it happened: Tab moves, Enter saves, Esc cancels. */
export function QuickEntryForm({ initialCategory, onSaved }: Props) {
  const { coalition, session } = useShell();
  const { incident } = useActiveIncident();
  const facets = useMethod('timeline.facets', { incidentId: incident?.id ?? '' }, { enabled: !!incident });
  const append = useSingleCommand('log.append');
  const now = useNow(10_000);
  const form = useForm({
    initialValues: { text: '', category: initialCategory, source: 'direct' as EntrySource, happenedAt: '' },
    validate: {
      text: (v) => (v.trim() ? null : 'Type what happened'),
      category: (v) => (v.trim() ? null : 'Choose a category'),
      happenedAt: (v) => (v.trim() && !parseWallTime(v, coalition.timeZone, Date.now()).ok ? 'Type the time as 24-hour HH:MM' : null),
    },
  });
  const categories = useCategories(facets.data?.categories);
  if (!incident) return <ChooseActiveIncident purpose="Log entries go into the active incident." />;

  const parsed = form.values.happenedAt.trim() ? parseWallTime(form.values.happenedAt, coalition.timeZone, now) : null;
  const marked = parsed?.ok ? isTranscribed(form.values.source, parsed.ms, now) : form.values.source !== 'direct';

  const submit = form.onSubmit((v) => {
    const occurredAt = parsed?.ok ? parsed.ms : undefined;
    append.mutate(
      { incidentId: incident.id, text: v.text, category: v.category, source: v.source, occurredAt },
      {
        onSuccess: (entry) => {
          const t = localParts(entry.occurredAt, coalition.timeZone);
          notifications.show({ color: 'teal', title: 'Logged', message: `${t.hm} ${t.zone} · ${entry.category} · ${entry.positionTitle} log` });
          onSaved(v.category);
        },
        onError: (e) => {
          const f = fieldErrors(e);
          form.setErrors({ ...f, happenedAt: f.occurredAt });
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="quick-entry-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Into the <b>{session.position.title}</b> log of <b>{incident.name}</b>
          {incident.exercise ? ' (EXERCISE)' : ''} as {session.operatorName}.
        </Text>
        <TextInput
          data-autofocus
          size="lg"
          aria-label="What happened"
          placeholder="What happened — Enter saves, Esc cancels"
          {...form.getInputProps('text')}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Category (type to pick)"
            data={categories}
            value={form.values.category}
            onChange={(e) => form.setFieldValue('category', e.currentTarget.value)}
            onKeyDown={submitOnEnter}
            error={form.errors.category}
          />
          <NativeSelect
            label="Came by (type to pick)"
            data={SOURCE_OPTIONS}
            value={form.values.source}
            onChange={(e) => form.setFieldValue('source', e.currentTarget.value as EntrySource)}
            onKeyDown={submitOnEnter}
            error={form.errors.source}
          />
          <TextInput
            label={`Happened at (${localParts(now, coalition.timeZone).zone}, 24 h)`}
            placeholder="now, or e.g. 04:15"
            {...form.getInputProps('happenedAt')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={parsed?.ok ? formatDateTime(parsed.ms, coalition.timeZone) : 'Leave empty for now'}
          />
        </Group>
        {append.error && !Object.keys(fieldErrors(append.error)).length && (
          <Alert color="red" role="alert">
            {append.error.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Group gap="xs">
            {marked && (
              <Badge color="orange" variant="light" size="lg" data-testid="quick-entry-mark">
                Marked as {form.values.source === 'direct' ? 'a late entry' : `transcribed from ${SOURCE_LABELS[form.values.source].toLowerCase()}`}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Tab moves · Enter saves · Esc cancels
            </Text>
            <Button type="submit" loading={append.isPending}>
              Save entry
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
