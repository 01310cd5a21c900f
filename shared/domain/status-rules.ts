/**
 * Facility status (essential elements of information, standards reference §6.3): how a
 * value's age reads, how a facility's headline status is chosen, and which entered values
 * are implausible. Pure rules, shared by the backend (which enforces them) and the
 * renderer (which explains them).
 */

export const STATUS_KINDS = ['number', 'choice', 'yes_no', 'text', 'datetime'] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** How a report reached the EOC; most arrive by phone and radio and are typed in. */
export const REPORT_SOURCES = ['phone', 'radio', 'email', 'in_person', 'import', 'other'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
export const REPORT_SOURCE_LABELS: Readonly<Record<ReportSource, string>> = {
  phone: 'Phone',
  radio: 'Radio',
  email: 'Email',
  in_person: 'In person',
  import: 'Import',
  other: 'Other',
};

/** 0 normal, 1 advisory, 2 warning, 3 critical: how bad a choice value is. */
export type SeverityRank = 0 | 1 | 2 | 3;
export const SEVERITIES = ['normal', 'advisory', 'warning', 'critical', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityOf = (rank: SeverityRank): Severity => SEVERITIES[rank];

export interface StatusChoice {
  readonly value: string;
  readonly label: string;
  readonly severity: SeverityRank;
}

// ---------- staleness ----------

export const STALENESS = ['CURRENT', 'STALE', 'OVERDUE'] as const;
export type Staleness = (typeof STALENESS)[number];

/**
 * A value older than its status type's reporting interval (at the current activation
 * level) reads STALE; older than twice the interval, OVERDUE. Exactly at the interval it
 * is still current: "report every 4 hours" is met by a report 4 hours old.
 */
export function staleness(ageMs: number, intervalMinutes: number): Staleness {
  const interval = intervalMinutes * 60_000;
  if (ageMs > 2 * interval) return 'OVERDUE';
  if (ageMs > interval) return 'STALE';
  return 'CURRENT';
}

export const worseStaleness = (a: Staleness, b: Staleness): Staleness => (STALENESS.indexOf(a) >= STALENESS.indexOf(b) ? a : b);

/** "40 min", "3 h 05 min", "2 d 4 h": an age read at a glance. */
export function formatAgeShort(ageMs: number): string {
  const min = Math.max(0, Math.floor(ageMs / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** "1 bed", "2 beds": catalogue units are plural. */
export const unitFor = (unit: string, n: number): string => (n === 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit);

// ---------- the codes the rules refer to ----------

/** Status types the headline and the cross-checks read, by their stable codes. */
export const CODES = {
  operatingStatus: 'ops.status',
  acceptingTransfers: 'ops.accepting_transfers',
  edStatus: 'ed.status',
  emsTraffic: 'ed.ems_traffic',
  diversionReason: 'ed.diversion_reason',
  diversionUntil: 'ed.diversion_until',
  power: 'power.source',
  fuelHours: 'power.fuel_hours',
} as const;

// ---------- headline ----------

export interface Headline {
  /** In words, e.g. "On diversion", "Evacuating", "Closed", "Normal", "No report". */
  readonly words: string;
  readonly severity: Severity;
  /** The status type codes the words came from (their ages decide the staleness shown). */
  readonly from: readonly string[];
}

/** Conditions in order of precedence: the first that holds is the facility's headline. */
const HEADLINE_RULES: readonly { code: string; value: string; words: string; severity: Severity }[] = [
  { code: CODES.operatingStatus, value: 'closed', words: 'Closed', severity: 'critical' },
  { code: CODES.operatingStatus, value: 'evacuating', words: 'Evacuating', severity: 'critical' },
  { code: CODES.power, value: 'none', words: 'No power', severity: 'critical' },
  { code: CODES.emsTraffic, value: 'diversion', words: 'On diversion', severity: 'warning' },
  { code: CODES.operatingStatus, value: 'compromised', words: 'Compromised', severity: 'warning' },
  { code: CODES.power, value: 'generator', words: 'On generator', severity: 'warning' },
  { code: CODES.edStatus, value: 'closed', words: 'ED closed', severity: 'warning' },
  { code: CODES.emsTraffic, value: 'advisory', words: 'EMS advisory', severity: 'advisory' },
];

/** The codes whose values can make the headline. */
export const HEADLINE_CODES: readonly string[] = [...new Set(HEADLINE_RULES.map((r) => r.code))];

/**
 * One status in words for a facility from its current values (code to stored text).
 * A facility with none of the headline values reported reads "No report"; with some and
 * none of the conditions, "Normal".
 */
export function headlineOf(current: ReadonlyMap<string, string | null>): Headline {
  const first = conditionsOf(current)[0];
  if (first) return first;
  const present = HEADLINE_CODES.filter((c) => current.get(c) != null);
  return present.length ? { words: 'Normal', severity: 'normal', from: present } : { words: 'No report', severity: 'unknown', from: [] };
}

/** Every condition that holds (a facility can be on diversion and on generator at once), worst first. */
export function conditionsOf(current: ReadonlyMap<string, string | null>): Headline[] {
  return HEADLINE_RULES.filter((r) => current.get(r.code) === r.value).map((r) => ({ words: r.words, severity: r.severity, from: [r.code] }));
}

/** The conditions the situation board counts, in its order. */
export const BOARD_CONDITIONS: readonly string[] = HEADLINE_RULES.map((r) => r.words);
export const CONDITION_SEVERITY: Readonly<Record<string, Severity>> = Object.fromEntries(HEADLINE_RULES.map((r) => [r.words, r.severity]));

// ---------- validation ----------

export const FLAG_RULES = ['negative', 'range', 'above_baseline', 'jump', 'ed_closed_accepting', 'closed_accepting_transfers'] as const;
export type FlagRule = (typeof FLAG_RULES)[number];

/** What the rules need to know of a status type. */
export interface RuleType {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly kind: StatusKind;
  readonly unit: string | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly baselineTypeId: string | null;
  /** A change larger than this share of the last value is flagged (0.5 = 50%). */
  readonly jumpShare: number | null;
}

/** A value as stored: numbers (and times) in `n`, choices, yes/no and text in `s`. */
export interface StoredValue {
  readonly n: number | null;
  readonly s: string | null;
}

export interface PreviousValue extends StoredValue {
  readonly occurredAt: number;
}

export interface Flag {
  /** `${typeId}:${rule}`: what a confirmation names. */
  readonly key: string;
  readonly typeId: string;
  readonly rule: FlagRule;
  /** In words an operator can check with the caller. */
  readonly message: string;
}

/** Changes smaller than this are never a "jump", whatever the share (1 -> 2 beds is 100%). */
export const JUMP_MIN_CHANGE = 3;

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const withUnit = (t: RuleType, v: number) => `${num(v)}${t.unit ? ` ${unitFor(t.unit, v)}` : ''}`;

/**
 * The implausible values of one report, each with its reason in words. `entered` holds
 * this report's values by type id; `previous` the facility's current values before it.
 * A value is never dropped or changed here: it is flagged, and the operator confirms it
 * with a reason or corrects it. `byCode`: the same types by code, when the caller keeps them
 * (the backend's catalogue does: building the map for every report was a fifth of what a
 * report allocated).
 */
export function checkReport(
  types: ReadonlyMap<string, RuleType>,
  entered: ReadonlyMap<string, StoredValue>,
  previous: ReadonlyMap<string, PreviousValue>,
  formatTime: (ms: number) => string,
  byCode: ReadonlyMap<string, RuleType> = new Map([...types.values()].map((t) => [t.code, t])),
): Flag[] {
  const flags: Flag[] = [];
  const flag = (t: RuleType, rule: FlagRule, message: string) => flags.push({ key: `${t.id}:${rule}`, typeId: t.id, rule, message });
  const valueOf = (code: string): string | null => {
    const t = byCode.get(code);
    if (!t) return null;
    return entered.get(t.id)?.s ?? (entered.has(t.id) ? null : (previous.get(t.id)?.s ?? null));
  };

  for (const [typeId, v] of entered) {
    const t = types.get(typeId);
    if (!t || t.kind !== 'number' || v.n === null) continue;
    if (v.n < 0) {
      flag(t, 'negative', `${t.label} cannot be negative (${num(v.n)} given)`);
      continue;
    }
    if ((t.min !== null && v.n < t.min) || (t.max !== null && v.n > t.max)) {
      flag(t, 'range', `${t.label} of ${withUnit(t, v.n)} is outside the plausible range ${num(t.min ?? 0)} to ${withUnit(t, t.max ?? v.n)}`);
    }
    if (t.baselineTypeId) {
      const base = entered.get(t.baselineTypeId)?.n ?? previous.get(t.baselineTypeId)?.n ?? null;
      if (base !== null && v.n > base) {
        flag(t, 'above_baseline', `${t.label} (${num(v.n)}) is more than the baseline (${num(base)})`);
      }
    }
    const prev = previous.get(typeId);
    if (t.jumpShare !== null && prev && prev.n !== null) {
      const change = v.n - prev.n;
      const share = Math.abs(change) / Math.max(prev.n, 1);
      if (Math.abs(change) >= JUMP_MIN_CHANGE && share > t.jumpShare) {
        flag(
          t,
          'jump',
          `${t.label} went from ${num(prev.n)} to ${num(v.n)} (${change > 0 ? '+' : ''}${Math.round((change / Math.max(prev.n, 1)) * 100)}%) since the report of ${formatTime(prev.occurredAt)}; more than ${Math.round(t.jumpShare * 100)}% in one report`,
        );
      }
    }
  }

  // Cross-checks: flagged on whichever of the pair this report entered.
  const ed = byCode.get(CODES.edStatus);
  const ems = byCode.get(CODES.emsTraffic);
  if (ed && ems && (entered.has(ed.id) || entered.has(ems.id)) && valueOf(CODES.edStatus) === 'closed' && valueOf(CODES.emsTraffic) === 'normal') {
    flag(entered.has(ed.id) ? ed : ems, 'ed_closed_accepting', 'The ED is reported closed while EMS traffic reads "accepting all EMS"; one of the two is wrong');
  }
  const ops = byCode.get(CODES.operatingStatus);
  const transfers = byCode.get(CODES.acceptingTransfers);
  const opsValue = valueOf(CODES.operatingStatus);
  if (
    ops &&
    transfers &&
    (entered.has(ops.id) || entered.has(transfers.id)) &&
    (opsValue === 'closed' || opsValue === 'evacuating') &&
    valueOf(CODES.acceptingTransfers) === 'yes'
  ) {
    flag(entered.has(transfers.id) ? transfers : ops, 'closed_accepting_transfers', `The facility is reported ${opsValue} while accepting transfers; one of the two is wrong`);
  }
  return flags;
}

// ---------- status requests (HPP measure J.1, CST PM17/PM19) ----------

export interface ResponseTimes {
  /** When the request went out. */
  readonly requestedAt: number;
  readonly deadline: number;
  /** Per facility asked: when it first reported the requested fields, or null. */
  readonly responses: readonly (number | null)[];
}

export interface RequestFigures {
  readonly asked: number;
  readonly answered: number;
  readonly onTime: number;
  /** HPP-PHEP J.1: share of the partners asked that reported within the requested time. */
  readonly onTimeShare: number | null;
  /** PM17/PM19: minutes from the request to the last facility's report; null while any is outstanding. */
  readonly minutesToLast: number | null;
  readonly outstanding: number;
}

export function requestFigures(r: ResponseTimes): RequestFigures {
  const answered = r.responses.filter((x): x is number => x !== null);
  const onTime = answered.filter((x) => x <= r.deadline).length;
  const asked = r.responses.length;
  const last = answered.length ? Math.max(...answered) : null;
  return {
    asked,
    answered: answered.length,
    onTime,
    onTimeShare: asked ? onTime / asked : null,
    minutesToLast: answered.length === asked && last !== null ? Math.max(0, Math.round((last - r.requestedAt) / 60_000)) : null,
    outstanding: asked - answered.length,
  };
}

/**
 * Whether the on-time share (J.1) of a request is known: once its deadline has passed, or
 * once every facility asked has answered. Before that it only says how many answered so
 * far: "0% on time" a minute after sending reads as a failure that has not happened.
 */
export function onTimeKnown(f: Pick<RequestFigures, 'outstanding'>, deadline: number, now: number): boolean {
  return now > deadline || f.outstanding === 0;
}

/**
 * Whether a facility is found by what the operator typed: its name, short name or town
 * contains it, ignoring case. One rule for the backend's filter and the entry screen, which
 * filters as each key is typed so Enter always opens a facility of the list on screen.
 */
export function facilityMatches(f: { name: string; shortName?: string | null; town: string }, typed: string): boolean {
  const q = typed.trim().toLowerCase();
  return !q || f.name.toLowerCase().includes(q) || (f.shortName ?? '').toLowerCase().includes(q) || f.town.toLowerCase().includes(q);
}

/** A status report's values as stored: [{t, n, s}] in JSON, a type with its number or its text. */
export interface ReportValue {
  t: string;
  n: number | null;
  s: string | null;
}

/** Whether a value read from elsewhere is one: the region's totals are summed from its numbers. */
export function isReportValue(x: unknown): x is ReportValue {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const { t, n, s } = x as Record<string, unknown>;
  return typeof t === 'string' && (n === null || (typeof n === 'number' && Number.isFinite(n))) && (s === null || typeof s === 'string');
}
