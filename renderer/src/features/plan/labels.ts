import type { Tone } from '../../components/StatusBadge';
import type { ReviewStanding } from '../../../../shared/domain/plan';

export const REVIEW_TONE: Record<ReviewStanding, Tone> = { current: 'good', due_soon: 'warn', overdue: 'bad', no_date: 'neutral' };

export const EXTRACTION_WORDS = { ok: 'Searchable', no_text: 'No text (scan?)', unreadable: 'Not readable' } as const;
export const EXTRACTION_TONE: Record<keyof typeof EXTRACTION_WORDS, Tone> = { ok: 'good', no_text: 'warn', unreadable: 'bad' };

/** Where a plan section opens: the Preparedness screen's plans tab, at that section. */
export const sectionHref = (versionId: string, ordinal: number) => `/prep?tab=plans&version=${versionId}&section=${ordinal}`;
