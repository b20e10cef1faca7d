/** One recognised word: where it sits in the document's text and on its page. */
export interface OcrWord {
  /** Offsets of the word in the document's text (end exclusive). */
  start: number;
  end: number;
  /** Box on the prepared page image, in pixels: left, top, width, height. */
  box: [number, number, number, number];
  /** Tesseract's confidence, 0–100. */
  confidence: number;
}

/** Words under this confidence are marked for the reviewer. */
export const LOW_CONFIDENCE = 60;

/** Text and words of one page, read from Tesseract's TSV output. */
export interface TsvPage {
  text: string;
  /** Word offsets here are into `text`. */
  words: OcrWord[];
}

/**
 * Turns Tesseract's TSV (one row per page, block, paragraph, line and word) into plain text —
 * words of a line joined by a space, lines by a newline, paragraphs by an empty line — keeping
 * each word's offsets, box and confidence, so spans of the text map back onto the page.
 */
export function parseTesseractTsv(tsv: string): TsvPage {
  let text = '';
  const words: OcrWord[] = [];
  let line = '';
  let para = '';
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const word = cells.slice(11).join('\t').trim();
    if (word === '') continue;
    const [left, top, width, height] = cells.slice(6, 10).map(Number);
    const lineKey = cells.slice(1, 5).join('.');
    const paraKey = cells.slice(1, 4).join('.');
    if (text !== '') text += paraKey !== para ? '\n\n' : lineKey !== line ? '\n' : ' ';
    line = lineKey;
    para = paraKey;
    words.push({
      start: text.length,
      end: text.length + word.length,
      box: [left, top, width, height],
      confidence: Math.max(0, Math.min(100, Math.round(Number(cells[10]) * 10) / 10)),
    });
    text += word;
  }
  return { text, words };
}
