import type { Language } from '../../domain/vocabularies.js';
import { imagePages, type PageImage, pdfPages, rotatePage } from './page-images.js';
import { detectRotation, installedLanguages, recognisePage } from './tesseract.js';
import type { OcrWord } from './tesseract-tsv.js';

/** One page read by OCR: its size as read, how it was turned upright, and its words. */
export interface OcrPage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  /** Degrees the page was turned clockwise (after its EXIF orientation) before reading. */
  rotation: 0 | 90 | 180 | 270;
  /** Mean confidence of its words, 0–100 (0 for a page without words). */
  confidence: number;
  /** Word offsets are into the whole document's text. */
  words: OcrWord[];
}

/** A scan or photo read by OCR: the text (pages separated by an empty line) and its pages. */
export interface OcrDocument {
  text: string;
  pages: OcrPage[];
}

/** What a scanned file is: an image (its pages) or a PDF without a text layer (its page count). */
export type ScanFile = { kind: 'image'; bytes: Buffer } | { kind: 'pdf'; bytes: Buffer; pages: number };

const TESSERACT_LANGUAGES: Record<Language, string[]> = {
  ru: ['rus'],
  uk: ['ukr', 'rus'],
  en: ['eng'],
};
/** Official replies come in Russian or Ukrainian; English replies are asked for by `lang`. */
const DEFAULT_LANGUAGES = ['rus', 'ukr'];

/**
 * Reads a scan or photo with Tesseract, page by page: each page is turned upright (EXIF, then
 * script detection), and its words keep their boxes and confidences.
 */
export async function readScan(file: ScanFile, lang?: Language): Promise<OcrDocument> {
  const have = await installedLanguages();
  const wanted = (lang ? TESSERACT_LANGUAGES[lang] : DEFAULT_LANGUAGES).filter((l) => have.has(l));
  const languages = wanted.length ? wanted : [...have].filter((l) => l !== 'osd').slice(0, 1);
  const images =
    file.kind === 'image' ? await imagePages(file.bytes) : await pdfPages(file.bytes, file.pages);
  let text = '';
  const pages: OcrPage[] = [];
  for (const [index, raw] of images.entries()) {
    const rotation = have.has('osd') ? await detectRotation(raw.png, raw.dpi) : 0;
    const image: PageImage = rotation ? await rotatePage(raw, rotation) : raw;
    const read = await recognisePage(image.png, { languages, dpi: image.dpi });
    if (read.text === '') {
      pages.push({
        page: index + 1,
        width: image.width,
        height: image.height,
        rotation,
        confidence: 0,
        words: [],
      });
      continue;
    }
    if (text !== '') text += '\n\n';
    const offset = text.length;
    text += read.text;
    const words = read.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset }));
    const confidence = words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
    pages.push({
      page: index + 1,
      width: image.width,
      height: image.height,
      rotation,
      confidence: Math.round(confidence * 10) / 10,
      words,
    });
  }
  return { text, pages };
}
