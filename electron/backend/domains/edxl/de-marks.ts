import { DEMO_MARK } from '../export/marks';

/** Our own value list for the marks an EDXL-DE keyword carries ("EXERCISE", "DEMO DATA"). */
export const MARKING_URN = 'urn:x-eoc-console:marking';

export interface Marks {
  /** The incident is an exercise. */
  exercise: boolean;
  /** The store holds the demonstration coalition: nothing in it is real. */
  demo: boolean;
}

/**
 * How an EDXL-DE 1.0 envelope says that what it carries is not real. distributionStatus is
 * Exercise for an exercise, and Test for the demonstration coalition: the standard defines
 * Test as "discardable messages for technical testing only", the value a receiving system
 * already discards, while Exercise is "simulated information for exercise participants",
 * which a partner running its own exercise would act on. Demo data is neither theirs nor
 * real, so it must never be Actual, nor Exercise. The marks are also given in words, in a
 * keyword (a value list of our own), for a reader of the XML.
 */
export function envelopeMarks(m: Marks): { distributionStatus: 'Actual' | 'Exercise' | 'Test'; keyword?: { valueListUrn: string; value: string[] } } {
  const words = [m.exercise ? 'EXERCISE' : null, m.demo ? 'DEMO DATA' : null].filter((w): w is string => w !== null);
  return {
    distributionStatus: m.demo ? 'Test' : m.exercise ? 'Exercise' : 'Actual',
    ...(words.length ? { keyword: { valueListUrn: MARKING_URN, value: words } } : {}),
  };
}

/** The words a description starts with: "DEMO DATA - FICTIONAL COALITION, NOT A REAL RECORD. EXERCISE. ". */
export const descriptionMarks = (m: Marks): string => `${m.demo ? `${DEMO_MARK}. ` : ''}${m.exercise ? 'EXERCISE. ' : ''}`;
