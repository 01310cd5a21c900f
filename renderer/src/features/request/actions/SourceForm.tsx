import { Alert, Button, Group, Loader, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Select } from '../../../components/Select';
import { useForm } from '@mantine/form';
import type { RequestDetail, SourceBy } from '../../../../../shared/contract';
import { FILL_SOURCES, type FillSource, type OrderPlacedBy } from '../../../../../shared/domain/sourcing';
import { fieldErrors } from '../../../lib/form-errors';
import { useMethod } from '../../../lib/query';
import { useOrganisationOptions } from '../../directory/use-organisations';
import { TimeField } from '../../../components/TimeField';
import { wallTimeMs, wallTimeProblem } from '../../../../../shared/domain/wall-time';
import { agreementOptions, inventoryOptions, lineOptions } from './source-options';
import { useTransition } from './use-transition';
import { useModalCancel } from '../../../components/FormModal';

const SOURCE_WORDS: Record<FillSource, string> = { inventory: 'Inventory', member: 'Member', agreement: 'Agreement', state: 'State', purchase: 'Purchase' };
const blank = (s: string) => (s.trim() ? s.trim() : null);

/**
 * Logistics (blocks 10-16): fill some or all of one line from one source. Repeat for a
 * partial fill from several sources; only inventory moves recorded stock.
 */
export function SourceForm({ request, timeZone, onDone }: { request: RequestDetail; timeZone: string; onDone: () => void }) {
  const cancel = useModalCancel();
  const opts = useMethod('request.sourcingOptions', { id: request.id });
  const members = useOrganisationOptions();
  const t = useTransition(onDone);
  const lines = opts.data?.lines ?? [];
  const firstOpen = lines.find((l) => l.outstandingQuantity > 0) ?? lines[0];
  const form = useForm({
    validate: { estimatedArrival: (v) => wallTimeProblem(v, timeZone, 'later') },
    initialValues: {
      lineId: '',
      source: 'inventory' as FillSource,
      inventoryItemId: '',
      organisationId: '',
      agreementId: '',
      agency: 'MDPH Resource Request Unit',
      vendor: '',
      quantity: '' as number | string,
      supplierName: '',
      supplierContact: '',
      orderNumber: '',
      orderPlacedBy: '',
      estimatedArrival: '',
      cost: '' as number | string,
      note: '',
    },
  });
  const v = form.values;
  const line = lines.find((l) => l.lineId === (v.lineId || firstOpen?.lineId));
  const submit = form.onSubmit((v) => {
    if (!line) return;
    const by: Record<FillSource, SourceBy> = {
      inventory: { kind: 'inventory', inventoryItemId: v.inventoryItemId },
      member: { kind: 'member', organisationId: v.organisationId },
      agreement: { kind: 'agreement', agreementId: v.agreementId },
      state: { kind: 'state', agency: v.agency },
      purchase: { kind: 'purchase', vendor: v.vendor },
    };
    t.run({
      action: 'source',
      id: request.id,
      lineId: line.lineId,
      quantity: typeof v.quantity === 'number' ? v.quantity : 0,
      source: by[v.source],
      supplierName: blank(v.supplierName),
      supplierContact: blank(v.supplierContact),
      orderNumber: blank(v.orderNumber),
      orderPlacedBy: (v.orderPlacedBy || null) as OrderPlacedBy | null,
      estimatedArrival: wallTimeMs(v.estimatedArrival, timeZone, 'later'),
      costCents: typeof v.cost === 'number' ? Math.round(v.cost * 100) : null,
      note: blank(v.note),
    });
  });
  if (opts.isLoading) return <Loader />;
  const errs = fieldErrors(t.error);
  const general = t.error;
  return (
    <form onSubmit={submit} noValidate data-testid="source-form">
      <Stack gap="sm">
        <Select label="Line" data={lineOptions(lines)} value={line?.lineId ?? null} onChange={(id) => form.setFieldValue('lineId', id ?? '')} allowDeselect={false} />
        {line && !line.coverableFromInventory && <Text size="sm" c="orange" fw={600}>Recorded stock cannot fill this line alone: fill the rest from another source.</Text>}
        <SegmentedControl
          aria-label="Source"
          fullWidth
          data={FILL_SOURCES.map((s) => ({ value: s, label: SOURCE_WORDS[s] }))}
          {...form.getInputProps('source')}
        />
        {v.source === 'inventory' && <Select label="Inventory holding" data={inventoryOptions(line)} searchable withAsterisk nothingFoundMessage="No stock of this kind is available" {...form.getInputProps('inventoryItemId')} />}
        {v.source === 'member' && <Select label="Member organisation" data={members} searchable withAsterisk {...form.getInputProps('organisationId')} />}
        {v.source === 'agreement' && <Select label="Agreement" data={agreementOptions(line)} searchable withAsterisk nothingFoundMessage="No agreement covers this kind" {...form.getInputProps('agreementId')} />}
        {v.source === 'state' && <TextInput label="State agency" withAsterisk {...form.getInputProps('agency')} />}
        {v.source === 'purchase' && <TextInput label="Vendor" withAsterisk {...form.getInputProps('vendor')} />}
        <NumberInput label="Quantity" description={line ? `${line.outstandingQuantity} outstanding on this line` : undefined} min={1} allowDecimal={false} withAsterisk error={errs.quantity} {...form.getInputProps('quantity')} />
        <SimpleGrid cols={2}>
          <TextInput label="12. Supplier name / point of contact" {...form.getInputProps('supplierName')} />
          <TextInput label="11. Supplier phone/fax/email" {...form.getInputProps('supplierContact')} />
          <TextInput label="10. Logistics order number" {...form.getInputProps('orderNumber')} />
          <Select label="16. Order placed by" data={[{ value: 'SPUL', label: 'SPUL (Supply Unit)' }, { value: 'PROC', label: 'PROC (Procurement Unit)' }, { value: 'other', label: 'Other' }]} clearable {...form.getInputProps('orderPlacedBy')} />
          <TimeField label="Estimated arrival" timeZone={timeZone} reading="later" {...form.getInputProps('estimatedArrival')} />
          <NumberInput label="Cost (US$)" min={0} decimalScale={2} {...form.getInputProps('cost')} />
        </SimpleGrid>
        <Textarea label="13. Notes" autosize {...form.getInputProps('note')} />
        {general && (
          <Alert color="red" role="alert" title="Refused" data-testid="transition-error">
            {general.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            Back
          </Button>
          <Button type="submit" loading={t.pending} data-testid="source-submit">
            Record source
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
