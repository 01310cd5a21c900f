import { NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { InventoryItem } from '../../../../shared/contract';
import { fieldErrors } from '../../lib/form-errors';
import { useSingleCommand } from '../../lib/query';
import { TimeField } from '../../components/TimeField';
import { toWallText, wallTimeMs } from '../../../../shared/domain/wall-time';
import { ModalFormFooter } from '../../components/ModalFormFooter';
import { closeModal, openModal } from '../../lib/open-modal';

/** A physical count sets what is held; never below what is allocated to requests. */
function CountForm({
  item,
  timeZone,
  openedAt,
  onSaved,
}: {
  item: InventoryItem;
  timeZone: string;
  openedAt: number;
  onSaved: () => void;
}) {
  const count = useSingleCommand('inventory.count');
  const form = useForm({
    initialValues: {
      heldQuantity: item.heldQuantity as number | string,
      countedAt: toWallText(openedAt, timeZone),
    },
    validate: {
      countedAt: (v) =>
        v.trim() && wallTimeMs(v, timeZone) === null
          ? 'Write the time as YYYY-MM-DD HH:MM (24-hour), or HH:MM for today'
          : null,
      heldQuantity: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 0
          ? null
          : 'Quantity held must be a whole number of 0 or more',
    },
  });
  const submit = form.onSubmit((v) =>
    count.mutate(
      {
        id: item.id,
        heldQuantity: v.heldQuantity as number,
        countedAt: wallTimeMs(v.countedAt, timeZone) ?? undefined,
      },
      { onSuccess: onSaved, onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const general = count.error && !Object.keys(fieldErrors(count.error)).length ? count.error : null;
  return (
    <form onSubmit={submit} noValidate data-testid="count-form">
      <Stack gap="sm">
        <Text>
          {item.allocatedQuantity.toLocaleString('en-US')} {item.unit} are allocated to requests; the count must be at
          least that.
        </Text>
        <NumberInput
          label={`Quantity held (${item.unit})`}
          min={0}
          allowDecimal={false}
          data-autofocus
          {...form.getInputProps('heldQuantity')}
        />
        <TimeField label="Counted at" timeZone={timeZone} {...form.getInputProps('countedAt')} />
        <ModalFormFooter
          error={general}
          errorTitle="Count not recorded"
          submitLabel="Record count"
          pending={count.isPending}
        />
      </Stack>
    </form>
  );
}

export function openCountForm(item: InventoryItem, timeZone: string) {
  openModal(
    {
      title: `Count ${item.name}`,
    },
    (id) => <CountForm item={item} timeZone={timeZone} openedAt={Date.now()} onSaved={() => closeModal(id)} />,
  );
}
