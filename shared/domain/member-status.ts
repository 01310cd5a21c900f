import { BOARD_CONDITIONS, type Severity } from './status-rules';

/**
 * A member's headline status as the map carries it: a short code per member (the map's
 * first read holds thousands of members, so no sentences), read back into words and
 * severity here, by the symbols, popups, list, legend, print and exports alike.
 */
export const MEMBER_STATUS = {
  CLOSED: { words: 'Closed', severity: 'critical' },
  EVAC: { words: 'Evacuating', severity: 'critical' },
  NOPWR: { words: 'No power', severity: 'critical' },
  DIV: { words: 'On diversion', severity: 'warning' },
  COMP: { words: 'Compromised', severity: 'warning' },
  GEN: { words: 'On generator', severity: 'warning' },
  EDCL: { words: 'ED closed', severity: 'warning' },
  ADV: { words: 'EMS advisory', severity: 'advisory' },
  OK: { words: 'Normal', severity: 'normal' },
  NR: { words: 'No report', severity: 'unknown' },
} as const satisfies Record<string, { words: string; severity: Severity }>;
export type MemberStatusCode = keyof typeof MEMBER_STATUS;
export const MEMBER_STATUS_CODES = Object.keys(MEMBER_STATUS) as [MemberStatusCode, ...MemberStatusCode[]];

/** The staleness a member's headline can carry on the map; a current one carries none. */
export const MEMBER_STALENESS = ['STALE', 'OVERDUE'] as const;
export type MemberStaleness = (typeof MEMBER_STALENESS)[number];

const BY_WORDS = new Map<string, MemberStatusCode>(MEMBER_STATUS_CODES.map((c) => [MEMBER_STATUS[c].words, c]));

/** The code of a headline in words; words this table does not know read as no report, never as normal. */
export const memberStatusCode = (words: string): MemberStatusCode => BY_WORDS.get(words) ?? 'NR';

/** Every condition the status rules can name has its own code (a test holds the two together). */
export const UNCODED_CONDITIONS = (): string[] => BOARD_CONDITIONS.filter((w) => !BY_WORDS.has(w));

/** "On diversion, stale": the status in words, for popups, lists and exports. */
export function memberStatusWords(code: MemberStatusCode, stale: MemberStaleness | null | undefined): string {
  const w = MEMBER_STATUS[code].words;
  return stale ? `${w}, ${stale === 'STALE' ? 'stale' : 'overdue'}` : w;
}
