/**
 * What the verifier finds, each named so an operator can act on it and the console can
 * mark the record wherever it is shown.
 */
export type ProblemKind =
  /** A record whose contents no longer match its chain link. */
  | 'altered'
  /** A record deleted while its chain link remains. */
  | 'deleted'
  /** Links (and their records) removed from the middle of a chain. */
  | 'missing'
  /** A record of fact that is in no chain: inserted outside the console. */
  | 'not-chained'
  /** Links that no longer match a signed head or a witness: the chain was recomputed. */
  | 'rewritten'
  /** Links after the last signed head: added without the workstation's key. */
  | 'unsigned'
  /** A witnessed head beyond the end of the chain: its tail was cut off. */
  | 'truncated'
  /** Heads signed with a key the workstation never enrolled, or a witness that knows another key. */
  | 'foreign-key'
  /** A signed head whose signature does not verify. */
  | 'forged-head'
  /** A value kept from records of fact (a request's status, stock allocated) that disagrees with them. */
  | 'derived'
  /** A mutable record whose field differs from the newest change recorded for it. */
  | 'outbox'
  /** A guard trigger of an append-only table is gone. */
  | 'guard'
  /** A link whose table or canonical form this version does not know. */
  | 'unknown-form'
  /** A witness that could not be used (bad signature, unreadable). */
  | 'witness';

export interface IntegrityProblem {
  kind: ProblemKind;
  workstationId: string | null;
  /** The chain link concerned (the first of a range), or null. */
  seq: number | null;
  table: string;
  /** The record concerned, or null when a range or the schema is concerned. */
  rowId: string | null;
  /** In words: what is wrong, and where. */
  problem: string;
  /** For a stretch of links (missing, rewritten, unsigned, cut off): first and last seq. */
  range?: { from: number; to: number };
}

/** Collects problems up to a limit, counting the rest. */
export class ProblemList {
  readonly items: IntegrityProblem[] = [];
  dropped = 0;
  constructor(private readonly max: number) {}
  push(p: IntegrityProblem): void {
    if (this.items.length < this.max) this.items.push(p);
    else this.dropped++;
  }
  get count(): number {
    return this.items.length + this.dropped;
  }
}

/** Records named in the words an operator uses; the id stays, for IT and the command line. */
const NOUNS: Record<string, string> = {
  audit_entries: 'Audit entry',
  log_entries: 'Log entry',
  decisions: 'Decision',
  messages: 'Message',
  message_replies: 'Message reply',
  significant_proposals: 'Significant-event proposal',
  significant_reviews: 'Significant-event review',
  checklist_ticks: 'Checklist tick',
  request_events: 'Request step',
  request_fills: 'Request fill',
  allocations: 'Stock movement',
  workstation_keys: 'Workstation key record',
  organisations: 'Organisation',
  contacts: 'Contact',
  agreements: 'Agreement',
  inventory: 'Inventory item',
  requests: 'Request',
  request_lines: 'Request line',
  incidents: 'Incident',
  periods: 'Operational period',
  objectives: 'Objective',
  staffing: 'Staffing record',
  checklist_items: 'Checklist item',
  positions: 'Position',
  coalition: 'Coalition record',
  workstations: 'Workstation record',
};

export const recordNoun = (table: string) => NOUNS[table] ?? `${table} record`;

export const describeRow = (table: string, rowId: string | null, seq: number | null) =>
  `${recordNoun(table)} ${rowId ?? '(unknown)'}${seq !== null ? ` (link ${seq})` : ''}`;
