import { ActionIcon, Autocomplete, Button, Group, NumberInput, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, type MouseEvent } from 'react';
import { catalogKind, NIMS_TYPE_MEANING, NIMS_TYPES } from '../../../../../shared/domain/nims';
import { understoodAs } from '../../../../../shared/domain/wall-time';
import { focusAdded } from '../../../lib/focus-added';
import { zoneSuffix } from '../../../lib/format';
import { rowField, rowProblems } from '../../../lib/row-field';
import { useNow } from '../../../lib/use-now';
import { filedAs } from './filed-as';
import { newLine, type RequestValues } from './form-values';

/** The fields of a line, in the order their refusals are said. */
const LINE_FIELDS = ['quantity', 'unit', 'kind', 'type', 'description', 'requestedArrival', 'cost'] as const;

/** Block 4, the order: quantity, kind, type, detailed description, requested arrival, cost. */
/** `autoFocus`: the first quantity takes focus on opening (a new request whose incident is already filled in). */
export function LinesEditor({ form, kinds, timeZone, autoFocus = false }: { form: UseFormReturnType<RequestValues>; kinds: string[]; timeZone: string; autoFocus?: boolean }) {
  const lines = form.values.lines;
  const now = useNow(10_000);
  // What each type means, for the NIMS-typed kinds on this request.
  const typedKinds = [...new Set(lines.map((l) => catalogKind(l.kind)).filter((c) => c?.nimsTyped).map((c) => c!.kind))];
  const addLine = (e: MouseEvent<HTMLButtonElement>) => {
    form.insertListItem('lines', newLine());
    focusAdded(e.currentTarget, `Line ${lines.length + 1} quantity`);
  };
  return (
    <Stack gap="xs">
      {/* Fixed layout: the narrow columns keep their widths and the description takes the rest
          (about 200 pixels on a 1280 screen, wrapping as it grows); cells line up at the top.
          Quantity and cost without the spin arrows (the arrow keys still step them): "1,000"
          shows whole in the room they leave. */}
      <Table layout="fixed" withRowBorders={false} verticalSpacing={4} styles={{ td: { verticalAlign: 'top' } }} data-testid="lines-editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={28}>#</Table.Th>
            <Table.Th w={96}>Qty</Table.Th>
            <Table.Th w={96}>Unit</Table.Th>
            <Table.Th w={170}>Kind</Table.Th>
            <Table.Th w={84}>Type</Table.Th>
            <Table.Th>Detailed item description</Table.Th>
            <Table.Th w={170}>Requested arrival {zoneSuffix(timeZone)}, 24-hour</Table.Th>
            <Table.Th w={96}>Cost (US$)</Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => {
            // A line's refusals are said under the whole line, not folded into its narrow fields.
            const problems = rowProblems(form.errors, `lines.${i}`, LINE_FIELDS);
            const props = (f: (typeof LINE_FIELDS)[number]) => rowField(form.getInputProps(`lines.${i}.${f}`));
            return (
              <Fragment key={l.key}>
                <Table.Tr>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`Line ${i + 1} quantity`} hideControls autoFocus={autoFocus && i === 0} min={1} allowDecimal={false} thousandSeparator="," {...props('quantity')} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`Line ${i + 1} unit`} placeholder="each" {...props('unit')} />
                  </Table.Td>
                  <Table.Td>
                    {/* A kind the catalogue knows is kept under the catalogue's name (so stock of it is
                        matched): said under the field before saving, not found changed afterwards. */}
                    <Autocomplete
                      aria-label={`Line ${i + 1} kind`}
                      data={kinds}
                      description={filedAs(l.kind)}
                      inputWrapperOrder={['input', 'description', 'error']}
                      {...props('kind')}
                      onChange={(k) => {
                        form.setFieldValue(`lines.${i}.kind`, k);
                        const c = catalogKind(k);
                        if (c && !form.values.lines[i]?.unit) form.setFieldValue(`lines.${i}.unit`, c.unit);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Line ${i + 1} type`}
                      placeholder={catalogKind(l.kind)?.nimsTyped ? '1-4 or local' : 'local'}
                      {...props('type')}
                    />
                  </Table.Td>
                  <Table.Td>
                    {/* Wraps as it grows: on a 1280 screen the column is narrow, and the whole description is read before filling. */}
                    <Textarea aria-label={`Line ${i + 1} description`} placeholder="Size, brand, specification" autosize minRows={1} maxRows={6} {...props('description')} />
                  </Table.Td>
                  <Table.Td>
                    {/* A bare HH:MM is the next time the clock shows it; the full date it became shows under it. */}
                    <TextInput
                      aria-label={`Line ${i + 1} requested arrival`}
                      placeholder="YYYY-MM-DD HH:MM"
                      autoComplete="off"
                      description={understoodAs(l.requestedArrival, timeZone, now, 'later') ?? undefined}
                      inputWrapperOrder={['input', 'description', 'error']}
                      {...props('requestedArrival')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`Line ${i + 1} cost`} hideControls min={0} decimalScale={2} {...props('cost')} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove line ${i + 1}`} disabled={lines.length === 1} onClick={() => form.removeListItem('lines', i)}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
                {problems.length > 0 && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={8}>
                      {/* Each field says its own to a screen reader (rowField): this line is for the eye. */}
                      <Text size="sm" c="red" aria-hidden>
                        {`Line ${i + 1}: ${problems.map((p) => p.replace(/\.$/, '')).join('. ')}.`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      {typedKinds.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="nims-type-guide">
          {`NIMS types of ${typedKinds.join(', ')}: ${NIMS_TYPES.map((t) => NIMS_TYPE_MEANING[t]).join('; ')}. A local designation (BLS, ALS, 40 kW) may be typed instead.`}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={16} />} onClick={addLine}>
          Add a line
        </Button>
      </Group>
    </Stack>
  );
}
