import { createHash } from 'node:crypto';
import { VigilError } from '../../domain/errors.js';
import type { TableFileInfo } from '../../domain/schemas/table-import.js';
import { readCsv } from './csv-reader.js';
import { decodeTableText } from './decode-table-text.js';
import { readXlsx, type SheetLimits } from './xlsx-reader.js';

/** A table as read from a file: every row (headers included) as cell texts, and how it was read. */
export interface ParsedTable {
  file: TableFileInfo;
  rows: string[][];
}

export const TABLE_MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Limits on what one table may hold; the file's size is capped before (the upload limit). */
export const TABLE_LIMITS: SheetLimits = { maxRows: 250_000, maxColumns: 500, maxCellChars: 10_000 };

/**
 * Reads a CSV or .xlsx file, told apart by its content, into rows of cell texts. Refuses empty,
 * damaged, binary or oversize files and compression bombs with a clear error; nothing is guessed.
 */
export function readTable(
  bytes: Buffer,
  options: { sheet?: string; limits?: SheetLimits } = {},
): ParsedTable {
  const limits = options.limits ?? TABLE_LIMITS;
  if (bytes.length === 0) throw new VigilError('invalid_input', 'the file is empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const { rows, sheets, sheet } = readXlsx(bytes, { sheet: options.sheet, limits });
    const kept = trim(rows);
    if (kept.length === 0) throw new VigilError('invalid_input', 'the sheet has no rows');
    return {
      file: { sha256, size: bytes.length, format: 'xlsx', sheets, sheet, rows: kept.length },
      rows: kept,
    };
  }
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0)
    throw new VigilError(
      'unsupported_media_type',
      'old Excel files (.xls) are not read: save the table as .xlsx or CSV',
    );
  if (options.sheet !== undefined)
    throw new VigilError('invalid_input', 'a CSV file has no sheets to choose from');
  const { text, encoding } = decodeTableText(bytes);
  const { rows, delimiter } = readCsv(text, { maxRows: limits.maxRows });
  for (const row of rows) {
    if (row.length > limits.maxColumns)
      throw new VigilError('too_large', `the table has more than ${limits.maxColumns} columns`);
    for (const cell of row)
      if (cell.length > limits.maxCellChars)
        throw new VigilError(
          'too_large',
          `a cell of the table holds more than ${limits.maxCellChars} characters`,
        );
  }
  const kept = trim(rows);
  if (kept.length === 0) throw new VigilError('invalid_input', 'the file has no rows');
  return {
    file: { sha256, size: bytes.length, format: 'csv', encoding, delimiter, rows: kept.length },
    rows: kept,
  };
}

/** Rows without the empty ones at the end (spreadsheets keep formatted but empty rows). */
function trim(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((c) => c.trim() === '')) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}
