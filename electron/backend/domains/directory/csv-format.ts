import Papa from 'papaparse';

/**
 * CSV conventions shared by every CSV export. papaparse quotes per RFC 4180; a cell an
 * office suite would run as a formula (= + - @ tab or CR first) gets a leading apostrophe,
 * "-2+3" and "+1 413 555 0100" included (a spreadsheet computes both). Only a plain number
 * ("-72.59") is left as it is. Import strips the apostrophe again, so a file round-trips.
 * A byte-order mark comes first so spreadsheet programs read accented names as UTF-8.
 */
const FORMULA = /^(?![+-]?\d+(?:\.\d+)?$)[=+\-@\t\r]/;

export function toCsv(fields: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map((c) => (c === null ? '' : c))) }, { escapeFormulae: FORMULA, newline: '\r\n' })}\r\n`;
}

/** Undoes the export's formula guard. */
export function unescapeCell(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}
