import { invalid } from '../../../domain/errors.js';

export interface CsvTable {
  header: string[];
  /** Data rows, each as long as the header (short rows padded with empty cells). */
  rows: string[][];
  /** The line each data row starts on (1 = the header line), for messages. */
  lines: number[];
}

/** Comma, or semicolon when the header holds more of them (Excel in many locales writes that). */
function delimiterOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Parses CSV as RFC 4180 describes it (quoted cells with doubled quotes and line breaks, CRLF or
 * LF), after an optional UTF-8 byte order mark. Blank lines are skipped. A row longer than the
 * header, or a quote left open, is refused with the line it starts on.
 */
export function readCsv(content: string, what = 'the CSV file'): CsvTable {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const delimiter = delimiterOf(text);
  const records: Array<{ cells: string[]; line: number }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ cells, line: start });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      touched = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) throw invalid(`${what}: a quote opened on line ${start} is never closed`);
  if (cell !== '' || cells.length || touched) endRecord();
  if (records.length === 0) throw invalid(`${what} is empty: it needs a header row`);
  const [head, ...body] = records;
  const header = head.cells.map((h) => h.trim());
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const r of body) {
    if (r.cells.length > header.length) {
      if (r.cells.slice(header.length).every((c) => c.trim() === '')) r.cells.length = header.length;
      else
        throw invalid(
          `${what}: line ${r.line} has ${r.cells.length} cells but the header has ${header.length}`,
        );
    }
    rows.push([...r.cells, ...Array(header.length - r.cells.length).fill('')]);
    lines.push(r.line);
  }
  return { header, rows, lines };
}
