/**
 * The HSEEP (2020) after-action report / improvement plan outline as data
 * (standards-reference §3): its narrative sections, the P/S/M/U rating scale, the
 * capability elements (POETE) of a corrective action, and the corrective action lifecycle.
 * Pure: the backend, the renderer and the document builders all read it from here.
 */

/** Narrative sections kept as revisions (who wrote what, when); everything else is structured. */
export const AAR_SECTIONS = [
  { key: 'handling', title: 'Administrative handling instructions', part: 'cover' },
  { key: 'scope', title: 'Scope', part: 'overview' },
  { key: 'threat', title: 'Threat or hazard', part: 'overview' },
  { key: 'scenario', title: 'Scenario', part: 'overview' },
  { key: 'sponsor', title: 'Sponsor', part: 'overview' },
  { key: 'poc', title: 'Point of contact', part: 'overview' },
  { key: 'summary', title: 'Summary of the event', part: 'analysis' },
  { key: 'conclusion', title: 'Conclusion', part: 'conclusion' },
] as const;
export type AarSectionKey = (typeof AAR_SECTIONS)[number]['key'];
export const AAR_SECTION_KEYS = AAR_SECTIONS.map((s) => s.key) as [AarSectionKey, ...AarSectionKey[]];

/**
 * Sections holding two or more versions saved at the same time that no later save has
 * reconciled: a report is not made final while any does (the backend refuses, the screen says
 * so before asking).
 */
export const unreconciled = <S extends { readonly heads: readonly unknown[] }>(sections: readonly S[]): S[] => sections.filter((s) => s.heads.length > 1);
export const sectionTitle = (key: string): string => AAR_SECTIONS.find((s) => s.key === key)?.title ?? key;

/** HSEEP mission areas (2020 template: "Focus Area(s)"). */
export const MISSION_AREAS = ['Prevention', 'Protection', 'Mitigation', 'Response', 'Recovery'] as const;
export type MissionArea = (typeof MISSION_AREAS)[number];

/** Table 1 "Summary of Core Capability Performance": one rating per objective × capability. */
export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

export const OBSERVATION_KINDS = ['strength', 'afi'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export const OBSERVATION_KIND_LABELS: Readonly<Record<ObservationKind, string>> = {
  strength: 'Strength',
  afi: 'Area for improvement',
};

/** A candidate the draft proposed stays a candidate until the planner accepts or dismisses it. */
export const OBSERVATION_STATUSES = ['candidate', 'accepted', 'dismissed'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/** Capability elements of a corrective action (HSEEP improvement plan column). */
export const ELEMENTS = ['planning', 'organization', 'equipment', 'training', 'exercise'] as const;
export type Element = (typeof ELEMENTS)[number];
export const ELEMENT_LABELS: Readonly<Record<Element, string>> = {
  planning: 'Planning',
  organization: 'Organization',
  equipment: 'Equipment',
  training: 'Training',
  exercise: 'Exercise',
};

export const ACTION_STATUSES = ['open', 'in_progress', 'completed', 'verified', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  completed: 'Completed',
  verified: 'Verified',
  cancelled: 'Cancelled',
};

/** Still to be done: these can be overdue. */
export const isActionOpen = (s: ActionStatus): boolean => s === 'open' || s === 'in_progress';

const NEXT: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  open: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['open', 'completed', 'cancelled'],
  // A completed action that fails verification goes back to work.
  completed: ['verified', 'in_progress'],
  verified: [],
  cancelled: ['open'],
};

export interface StatusChange {
  from: ActionStatus;
  to: ActionStatus;
  note: string | null;
  /** Who is making the change, and who marked it completed (for verification). */
  by: string | null;
  completedBy: string | null;
}

/**
 * Whether a corrective action may move from one status to another; null when it may,
 * otherwise the reason in words. Verification is a second pair of eyes: it must be done by
 * someone other than whoever marked the action completed. Cancelling, and reopening a
 * cancelled action, need a reason on the record.
 */
export function refuseStatusChange(c: StatusChange): string | null {
  if (c.from === c.to) return `The corrective action is already ${ACTION_STATUS_LABELS[c.to].toLowerCase()}`;
  if (!NEXT[c.from].includes(c.to)) {
    const allowed = NEXT[c.from].map((s) => ACTION_STATUS_LABELS[s].toLowerCase());
    return `A ${ACTION_STATUS_LABELS[c.from].toLowerCase()} corrective action cannot become ${ACTION_STATUS_LABELS[c.to].toLowerCase()}${
      allowed.length ? `; it can become ${allowed.join(' or ')}` : '; verified is final'
    }`;
  }
  if ((c.to === 'cancelled' || c.from === 'cancelled') && !c.note) return 'Give the reason for cancelling or reopening the corrective action';
  if (c.to === 'verified' && c.by !== null && c.completedBy !== null && c.by.toLowerCase() === c.completedBy.toLowerCase()) {
    return `Verification needs someone other than ${c.completedBy}, who marked the action completed`;
  }
  return null;
}

/** Overdue: still open past its due day (both as YYYY-MM-DD in the coalition's zone). */
export const isOverdue = (status: ActionStatus, dueOn: string | null, today: string): boolean =>
  isActionOpen(status) && dueOn !== null && dueOn < today;

/** HSEEP exercise types, discussion-based then operations-based, plus training courses. */
export const EXERCISE_TYPES = ['seminar', 'workshop', 'tabletop', 'game', 'drill', 'functional', 'full_scale', 'course'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];
export const EXERCISE_TYPE_LABELS: Readonly<Record<ExerciseType, string>> = {
  seminar: 'Seminar',
  workshop: 'Workshop',
  tabletop: 'Tabletop exercise',
  game: 'Game',
  drill: 'Drill',
  functional: 'Functional exercise',
  full_scale: 'Full-scale exercise',
  course: 'Training course',
};

/** Words that carry no meaning when comparing two areas for improvement. */
const STOP = new Set(
  'the a an and or of to in on for with by at from was were is are be been not no that this these those than into over under took take more less longer shorter'.split(' '),
);

/** The significant words of a title, for recurrence matching. */
export function significantWords(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w)),
  );
}

/** Share of significant words two titles have in common (Jaccard), 0..1. */
export function titleSimilarity(a: string, b: string): number {
  const x = significantWords(a);
  const y = significantWords(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

/** Two areas for improvement are the same issue when they come from the same rule or read alike. */
export const RECURRENCE_SIMILARITY = 0.5;
