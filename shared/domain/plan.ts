import { dayNumber } from './agreements';

/** The documents a coalition keeps at hand (issue 13; the coalitions' own list). */
export const PLAN_KINDS = ['conops', 'macp', 'warning', 'annex', 'sop', 'mou', 'other'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS: Readonly<Record<PlanKind, string>> = {
  conops: 'Concept of operations',
  macp: 'Multi-agency coordination plan',
  warning: 'Public information and warning plan',
  annex: 'Annex',
  sop: 'Standard operating procedure',
  mou: 'Signed MOU',
  other: 'Other',
};

/** A plan due for review within this many days is flagged. */
export const REVIEW_WARNING_DAYS = 60;

export const REVIEW_STANDINGS = ['current', 'due_soon', 'overdue', 'no_date'] as const;
export type ReviewStanding = (typeof REVIEW_STANDINGS)[number];

/** Whether a plan's review date has come, against the coalition's calendar day. */
export function reviewStanding(reviewOn: string | null, today: string): { standing: ReviewStanding; label: string; days: number | null } {
  const due = reviewOn ? dayNumber(reviewOn) : null;
  const now = dayNumber(today);
  if (due === null || now === null || !reviewOn) return { standing: 'no_date', label: 'No review date', days: null };
  const days = due - now;
  if (days < 0) return { standing: 'overdue', label: `REVIEW OVERDUE by ${-days} day${days === -1 ? '' : 's'} (${reviewOn})`, days };
  if (days <= REVIEW_WARNING_DAYS) return { standing: 'due_soon', label: `Review due in ${days} day${days === 1 ? '' : 's'} (${reviewOn})`, days };
  return { standing: 'current', label: `Review by ${reviewOn}`, days };
}

/** The largest document the library takes: its base64 still fits one contract message (16 MB). */
export const PLAN_MAX_BYTES = 10 * 1024 * 1024;
export const PLAN_MAX_BASE64 = Math.ceil(PLAN_MAX_BYTES / 3) * 4;

/** The media types the library extracts text from, by file name. */
export const PLAN_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  md: 'text/markdown',
} as const;
export type PlanExtension = keyof typeof PLAN_MEDIA_TYPES;

export function planExtension(fileName: string): PlanExtension | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext && ext in PLAN_MEDIA_TYPES ? (ext as PlanExtension) : null;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
