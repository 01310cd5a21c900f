import { Alert, Button, Group, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RequestDetail } from '../../../../../shared/contract';
import { useTransition } from './use-transition';
import { useModalCancel } from '../../../components/FormModal';

/**
 * Resources back with their owner: by default everything still out from inventory; less
 * where some was used up (that part is consumed when the request closes).
 */
export function ReturnForm({ request, warning, onDone }: { request: RequestDetail; warning?: string | null; onDone: () => void }) {
  const cancel = useModalCancel();
  const out = request.allocations.filter((a) => a.outstanding > 0);
  const [qty, setQty] = useState<Record<string, number | string>>(() => Object.fromEntries(out.map((a) => [a.id, a.outstanding])));
  const [note, setNote] = useState('');
  const t = useTransition(onDone);
  const everything = out.every((a) => qty[a.id] === a.outstanding);
  const submit = () =>
    t.run({
      action: 'return_resources',
      id: request.id,
      note: note.trim() || null,
      ...(everything
        ? {}
        : { returns: out.filter((a) => typeof qty[a.id] === 'number' && (qty[a.id] as number) > 0).map((a) => ({ allocationId: a.id, quantity: qty[a.id] as number })) }),
    });
  return (
    <Stack gap="sm" data-testid="return-form">
      {warning && <Alert color="yellow" title="Not offered at this status">{warning}</Alert>}
      {out.length === 0 ? (
        <Text>Nothing from recorded inventory is still out on this request; recording the return only moves its status.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Holding</Table.Th>
              <Table.Th ta="right">Still out</Table.Th>
              <Table.Th w={160}>Returned now</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {out.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.inventoryItemName} (line {a.lineNo})
                </Table.Td>
                <Table.Td ta="right">{a.outstanding}</Table.Td>
                <Table.Td>
                  <NumberInput aria-label={`Returned to ${a.inventoryItemName}`} min={0} max={a.outstanding} allowDecimal={false} value={qty[a.id]} onChange={(v) => setQty({ ...qty, [a.id]: v })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Textarea label="Note (optional)" autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {t.error && (
        <Alert color="red" role="alert" title="Refused" data-testid="transition-error">
          {t.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={cancel}>
          Back
        </Button>
        <Button onClick={submit} loading={t.pending} data-testid="return-submit">
          Record return
        </Button>
      </Group>
    </Stack>
  );
}
