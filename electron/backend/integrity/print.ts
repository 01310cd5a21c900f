import type { Services } from '../registry';
import { witnessLine } from './heads';

/** What a print or export carries of the record's integrity. */
export interface PrintIntegrity {
  /** The head signed as the document is made, for its footer: a witness a person can read back. */
  readonly line: string;
  readonly head: { seq: number; hash: string; signedAt: number } | null;
  /** `text` with a mark in words when record `id` failed the last integrity check. */
  mark(id: string, text: string): string;
}

export const FAILED_MARK = '[FAILED INTEGRITY CHECK: changed or removed outside the console] ';

/**
 * Signs the chain head now (every export and print is a checkpoint) and collects the
 * records the last check found at fault, so the document prints them marked.
 */
export function printIntegrity(services: Services, reason: 'export' | 'print'): PrintIntegrity {
  const head = services.signHead(reason);
  const marked = new Set(services.integrityStatus().marked.map((m) => m.rowId));
  return {
    line: head ? witnessLine(head) : 'Chain head: nothing recorded yet',
    head: head ? { seq: head.seq, hash: head.hash, signedAt: head.signedAt } : null,
    mark: (id, text) => (marked.has(id) ? `${FAILED_MARK}${text}` : text),
  };
}
