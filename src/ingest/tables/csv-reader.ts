import { VigilError } from '../../domain/errors.js';

/** Field separators a CSV may use; the one that splits the first lines evenly wins. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Splits delimited text into rows of cells (RFC 4180): quoted cells may hold separators, line
 * breaks and doubled quotes; CRLF, LF and CR all end a row. Calls `onRow` per row, stopping
 * early when it returns false. A quote that never closes is an error naming the row.
 */
function splitRows(text: string, delimiter: string, onRow: (cells: string[]) => boolean): void {
  const sep = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let cell = '';
  let i = 0;
  let row = 1;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    cell = '';
    const go = onRow(cells);
    cells = [];
    row++;
    return go;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && cell === '') {
      // A quoted cell: up to the closing quote, "" standing for one quote.
      const startRow = row;
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0)
          throw new VigilError(
            'invalid_input',
            `the CSV has a quote in row ${startRow} that is never closed`,
          );
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      cell = value.replace(/\r\n?/g, '\n');
      i = j;
      // Text after the closing quote (`"a"b`) is kept, as spreadsheet programs do.
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === sep || d === CR || d === LF) break;
        cell += text[i];
        i++;
      }
      continue;
    }
    if (c === sep) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === CR || c === LF) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      if (!endRow()) return;
    } else {
      const next = nextSpecial(text, i, sep);
      cell += text.slice(i, next);
      i = next;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
}

/** The next separator, line break or quote from `i` (quotes matter only at a cell's start). */
function nextSpecial(text: string, i: number, sep: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === sep || c === CR || c === LF) return j;
    j++;
  }
  return j;
}

/** The separator that cuts the first lines into the same number (above one) of cells most often. */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    try {
      splitRows(sample, delimiter, (cells) => {
        counts.push(cells.length);
        return counts.length < 50;
      });
    } catch {
      // The sample may end inside a quoted cell; the lines before it still count.
    }
    const lines = counts.length > 1 ? counts.slice(0, -1) : counts;
    const tally = new Map<number, number>();
    for (const k of lines) if (k > 1) tally.set(k, (tally.get(k) ?? 0) + 1);
    for (const [fields, times] of tally) {
      const score = times * 1000 + fields;
      if (score > bestScore) {
        best = delimiter;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Reads delimited text (RFC 4180, separator detected unless given) into rows of cells. */
export function readCsv(
  text: string,
  options: { delimiter?: Delimiter; maxRows: number },
): { rows: string[][]; delimiter: Delimiter } {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  splitRows(text, delimiter, (cells) => {
    rows.push(cells);
    if (rows.length > options.maxRows)
      throw new VigilError('too_large', `the table has more than ${options.maxRows} rows`);
    return true;
  });
  return { rows, delimiter };
}
