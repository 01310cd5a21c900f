import type { StatusFlag, StatusType } from '../../../../shared/contract';
import { parseWallTime } from '../../../../shared/domain/wall-time';

/** What the operator typed per status type; empty means "unchanged". */
export type Typed = Record<string, string>;

/** The typed values as the contract takes them; a value that cannot be read is named. */
export function toPayload(types: ReadonlyMap<string, StatusType>, typed: Typed, timeZone: string): { values: { typeId: string; value: number | string | boolean }[]; problems: Record<string, string> } {
  const values: { typeId: string; value: number | string | boolean }[] = [];
  const problems: Record<string, string> = {};
  for (const [typeId, raw] of Object.entries(typed)) {
    const s = raw.trim();
    const t = types.get(typeId);
    if (!s || !t) continue;
    if (t.kind === 'number') {
      const n = Number(s.replace(/,/g, ''));
      if (!Number.isFinite(n)) problems[typeId] = `${t.label} must be a number`;
      else values.push({ typeId, value: n });
    } else if (t.kind === 'datetime') {
      const r = parseWallTime(s, timeZone, Date.now(), 'later');
      if (!r.ok) problems[typeId] = r.error;
      else values.push({ typeId, value: r.ms });
    } else if (t.kind === 'yes_no') values.push({ typeId, value: s === 'yes' });
    else values.push({ typeId, value: s });
  }
  return { values, problems };
}

/** The flags a refused report carries (status.report's validation error details). */
export function flagsOf(error: unknown): StatusFlag[] | null {
  const details = (error as { error?: { details?: { flags?: StatusFlag[] } } } | null)?.error?.details;
  return details?.flags?.length ? details.flags : null;
}

export function organisationOf(error: unknown): string | null {
  return (error as { error?: { details?: { organisationId?: string } } } | null)?.error?.details?.organisationId ?? null;
}
