/** One facility's report as read from a file, before it is matched to the directory. */
export interface ImportCandidate {
  /** Line in the CSV (header is 1), or the Hospital's position in a HAVE document. */
  line: number;
  name: string;
  identifier: string | null;
  occurredAt: number | null;
  values: { typeId: string; value: string | number }[];
  /** What could not be carried over, in words; a row without a time or a facility is skipped. */
  problems: string[];
  reportedBy: string | null;
}

export interface ImportDocument {
  documentId: string | null;
  candidates: ImportCandidate[];
  /** Problems with the file as a whole; nothing is imported while there are any. */
  fileErrors: string[];
}
