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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Largest box (px) of a mark taken for a speck: a fifth of the median height of the words. */
function speckSize(rows: string[][]): number {
  const heights = rows
    .filter((cells) => LETTER_OR_DIGIT.test(cells.slice(11).join('\t')))
    .map((cells) => Number(cells[9]))
    .sort((a, b) => a - b);
  return heights.length ? heights[Math.floor(heights.length / 2)] / 5 : 0;
}

/** Text and words of one page, read from Tesseract's TSV output. */
export interface TsvPage {
  text: string;
  /** Word offsets here are into `text`. */
  words: OcrWord[];
}

/**
 * Turns Tesseract's TSV (one row per page, block, paragraph, line and word) into plain text —
 * words of a line joined by a space, lines by a newline, paragraphs by an empty line — keeping
 * each word's offsets, box and confidence, so spans of the text map back onto the page. Specks
 * of dust read as punctuation are dropped.
 */
export function parseTesseractTsv(tsv: string): TsvPage {
  const rows = tsv
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t'))
    .filter((cells) => cells.length >= 12 && cells[0] === '5' && cells.slice(11).join('\t').trim() !== '');
  const speck = speckSize(rows);
  let text = '';
  const words: OcrWord[] = [];
  let line = '';
  let para = '';
  for (const cells of rows) {
    const word = cells.slice(11).join('\t').trim();
    const [left, top, width, height] = cells.slice(6, 10).map(Number);
    // Dust and noise read as lone marks ("|", "_", "."): far smaller than the page's letters.
    if (!LETTER_OR_DIGIT.test(word) && width <= speck && height <= speck) continue;
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
