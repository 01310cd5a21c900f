import { Alert, FileInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../../../shared/contract';
import { PLAN_KIND_LABELS, PLAN_KINDS, formatBytes, PLAN_MAX_BYTES, type PlanKind } from '../../../../shared/domain/plan';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { isoDateProblem } from '../../lib/format';
import { closeModal, openModal } from '../../lib/open-modal';
import { useSingleCommand } from '../../lib/query';
import { readPlanFile } from './read-file';

const kinds = PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }));
const blank = (s: string) => (s.trim() ? s.trim() : null);

/** A new document, or (for `plan`) its next version, which supersedes the one in force. */
function PlanUploadForm({ plan, onDone }: { plan: Plan | null; onDone: () => void }) {
  const upload = useSingleCommand('plan.upload');
  const [fileError, setFileError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  // Counts the titles filled from a file's name: each is selected once it is shown.
  const [titleFilled, setTitleFilled] = useState(0);
  const form = useForm({
    initialValues: {
      file: null as File | null,
      title: plan?.title ?? '',
      kind: (plan?.kind ?? 'conops') as PlanKind,
      owner: plan?.owner ?? '',
      versionLabel: '',
      effectiveOn: '',
      reviewOn: '',
      note: '',
    },
    validate: {
      file: (f) => (f ? null : 'Choose the document'),
      title: (v) => (v.trim() ? null : 'Title is required'),
      owner: (v) => (v.trim() ? null : 'Say who owns the plan'),
      versionLabel: (v) => (v.trim() ? null : 'Version is required, e.g. v3.2'),
      effectiveOn: (v) => isoDateProblem(v, 'Effective date', true),
      reviewOn: (v) => isoDateProblem(v, 'Review by date', false),
    },
  });
  // A title filled from the file's name is a proposal: selected in its field, what is typed
  // next replaces it ("Fuel annex" typed after choosing fuel-annex.txt was appended to it).
  useEffect(() => {
    if (!titleFilled) return;
    titleRef.current?.focus();
    titleRef.current?.select();
  }, [titleFilled]);
  const submit = form.onSubmit(async (v) => {
    setFileError(null);
    let file: { fileName: string; base64: string };
    try {
      file = await readPlanFile(v.file!);
    } catch (e) {
      setFileError(e instanceof Error ? e.message : String(e));
      return;
    }
    upload.mutate(
      { ...(plan ? { planId: plan.id } : {}), ...file, title: v.title, kind: v.kind, owner: v.owner, versionLabel: v.versionLabel, effectiveOn: v.effectiveOn.trim(), reviewOn: blank(v.reviewOn), note: blank(v.note) },
      {
        onSuccess: (r) => {
          const ok = r.version.extraction === 'ok';
          notifications.show({
            color: ok ? 'teal' : 'yellow',
            title: ok ? `${r.plan.title} ${r.version.versionLabel} added` : `${r.plan.title} ${r.version.versionLabel} kept, but not searchable`,
            message: ok ? `${r.version.sections} sections searchable` : r.version.extractionNote,
            autoClose: ok ? 4000 : false,
          });
          onDone();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  const general = upload.error && !Object.keys(fieldErrors(upload.error)).length ? upload.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="plan-upload-form">
      <Stack gap="sm">
        {plan && (
          <Text size="sm">
            The new version supersedes {plan.current.versionLabel}, which stays in the library as it was.
          </Text>
        )}
        <FileInput
          label="Document"
          description={`PDF, Word (.docx) or text, up to ${formatBytes(PLAN_MAX_BYTES)}`}
          accept=".pdf,.docx,.txt,.md"
          withAsterisk
          clearable
          data-testid="plan-file"
          {...form.getInputProps('file')}
          onChange={(f) => {
            form.setFieldValue('file', f);
            setFileError(f && f.size > PLAN_MAX_BYTES ? `"${f.name}" is ${formatBytes(f.size)}: the plans library takes documents up to ${formatBytes(PLAN_MAX_BYTES)}.` : null);
            // Only an empty title is filled: one typed (or the plan's own, for a new version) is kept.
            if (f && !form.values.title.trim()) {
              form.setFieldValue('title', f.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' '));
              setTitleFilled((n) => n + 1);
            }
          }}
        />
        {fileError && (
          <Alert color="red" role="alert" title="This file cannot be added">
            {fileError}
          </Alert>
        )}
        <TextInput ref={titleRef} label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={2}>
          <Select label="Kind" data={kinds} searchable allowDeselect={false} {...form.getInputProps('kind')} />
          <TextInput label="Owner" withAsterisk description="The committee or person who keeps it" {...form.getInputProps('owner')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {/* Placeholders that cannot be read as a value already set ("v3.2" looked typed in). */}
          <TextInput label="Version" withAsterisk placeholder="e.g. v3.2" {...form.getInputProps('versionLabel')} />
          {/* Dates as everywhere in the console (YYYY-MM-DD), not the browser's mm/dd/yyyy. */}
          <TextInput label="Effective date" withAsterisk placeholder="YYYY-MM-DD" {...form.getInputProps('effectiveOn')} />
          <TextInput label="Review by" placeholder="YYYY-MM-DD" description="Flagged when it nears" {...form.getInputProps('reviewOn')} />
        </SimpleGrid>
        <Textarea label="Note" description="What changed in this version" autosize minRows={1} {...form.getInputProps('note')} />
        <ModalFormFooter error={general} submitLabel={plan ? 'Add version' : 'Add to library'} pending={upload.isPending} />
      </Stack>
    </form>
  );
}

export function openPlanUpload(plan: Plan | null) {
  openModal({ title: plan ? `New version of ${plan.title}` : 'Add a plan to the library', size: 'lg', closeOnClickOutside: false }, (id) => (
    <PlanUploadForm plan={plan} onDone={() => closeModal(id)} />
  ));
}
