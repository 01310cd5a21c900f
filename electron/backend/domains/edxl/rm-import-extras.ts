import { invalid } from '../../errors';

/**
 * What the exporter (rm-export.ts) writes where the RequestResource schema has no element of
 * its own, read back: block 6's substitutes from each resource's SpecialRequirements, block 4's
 * costs from Funding, and the notes from the end of the MessageDescription. A message another
 * system wrote keeps its free text too: whatever is not in the console's convention goes into
 * the notes and is named in the warnings, never dropped.
 */

/** The exporter's prefix to SpecialRequirements; another system's text is kept as it is. */
const SUBSTITUTES_PREFIX = /^Suitable substitutes and\/or suggested sources:\s*/i;

export function substitutesOf(special: (string | null)[]): string | null {
  const distinct = [...new Set(special.filter((s): s is string => !!s).map((s) => s.replace(SUBSTITUTES_PREFIX, '').trim()).filter(Boolean))];
  return distinct.length ? distinct.join('; ') : null;
}

/** "$1,234.56" as the exporter writes it (en-US, two decimals): cents, or null when it is not that. */
function cents(amount: string): number | null {
  const m = /^\$(\d{1,3}(?:,\d{3})*|\d+)\.(\d{2})$/.exec(amount);
  return m ? Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]) : null;
}

/** The contract's bound on a line's cost (shared/contract/request.ts lineInput). */
const MAX_CENTS = 1e12;
const OURS = /^Estimated cost (\S+): ([\s\S]+)$/;
const LINE = /line (\d+) \(([\s\S]*?)\) (\S+?)(?=; line \d+ \(|$)/g;

export interface FundingRead {
  /** Cost in cents by the resource's place in the message (0-based). */
  costs: Map<number, number>;
  /** Funding text in no form the console writes, kept for the notes. */
  unread: string | null;
}

/**
 * Funding as the exporter writes it: "Estimated cost $575.50: line 1 (N95 respirator) $450.00;
 * line 2 (Oxygen cylinder) $125.50". A line's number is its place in the message (the exporter
 * numbers lines 1..n in the order it writes them). In that form, a malformed amount, a line the
 * message does not have, or a total that is not the sum of its lines refuses the whole message:
 * a cost read wrong on a 213 RR is worse than none.
 */
export function fundingOf(text: string | null, lineCount: number): FundingRead {
  const costs = new Map<number, number>();
  if (!text) return { costs, unread: null };
  const ours = OURS.exec(text);
  if (!ours) return { costs, unread: text };
  const refuse = (why: string) => invalid(`The message's Funding ("${text.slice(0, 160)}") ${why}; nothing was imported`);
  const total = cents(ours[1]!);
  if (total === null) throw refuse(`gives the total as "${ours[1]}", which is not an amount in dollars and cents such as $1,250.00`);
  const parts = [...ours[2]!.matchAll(LINE)];
  if (!parts.length || parts.map((p) => p[0]).join('; ') !== ours[2]) throw refuse('does not list each line as "line N (kind) $amount"');
  for (const [, n, , amount] of parts) {
    const at = Number(n) - 1;
    const c = cents(amount!);
    if (c === null) throw refuse(`gives line ${n}'s cost as "${amount}", which is not an amount in dollars and cents such as $1,250.00`);
    if (c > MAX_CENTS) throw refuse(`gives line ${n}'s cost as ${amount}, more than a request line can hold`);
    if (at < 0 || at >= lineCount) throw refuse(`prices line ${n}, but the message has ${lineCount} line${lineCount === 1 ? '' : 's'}`);
    if (costs.has(at)) throw refuse(`prices line ${n} twice`);
    costs.set(at, c);
  }
  const sum = [...costs.values()].reduce((s, c) => s + c, 0);
  if (sum !== total) throw refuse(`gives a total of ${ours[1]} but its lines add up to $${(sum / 100).toFixed(2)}`);
  return { costs, unread: null };
}

/** The console's own description: "[DEMO DATA…. ][DRAFT…] [EXERCISE. ]ICS 213RR <number>, priority: <p>. <step>[. Notes: <notes>]". */
const CONSOLE_DESCRIPTION = /ICS 213RR \S+, priority: \w+\. /;
const NOTES_MARK = '. Notes: ';

/** The notes the exporter put after the step's summary; another system's description whole, as its words. */
export function notesOf(description: string | null): { notes: string | null; foreign: boolean } {
  if (!description) return { notes: null, foreign: false };
  if (!CONSOLE_DESCRIPTION.test(description)) return { notes: description, foreign: true };
  const at = description.indexOf(NOTES_MARK);
  return { notes: at === -1 ? null : description.slice(at + NOTES_MARK.length).trim() || null, foreign: false };
}
