import { ActionIcon, Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ActivationSheet } from '../../../../shared/contract';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { phoneProblem } from '../../../../shared/domain/phone';
import { focusAdded } from '../../lib/focus-added';
import { rowField, rowProblems } from '../../lib/row-field';
import { closeModal, openModal } from '../../lib/open-modal';
import { useMethod, useSingleCommand } from '../../lib/query';
import { sheetFieldErrors } from './sheet-errors';
import classes from './sheet-form.module.css';

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** Levels are typed one a line as "Level: trigger". */
function parseLevels(s: string) {
  return lines(s).map((l) => {
    const at = l.indexOf(':');
    return at > 0 ? { name: l.slice(0, at).trim(), trigger: l.slice(at + 1).trim() } : { name: l, trigger: '' };
  });
}

/**
 * A one-line value in a field that wraps: Enter starts no new line (it does what it does in
 * the form's one-line fields: nothing), a line break pasted in is a space, and a screen
 * reader is told it is one line.
 */
function oneLine<P extends { onChange: (value: string) => void }>(props: P) {
  return {
    ...props,
    'aria-multiline': false,
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => props.onChange(e.currentTarget.value.replace(/\s*[\r\n]+\s*/g, ' ')),
    onKeyDown: (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) e.preventDefault();
    },
  };
}

function ActivationSheetForm({ sheet, onDone }: { sheet: ActivationSheet | null; onDone: () => void }) {
  const save = useSingleCommand('activation.save');
  const contacts = useMethod('calldown.contacts', {});
  const options = (contacts.data?.contacts ?? []).map((c) => ({ value: c.id, label: `${c.name}, ${c.organisationName}${c.phone24x7 ? ` · ${c.phone24x7}` : ' · no 24/7 number'}` }));
  const c = sheet?.content;
  const form = useForm({
    initialValues: {
      title: c?.title ?? 'How to activate the region',
      whoMayActivate: (c?.whoMayActivate ?? []).join('\n'),
      levels: (c?.levels ?? []).map((l) => `${l.name}: ${l.trigger}`).join('\n'),
      firstCalls: (c?.firstCalls ?? [{ label: '', contactId: null, phone: null }]).map((x) => ({ label: x.label, contactId: x.contactId ?? '', phone: x.phone ?? '' })),
      location: c?.coordinationCenter.location ?? '',
      howToOpen: c?.coordinationCenter.howToOpen ?? '',
      alternate: c?.coordinationCenter.alternate ?? '',
      firstActions: (c?.firstActions ?? []).join('\n'),
      note: '',
    },
    // Said under its row before sending, as in the directory ("First call 2: Phone has 8 digits…",
    // the row's number put in as it is drawn, so removing a row above does not leave it stale).
    validate: { firstCalls: { phone: (value: string) => phoneProblem('Phone', value) } },
  });
  const v = form.values;
  const submit = form.onSubmit((val) => {
    // Only rows with something in them are sent; which row on screen each sent one is.
    const sent = val.firstCalls.flatMap((f, i) => (f.label.trim() || f.contactId || f.phone.trim() ? [i] : []));
    save.mutate(
      {
        content: {
          title: val.title,
          whoMayActivate: lines(val.whoMayActivate),
          levels: parseLevels(val.levels),
          firstCalls: sent.map((i) => val.firstCalls[i]!).map((f) => ({ label: f.label, contactId: f.contactId || null, phone: f.phone.trim() || null })),
          coordinationCenter: { location: val.location, howToOpen: val.howToOpen, alternate: val.alternate.trim() || null },
          firstActions: lines(val.firstActions),
        },
        note: val.note.trim() || null,
      },
      { onSuccess: onDone, onError: (e) => form.setErrors(sheetFieldErrors(e, sent)) },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="activation-form">
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
        <SimpleGrid cols={2}>
          <Textarea label="Who may activate" description="One a line" autosize minRows={3} withAsterisk {...form.getInputProps('whoMayActivate')} />
          <Textarea label="Levels and their triggers" description="One a line: Level: trigger" autosize minRows={3} withAsterisk {...form.getInputProps('levels')} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            First calls <Text span c="dimmed" size="xs">(choose a directory contact: the sheet shows their 24/7 number as the directory has it; a number here only for callers outside it)</Text>
          </Text>
          {v.firstCalls.map((_, i) => {
            // A row's refusal under the whole row, not squeezed into its narrow phone field.
            const problems = rowProblems(form.errors, `firstCalls.${i}`, ['label', 'contactId', 'phone']);
            const inputProps = (field: 'label' | 'contactId' | 'phone') => rowField(form.getInputProps(`firstCalls.${i}.${field}`));
            return (
              <Stack key={i} gap={2} mb={6}>
                <div className={classes.call}>
                  <Text fw={700} c="dimmed" className={classes.n} aria-hidden>
                    {i + 1}
                  </Text>
                  {/* Who is called, whole however long ("County emergency management" was cut at
                      "manag" in 220 px): wrapped over a second line rather than hidden. */}
                  <Textarea
                    placeholder="Who, e.g. Public health duty"
                    aria-label={`First call ${i + 1}: who`}
                    autosize
                    minRows={1}
                    className={classes.who}
                    {...oneLine(inputProps('label'))}
                  />
                  <Select placeholder="Directory contact" aria-label={`First call ${i + 1}: contact`} data={options} searchable clearable className={classes.contact} {...inputProps('contactId')} onChange={(x) => form.setFieldValue(`firstCalls.${i}.contactId`, x ?? '')} />
                  <TextInput placeholder="or a number" aria-label={`First call ${i + 1}: phone`} className={classes.phone} {...inputProps('phone')} />
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove first call ${i + 1}`} className={classes.remove} onClick={() => form.removeListItem('firstCalls', i)}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </div>
                {problems.length > 0 && (
                  // Each field says its own to a screen reader (rowField): this line is for the eye.
                  <Text size="sm" c="red" aria-hidden>
                    {`First call ${i + 1}: ${problems.join(' ')}`}
                  </Text>
                )}
              </Stack>
            );
          })}
          <Group>
            <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={16} />} onClick={(e) => {
                form.insertListItem('firstCalls', { label: '', contactId: '', phone: '' });
                focusAdded(e.currentTarget, `First call ${v.firstCalls.length + 1}: who`);
              }}>
              Add a first call
            </Button>
          </Group>
        </Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Where the coordination center is" withAsterisk {...form.getInputProps('location')} />
          <TextInput label="Alternate location" {...form.getInputProps('alternate')} />
        </SimpleGrid>
        <Textarea label="How to open it" autosize minRows={2} withAsterisk {...form.getInputProps('howToOpen')} />
        <Textarea label="First actions" description="One a line, in order" autosize minRows={3} withAsterisk {...form.getInputProps('firstActions')} />
        <TextInput label="What changed" placeholder="Shown in the sheet's history" {...form.getInputProps('note')} />
        <ModalFormFooter error={save.error} submitLabel={sheet ? `Save as version ${sheet.version + 1}` : 'Save version 1'} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function openActivationSheetForm(sheet: ActivationSheet | null) {
  openModal({ title: sheet ? 'Edit the activation sheet (saves a new version)' : 'Write the activation sheet', size: 1000, closeOnClickOutside: false }, (id) => (
    <ActivationSheetForm sheet={sheet} onDone={() => closeModal(id)} />
  ));
}
