import type { MethodOutput } from '../../../../../shared/contract';

type SourcingLine = MethodOutput<'request.sourcingOptions'>['lines'][number];

/** Inventory holdings for a line as Select options, best matches first, availability in words. */
export function inventoryOptions(line: SourcingLine | undefined) {
  return (line?.inventory ?? [])
    .filter((i) => i.availableQuantity > 0)
    .sort((a, b) => Number(b.typeMatches) - Number(a.typeMatches) || b.availableQuantity - a.availableQuantity)
    .map((i) => ({
      value: i.inventoryItemId,
      label: `${i.name} — ${i.ownerName}, ${i.location}: ${i.availableQuantity.toLocaleString('en-US')} available${i.typeMatches ? '' : ' (other type)'}`,
    }));
}

export function agreementOptions(line: SourcingLine | undefined) {
  return (line?.agreements ?? []).map((a) => ({ value: a.agreementId, label: `${a.title} — ${a.standingLabel}` }));
}

export function lineOptions(lines: SourcingLine[]) {
  return lines.map((l) => ({
    value: l.lineId,
    label: `Line ${l.lineNo}: ${l.kind}${l.type ? ` type ${l.type}` : ''} — ${l.outstandingQuantity.toLocaleString('en-US')} outstanding`,
  }));
}
