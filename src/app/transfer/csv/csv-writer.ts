/** Written first in every CSV file Vigil exports for spreadsheets: Excel reads UTF-8 (and Cyrillic) only with it. */
export const UTF8_BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula: exported text comes from hostile sources. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Numbers alone (or "latitude|longitude"): nothing a spreadsheet can run, and tools must read them. */
const NUMBERS_ONLY = /^-?\d+(\.\d+)?(\|-?\d+(\.\d+)?)*$/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, CR or LF, quotes doubled. Text
 * that a spreadsheet would run as a formula (starting with = + - @ tab or CR) is prefixed with
 * an apostrophe (OWASP's advice against CSV injection); numbers, booleans and text that is only
 * numbers are left as they are, so a negative coordinate stays a number. Files for a tool that
 * imports CSV rather than running it (Uwazi) go without the guard, which it would keep as text.
 */
export function csvCell(value: unknown, formulaGuard = true): string {
  if (value === null || value === undefined) return '';
  const guard =
    formulaGuard && typeof value === 'string' && FORMULA_START.test(value) && !NUMBERS_ONLY.test(value);
  const text = guard ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended by CRLF as RFC 4180 has it. */
export function csvRow(cells: unknown[], { formulaGuard = true } = {}): string {
  return `${cells.map((c) => csvCell(c, formulaGuard)).join(',')}\r\n`;
}

/** Undoes the formula guard of `csvCell` on a value read back from a CSV file. */
export function unguardFormula(text: string): string {
  const inner = text.slice(1);
  return text.startsWith("'") && FORMULA_START.test(inner) && !NUMBERS_ONLY.test(inner) ? inner : text;
}
