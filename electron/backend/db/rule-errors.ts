/** What SQLite says of a row that breaks its table's own rules, whatever this workstation holds. */
const RULE_CODES = new Set(['SQLITE_CONSTRAINT_CHECK', 'SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_CONSTRAINT_DATATYPE']);

/**
 * Whether an error is a row breaking its table's rules (a CHECK, NOT NULL or STRICT type, or
 * JSON a trigger cannot read): the content's fault, so retrying the same content can never
 * succeed. Anything else (a full disk, a busy file) is this workstation's, and may pass.
 */
export function breaksTableRule(e: unknown): boolean {
  return RULE_CODES.has(String((e as { code?: unknown } | null)?.code)) || (e instanceof Error && /malformed JSON/.test(e.message));
}
