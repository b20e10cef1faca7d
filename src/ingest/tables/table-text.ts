/** Where one cell's words sit in the text rendering of its table. */
export interface CellSpan {
  start: number;
  end: number;
  quote: string;
}

/** A table rendered as text, and the span of each cell in it. */
export interface TableText {
  text: string;
  /** The span of a cell's words (surrounding spaces left out), or undefined for an empty cell. */
  cell: (row: number, column: number) => CellSpan | undefined;
}

const NEEDS_QUOTES = /[\t\n\r]|^"/;

/**
 * Renders a table as tab-separated text, one line per row, quoting (with doubled quotes) only
 * cells that hold a tab, a line break or a leading quote: a faithful rendering that a source can
 * keep as its text, so that every imported value has a claim quoting the exact cell it came from.
 */
export function renderTableText(rows: string[][]): TableText {
  const parts: string[] = [];
  const starts: Uint32Array[] = [];
  const ends: Uint32Array[] = [];
  let at = 0;
  for (const row of rows) {
    const s = new Uint32Array(row.length);
    const e = new Uint32Array(row.length);
    row.forEach((value, i) => {
      if (i > 0) {
        parts.push('\t');
        at += 1;
      }
      const rendered = NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
      const inner = rendered === value ? 0 : 1;
      const content = rendered.slice(inner, rendered.length - inner);
      const lead = content.length - content.trimStart().length;
      const trail = content.length - content.trimEnd().length;
      s[i] = at + inner + lead;
      e[i] = Math.max(s[i], at + rendered.length - inner - trail);
      parts.push(rendered);
      at += rendered.length;
    });
    parts.push('\n');
    at += 1;
    starts.push(s);
    ends.push(e);
  }
  const text = parts.join('');
  return {
    text,
    cell(row, column) {
      const start = starts[row]?.[column];
      const end = ends[row]?.[column];
      if (start === undefined || end === undefined || end <= start) return undefined;
      return { start, end, quote: text.slice(start, end) };
    },
  };
}
