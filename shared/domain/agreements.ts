/**
 * Whether an MOU or mutual-aid agreement can be relied on today. Dates are calendar days
 * (YYYY-MM-DD, as written on the signed document), compared in the coalition's time zone
 * by the caller, so an agreement expiring "on 30 June" is good all of 30 June.
 */
export const AGREEMENT_KINDS = ['mou', 'mutual_aid', 'other'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_KIND_LABELS: Readonly<Record<AgreementKind, string>> = {
  mou: 'Memorandum of understanding',
  mutual_aid: 'Mutual-aid agreement',
  other: 'Other agreement',
};

export const AGREEMENT_STANDINGS = ['active', 'expiring_soon', 'expired', 'not_yet_effective', 'open_ended'] as const;
export type AgreementStanding = (typeof AGREEMENT_STANDINGS)[number];

export const DEFAULT_EXPIRY_WARNING_DAYS = 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar date, or null when it is not a real date. */
export function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}

export interface Standing {
  readonly standing: AgreementStanding;
  /** Words for the standing, never colour alone. */
  readonly label: string;
  /** Days until the expiry date (0 = expires today, negative = expired), null if none. */
  readonly daysToExpiry: number | null;
}

export function agreementStanding(effectiveOn: string, expiresOn: string | null, today: string, warnWithinDays: number): Standing {
  const t = dayNumber(today)!;
  const eff = dayNumber(effectiveOn);
  if (eff !== null && eff > t) {
    return { standing: 'not_yet_effective', label: `Not yet in effect (from ${effectiveOn})`, daysToExpiry: expiresOn ? dayNumber(expiresOn)! - t : null };
  }
  if (!expiresOn) return { standing: 'open_ended', label: 'In effect, no expiry date', daysToExpiry: null };
  const days = dayNumber(expiresOn)! - t;
  if (days < 0) return { standing: 'expired', label: `EXPIRED ${-days} day${days === -1 ? '' : 's'} ago (${expiresOn})`, daysToExpiry: days };
  if (days <= warnWithinDays) {
    const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
    return { standing: 'expiring_soon', label: `EXPIRES ${when} (${expiresOn})`, daysToExpiry: days };
  }
  return { standing: 'active', label: `In effect until ${expiresOn}`, daysToExpiry: days };
}
