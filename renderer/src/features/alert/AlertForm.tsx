import { Alert as Notice, Checkbox, NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { MultiSelect } from '../../components/MultiSelect';
import { Select } from '../../components/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Alert } from '../../../../shared/contract';
import { CAP_CATEGORIES, CAP_CERTAINTIES, CAP_RESPONSE_TYPES, CAP_SEVERITIES, CAP_TEMPLATES, CAP_URGENCIES, ISSUED_STATUSES, type CapTemplateId } from '../../../../shared/domain/cap';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { fieldErrors } from '../../lib/form-errors';
import { closeModal, openModal } from '../../lib/open-modal';
import { useMethod, useSingleCommand } from '../../lib/query';
import { useActiveIncident } from '../incident/use-active-incident';
import { saveAlertXml } from './save-alert';

const template = (id: CapTemplateId) => CAP_TEMPLATES.find((t) => t.id === id)!;
const fromTemplate = (id: CapTemplateId) => {
  const t = template(id);
  return { event: t.event, categories: [...t.categories] as string[], responseTypes: [...t.responseTypes] as string[], urgency: t.urgency as string, severity: t.severity as string, certainty: t.certainty as string, headline: t.headline, description: t.description, instruction: t.instruction, expiresInHours: t.expiresInHours as number | string };
};

/** "SAME 025015" or "FIPS6=025015": name and value of an area code. */
const parseGeocode = (s: string) => {
  const m = /^\s*([A-Za-z0-9]+)\s*[:= ]\s*(\S+)\s*$/.exec(s);
  return m ? { valueName: m[1]!.toUpperCase(), value: m[2]! } : { valueName: 'SAME', value: s.trim() };
};

function AlertForm({ update, onDone }: { update: { alert: Alert; msgType: 'Update' | 'Cancel' } | null; onDone: () => void }) {
  const issue = useSingleCommand('alert.issue');
  const { incident } = useActiveIncident();
  const first = (update?.alert.template ?? 'boil_water') as CapTemplateId;
  const form = useForm({
    initialValues: { template: first, status: 'Actual' as string, linkIncident: !!incident, ...fromTemplate(first), headline: update?.alert.headline ?? template(first).headline, areaDesc: update?.alert.areaDesc ?? '', geocodes: [] as string[], contact: '', senderName: '' },
    validate: { areaDesc: (v) => (v.trim() ? null : 'Say which area the alert is for') },
  });
  const v = form.values;
  const exercise = v.linkIncident && incident?.exercise;
  // The backend sends the demonstration coalition's alerts as Test whatever is chosen (alert/issue.ts): the form says so.
  const demo = useMethod('demo.status', {}).data?.demo ?? false;
  const submit = form.onSubmit((val) =>
    issue.mutate(
      {
        template: val.template,
        status: val.status as (typeof ISSUED_STATUSES)[number],
        msgType: update?.msgType ?? 'Alert',
        referencesId: update?.alert.id,
        incidentId: val.linkIncident && incident ? incident.id : undefined,
        senderName: val.senderName.trim() || null,
        event: val.event,
        categories: val.categories as never,
        responseTypes: val.responseTypes as never,
        urgency: val.urgency as never,
        severity: val.severity as never,
        certainty: val.certainty as never,
        headline: val.headline,
        description: val.description,
        instruction: val.instruction,
        areaDesc: val.areaDesc,
        geocodes: val.geocodes.map(parseGeocode),
        expiresInHours: Number(val.expiresInHours),
        contact: val.contact.trim() || null,
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', title: `CAP ${r.alert.msgType.toLowerCase()} issued (${r.alert.status})`, message: `${r.alert.headline} · the XML file is saved` });
          void saveAlertXml(r.alert.id);
          onDone();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="alert-form">
      <Stack gap="sm">
        {update && (
          <Text size="sm">
            This {update.msgType.toLowerCase()} refers to the alert issued {update.alert.sent}: “{update.alert.headline}”.
          </Text>
        )}
        <SimpleGrid cols={3}>
          <Select
            label="Template"
            data={CAP_TEMPLATES.map((t) => ({ value: t.id, label: t.name }))}
            allowDeselect={false}
            value={v.template}
            onChange={(t) => t && form.setValues({ template: t as CapTemplateId, ...fromTemplate(t as CapTemplateId) })}
            data-testid="alert-template"
          />
          {demo ? (
            <Select label="Status" data={['Test']} value="Test" disabled description="Demonstration data goes out as Test, never Actual nor Exercise" />
          ) : exercise ? (
            <Select label="Status" data={['Exercise']} value="Exercise" disabled description="The incident is an exercise" />
          ) : (
            <Select label="Status" data={[...ISSUED_STATUSES]} allowDeselect={false} {...form.getInputProps('status')} />
          )}
          <NumberInput label="Expires after (hours)" min={1} max={720} allowDecimal={false} {...form.getInputProps('expiresInHours')} />
        </SimpleGrid>
        {incident && <Checkbox label={`Part of ${incident.name}${incident.exercise ? ' (EXERCISE)' : ''}`} {...form.getInputProps('linkIncident', { type: 'checkbox' })} />}
        <TextInput label="Event" withAsterisk {...form.getInputProps('event')} />
        <TextInput label="Headline" withAsterisk {...form.getInputProps('headline')} />
        <Textarea label="Description" withAsterisk autosize minRows={2} {...form.getInputProps('description')} />
        <Textarea label="Instruction" description="What people should do" withAsterisk autosize minRows={2} {...form.getInputProps('instruction')} />
        <SimpleGrid cols={2}>
          <TextInput label="Area" withAsterisk placeholder="Hampden County, Massachusetts" {...form.getInputProps('areaDesc')} />
          <TagsInput label="Area codes" description="e.g. SAME 025013; Enter after each" {...form.getInputProps('geocodes')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <Select label="Urgency" data={[...CAP_URGENCIES]} allowDeselect={false} {...form.getInputProps('urgency')} />
          <Select label="Severity" data={[...CAP_SEVERITIES]} allowDeselect={false} {...form.getInputProps('severity')} />
          <Select label="Certainty" data={[...CAP_CERTAINTIES]} allowDeselect={false} {...form.getInputProps('certainty')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <MultiSelect label="Categories" data={[...CAP_CATEGORIES]} {...form.getInputProps('categories')} />
          <MultiSelect label="Response" data={[...CAP_RESPONSE_TYPES]} {...form.getInputProps('responseTypes')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label="Sender name" placeholder="Shown to the public as the source" {...form.getInputProps('senderName')} />
          <TextInput label="Contact" placeholder="Phone or office for questions" {...form.getInputProps('contact')} />
        </SimpleGrid>
        <Notice color="yellow" variant="light">
          Issuing records the alert as it stands: it cannot be edited afterwards, only updated or cancelled by a new message.
        </Notice>
        <ModalFormFooter error={issue.error && !Object.keys(fieldErrors(issue.error)).length ? issue.error : null} submitLabel={`Issue ${update ? update.msgType.toLowerCase() : 'alert'}`} pending={issue.isPending} />
      </Stack>
    </form>
  );
}

export function openAlertForm(update: { alert: Alert; msgType: 'Update' | 'Cancel' } | null) {
  openModal({ title: update ? `${update.msgType}: ${update.alert.headline}` : 'Author a public warning (CAP 1.2)', size: 980, closeOnClickOutside: false }, (id) => <AlertForm update={update} onDone={() => closeModal(id)} />);
}
