import { ENTRY_SOURCES, type EntrySource } from '../../../../shared/domain/incident-rules';

export const SOURCE_LABELS: Record<EntrySource, string> = {
  direct: 'Typed now (direct)',
  radio: 'Radio',
  phone: 'Phone',
  paper: 'Paper',
  email: 'Email',
  in_person: 'In person',
  other: 'Other',
};

export const SOURCE_OPTIONS = ENTRY_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }));

/** "TRANSCRIBED · RADIO", "LATE ENTRY": how a row says it was not typed as it happened. */
export function transcriptionMark(source: EntrySource | null, transcribed: boolean): string | null {
  if (!transcribed) return null;
  if (!source || source === 'direct') return 'Late entry';
  return `Transcribed · ${SOURCE_LABELS[source]}`;
}
