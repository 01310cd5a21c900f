import Papa from 'papaparse';

/**
 * CSV conventions shared by every export of this domain. papaparse quotes per RFC 4180;
 * cells an office suite would run as a formula (= + - @ first) get a leading apostrophe,
 * except phone numbers and coordinates ("+1 413…", "-72.59"), which would otherwise be
 * spoiled. Import strips that apostrophe again, so a file round-trips.
 */
const FORMULA = /^(?![+-][\d\s().-]*$)[=+\-@\t\r]/;

export function toCsv(fields: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map((c) => (c === null ? '' : c))) }, { escapeFormulae: FORMULA, newline: '\r\n' });
}

/** Undoes the export's formula guard. */
export function unescapeCell(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}
