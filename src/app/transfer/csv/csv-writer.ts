/** Written first in every CSV file Vigil exports for spreadsheets: Excel reads UTF-8 (and Cyrillic) only with it. */
export const UTF8_BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula: exported text comes from hostile sources. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, CR or LF, quotes doubled. Text
 * that a spreadsheet would run as a formula (starting with = + - @ tab or CR) is prefixed with
 * an apostrophe (OWASP's advice against CSV injection); numbers and booleans Vigil wrote itself
 * are left as they are, so a negative coordinate stays a number.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? (FORMULA_START.test(value) ? `'${value}` : value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended by CRLF as RFC 4180 has it. */
export function csvRow(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Undoes the formula guard of `csvCell` on a value read back from a CSV file. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
