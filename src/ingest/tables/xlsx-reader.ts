import { VigilError } from '../../domain/errors.js';
import { ZipReader } from '../formats/zip-reader.js';
import {
  readSharedStrings,
  readStyleKinds,
  readWorkbook,
  serialToDate,
  serialToTime,
  walkXml,
} from './xlsx-parts.js';

export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

/** Column letters of a cell reference ("AB12") as a 0-based index. */
function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell reference ("B12") as 0-based row and column. */
function cellAt(ref: string): { row: number; column: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  const column = m ? columnIndex(m[1]) : undefined;
  return m && column !== undefined ? { row: Number(m[2]) - 1, column } : undefined;
}

/**
 * Gives every cell of a merged range the value of its top-left cell, as a reader of the sheet
 * sees it: a unit typed once beside five detainees belongs to all five rows. Ranges are clipped
 * to the rows the sheet has and to the column limit, so a hostile range cannot grow the table.
 */
function fillMergedCells(rows: string[][], merges: string[], maxColumns: number): void {
  for (const ref of merges) {
    const [from, to] = ref.split(':').map(cellAt);
    if (!from || !to) throw new VigilError('invalid_input', 'the .xlsx sheet is damaged');
    const value = rows[from.row]?.[from.column] ?? '';
    if (value === '') continue;
    const lastRow = Math.min(to.row, rows.length - 1);
    const lastColumn = Math.min(to.column, maxColumns - 1);
    for (let r = from.row; r <= lastRow; r++) {
      const row = rows[r];
      for (let c = from.column; c <= lastColumn; c++) {
        while (row.length < c) row.push('');
        if (!row[c]) row[c] = value;
      }
    }
  }
}

/** A number as the cell shows it when it has no special format: integers without ".0". */
function numberText(value: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

/**
 * Reads one sheet of an .xlsx workbook (the first, or the one named) into rows of cell texts:
 * shared and inline strings, numbers, booleans, errors, and dates (cells whose number format
 * shows a date) as ISO dates; a merged range reads as its value in every cell it covers. The archive is read with the zip reader's bomb guards; rows,
 * columns and cell sizes are capped.
 */
export function readXlsx(
  bytes: Buffer,
  options: { sheet?: string; limits: SheetLimits },
): { rows: string[][]; sheets: string[]; sheet: string } {
  const zip = new ZipReader(bytes);
  if (!zip.has('xl/workbook.xml')) {
    if (zip.has('word/document.xml'))
      throw new VigilError('unsupported_media_type', 'this is a Word document, not a spreadsheet');
    if (zip.has('content.xml'))
      throw new VigilError(
        'unsupported_media_type',
        'OpenDocument spreadsheets (.ods) are not read: save the table as .xlsx or CSV',
      );
    throw new VigilError('unsupported_media_type', 'the zip archive is not an .xlsx workbook');
  }
  const { sheets, date1904 } = readWorkbook(zip);
  const chosen = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (!chosen)
    throw new VigilError('invalid_input', 'the workbook has no sheet of that name', {
      sheets: sheets.map((s) => s.name),
    });
  if (!zip.has(chosen.path))
    throw new VigilError('invalid_input', 'the .xlsx file is damaged: a sheet is missing');
  const { limits } = options;
  const strings = readSharedStrings(zip, limits.maxCellChars);
  const styles = readStyleKinds(zip);
  const rows: string[][] = [];
  let row: string[] | undefined;
  let nextRow = 0;
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number } | undefined;
  let value = '';
  let collecting: 'v' | 't' | undefined;
  const merges: string[] = [];
  const finishCell = () => {
    if (!cell || !row) return;
    let text = value;
    if (cell.type === 's') text = strings[Number(value)] ?? '';
    else if (cell.type === 'b') text = value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    else if (cell.type === 'n' || cell.type === '') {
      const kind = styles[cell.style];
      const serial = Number(value);
      if (value !== '' && kind === 'date') text = serialToDate(serial, date1904) ?? numberText(value);
      else if (value !== '' && kind === 'time') text = serialToTime(serial);
      else text = value === '' ? '' : numberText(value);
    }
    if (text.length > limits.maxCellChars)
      throw new VigilError(
        'too_large',
        `a cell of the table holds more than ${limits.maxCellChars} characters`,
      );
    while (row.length < cell.column) row.push('');
    row[cell.column] = text;
    cell = undefined;
  };
  walkXml(zip.read(chosen.path).toString('utf8'), {
    open: (name, a) => {
      if (name === 'row') {
        const r = a.r ? Number(a.r) - 1 : nextRow;
        if (!Number.isInteger(r) || r < nextRow)
          throw new VigilError('invalid_input', 'the .xlsx sheet is damaged');
        if (r >= limits.maxRows)
          throw new VigilError('too_large', `the table has more than ${limits.maxRows} rows`);
        while (rows.length < r) rows.push([]);
        row = [];
        nextRow = r + 1;
        nextColumn = 0;
      } else if (name === 'c' && row) {
        const column = a.r ? columnIndex(a.r) : nextColumn;
        if (column === undefined) throw new VigilError('invalid_input', 'the .xlsx sheet is damaged');
        if (column >= limits.maxColumns)
          throw new VigilError('too_large', `the table has more than ${limits.maxColumns} columns`);
        cell = { column, type: a.t ?? '', style: Number(a.s ?? 0) };
        nextColumn = column + 1;
        value = '';
      } else if (name === 'mergeCell' && a.ref) {
        merges.push(a.ref);
      } else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) collecting = name;
    },
    text: (text) => {
      if (collecting) value += text;
    },
    close: (name) => {
      if (name === collecting) collecting = undefined;
      else if (name === 'c') finishCell();
      else if (name === 'row' && row) {
        rows.push(row);
        row = undefined;
      }
    },
  });
  fillMergedCells(rows, merges, limits.maxColumns);
  return { rows, sheets: sheets.map((s) => s.name), sheet: chosen.name };
}
