import type { RequestEvent } from '../../../../shared/contract';
import { ACTION_LABELS, type RequestAction, STATUS_LABELS } from '../../../../shared/domain/request-state';
import { FILL_SOURCE_LABELS, type FillSource } from '../../../../shared/domain/sourcing';
import type { EventRow } from './queries';

const EXTRA_LABELS: Record<string, string> = { create: 'Created', edit: 'Edited', import: 'Imported (EDXL-RM)' };

export const actionLabel = (a: string) => EXTRA_LABELS[a] ?? ACTION_LABELS[a as RequestAction] ?? a;

const utc = (t: number) => `${new Date(t).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
const sum = (xs: { quantity: number }[] | undefined) => (xs ?? []).reduce((n, x) => n + x.quantity, 0);

/** One sentence per step for the timeline, the CSV and the printed history. */
export function summarise(action: string, d: Record<string, unknown>, to: string): string {
  switch (action) {
    case 'create':
      return d.copiedFrom ? `Created as a copy of ${String(d.copiedFrom)}` : `Created with ${(d.lines as unknown[] | undefined)?.length ?? 0} line(s)`;
    case 'import':
      return `Created from EDXL-RM message ${String(d.messageId ?? '')}`.trim();
    case 'edit':
      return `Requestor section edited (${(d.lines as unknown[] | undefined)?.length ?? 0} line(s))`;
    case 'submit':
      return 'Submitted for section chief approval';
    case 'approve':
      return 'Approved by the section chief';
    case 'deny':
      return `Denied: ${String(d.reason)}`;
    case 'return_for_changes':
      return `Returned for changes: ${String(d.reason)}`;
    case 'check_resources':
      return `Resource unit check recorded${d.findings ? `: ${String(d.findings)}` : ''}`;
    case 'source':
      return `Line ${String(d.lineNo)}: ${String(d.quantity)} sourced from ${String(d.sourceName)} (${FILL_SOURCE_LABELS[d.source as FillSource] ?? String(d.source)})${d.substitute ? ', as a substitute' : ''}${d.orderNumber ? `, order ${String(d.orderNumber)}` : ''}`;
    case 'withdraw_fill':
      return `Withdrew ${String(d.quantity)} from ${String(d.sourceName)}: ${String(d.reason)}`;
    case 'send_to_finance':
      return 'Sent to finance for review';
    case 'finance_approve':
      return `Approved by finance${d.comments ? `: ${String(d.comments)}` : ''}`;
    case 'return_to_sourcing':
      return `Returned to logistics by finance: ${String(d.reason)}`;
    case 'mark_en_route':
      return `En route, ETA ${utc(Number(d.eta))}`;
    case 'receive':
      return `Received${d.receivedBy ? ` by ${String(d.receivedBy)}` : ''}`;
    case 'assign':
      return `Assigned to ${String(d.assignedTo)}`;
    case 'release':
      return `Released (demobilized)${d.releasedTo ? ` to ${String(d.releasedTo)}` : ''}`;
    case 'return_resources':
      return `Returned to their owners: ${sum(d.returned as { quantity: number }[])} unit(s) back in stock`;
    case 'close': {
      const used = sum(d.consumed as { quantity: number }[]);
      const off = sum(d.writtenOff as { quantity: number }[]);
      return `Closed${used ? `; ${used} unit(s) used up` : ''}${off ? `; ${off} unit(s) not returned, written off` : ''}`;
    }
    case 'cancel':
      return `Cancelled: ${String(d.reason)}${sum(d.returned as { quantity: number }[]) ? `; ${sum(d.returned as { quantity: number }[])} unit(s) back in stock` : ''}`;
    default:
      return `${actionLabel(action)} (${STATUS_LABELS[to as keyof typeof STATUS_LABELS] ?? to})`;
  }
}

export function toEvent(e: EventRow): RequestEvent {
  const detail = JSON.parse(e.detail) as Record<string, unknown>;
  return {
    id: e.id,
    action: e.action,
    actionLabel: actionLabel(e.action),
    fromStatus: e.from_status,
    toStatus: e.to_status,
    summary: summarise(e.action, detail, e.to_status),
    note: e.note,
    detail,
    occurredAt: e.occurred_at,
    recordedAt: e.recorded_at,
    operatorName: e.operator_name,
    positionTitle: e.position_title,
    workstationId: e.workstation_id,
  };
}

