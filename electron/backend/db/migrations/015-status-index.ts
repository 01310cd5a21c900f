/**
 * Migration 15 (issue 8): the current-status index by type without the value.
 *
 * `status_current_type` indexed (type_id, value_num), so every report that changed a
 * value moved its index entry: one more page written by almost every status report
 * (measured: 11 pages per report, 10 without), and no query orders or filters
 * status_current by value. Keyed by type alone, the index still answers "is this type in
 * use" (the catalogue editor) and is rewritten only when a facility reports a type for the
 * first time. Numbered 15: 14 is the file-size migration made at the same time.
 */
export const sql = /* sql */ `
DROP INDEX status_current_type;
CREATE INDEX status_current_type ON status_current(type_id);
`;
