import type { RequestCreateInput, RequestDetail } from '../../../../../shared/contract';
import type { Priority } from '../../../../../shared/domain/request-state';
import { toWallText, wallTimeMs } from '../../../../../shared/domain/wall-time';

export interface LineValues {
  key: string;
  id?: string;
  quantity: number | string;
  unit: string;
  kind: string;
  type: string;
  description: string;
  requestedArrival: string;
  /** The stored arrival the text was made from: kept as it is when the text is not changed. */
  storedArrival?: number | null;
  cost: number | string;
}

export interface RequestValues {
  incidentId: string;
  requestingOrganisationId: string;
  requestedByName: string;
  requestedByPosition: string;
  requestedByContact: string;
  priority: Priority;
  deliveryLocation: string;
  substitutes: string;
  notes: string;
  lines: LineValues[];
}

let keySeq = 0;
export const newLine = (): LineValues => ({ key: `l${++keySeq}`, quantity: '', unit: '', kind: '', type: '', description: '', requestedArrival: '', cost: '' });

export function initialValues(r: RequestDetail | null, incidentId: string | null, timeZone: string): RequestValues {
  if (!r) {
    return {
      incidentId: incidentId ?? '',
      requestingOrganisationId: '',
      requestedByName: '',
      requestedByPosition: '',
      requestedByContact: '',
      priority: 'routine',
      deliveryLocation: '',
      substitutes: '',
      notes: '',
      lines: [newLine()],
    };
  }
  return {
    incidentId: r.incidentId,
    requestingOrganisationId: r.requestingOrganisation.id,
    requestedByName: r.requestedByName,
    requestedByPosition: r.requestedByPosition ?? '',
    requestedByContact: r.requestedByContact ?? '',
    priority: r.priority,
    deliveryLocation: r.deliveryLocation,
    substitutes: r.substitutes ?? '',
    notes: r.notes ?? '',
    lines: r.lines.map((l) => ({
      key: l.id,
      id: l.id,
      quantity: l.quantity,
      unit: l.unit ?? '',
      kind: l.kind,
      type: l.type ?? '',
      description: l.description ?? '',
      requestedArrival: l.requestedArrival ? toWallText(l.requestedArrival, timeZone) : '',
      storedArrival: l.requestedArrival,
      cost: l.costCents === null ? '' : l.costCents / 100,
    })),
  };
}

const blank = (s: string) => (s.trim() ? s.trim() : null);

/**
 * A line added and never filled in (a Space pressed on "Add a line" while typing adds one):
 * not sent, not refused. A saved line is never dropped this way: removing one is the bin's job.
 */
export function isUnusedLine(l: LineValues): boolean {
  return !l.id && [l.quantity, l.unit, l.kind, l.type, l.description, l.requestedArrival, l.cost].every((x) => String(x).trim() === '');
}

/** Whether line `i` is left out of the save and its checks: unused, and not the only line there is to check. */
export function skipsLine(v: RequestValues, i: number): boolean {
  const l = v.lines[i];
  if (!l || !isUnusedLine(l)) return false;
  // With every line unused, the first is checked, so the refusal says what a line needs.
  return v.lines.some((x) => !isUnusedLine(x)) || i > 0;
}

/** The lines sent, by their index on screen: a refusal naming "lines.1" is about `sentLines(v)[1]`. */
export function sentLines(v: RequestValues): number[] {
  return v.lines.flatMap((_, i) => (skipsLine(v, i) ? [] : [i]));
}

/** Form values → the contract's requestor section (blocks 1-8). */
export function toInput(v: RequestValues, timeZone: string): RequestCreateInput {
  return {
    incidentId: v.incidentId,
    requestingOrganisationId: v.requestingOrganisationId,
    requestedByName: v.requestedByName,
    requestedByPosition: blank(v.requestedByPosition),
    requestedByContact: blank(v.requestedByContact),
    priority: v.priority,
    deliveryLocation: v.deliveryLocation,
    substitutes: blank(v.substitutes),
    notes: blank(v.notes),
    lines: sentLines(v).map((i) => v.lines[i]!).map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      quantity: typeof l.quantity === 'number' ? l.quantity : 0,
      unit: blank(l.unit),
      kind: l.kind,
      type: blank(l.type),
      description: blank(l.description),
      // The field shows minutes only: an untouched field keeps the stored time exactly.
      requestedArrival:
        l.storedArrival && l.requestedArrival === toWallText(l.storedArrival, timeZone) ? l.storedArrival : wallTimeMs(l.requestedArrival, timeZone, 'later'),
      costCents: typeof l.cost === 'number' ? Math.round(l.cost * 100) : null,
    })),
  };
}
