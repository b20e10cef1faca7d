import PDFDocument from 'pdfkit';
import type { LetterLanguage } from '../../domain/appeals/letter-context.js';
import { isListItem, type LetterBlock, parseLetterText } from './letter-blocks.js';
import { LETTER_FONTS } from './letter-fonts.js';

export interface PdfOptions {
  /** Document title in the PDF metadata; defaults to the letter's title line. Keep names out of it. */
  title?: string;
  lang?: LetterLanguage;
}

// Margins of Russian office correspondence (ГОСТ Р 7.0.97-2016): left 30 mm, right 15 mm, top and bottom 20 mm.
const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const FONT_SIZE = 12;
const PARAGRAPH_INDENT = 12.5 * MM;
const ITEM_INDENT = 5 * MM;

/** Renders letter text (generated or edited) to an A4 PDF with an embedded Cyrillic font. */
export function renderLetterPdf(input: string | LetterBlock[], options: PdfOptions = {}): Promise<Buffer> {
  const blocks = typeof input === 'string' ? parseLetterText(input) : input;
  const titleBlock = blocks.find((b) => b.kind === 'title');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    lang: { en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU' }[options.lang ?? 'ru'],
    info: { Title: options.title ?? titleBlock?.lines[0] ?? 'Letter', Creator: 'Vigil', Producer: 'Vigil' },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', LETTER_FONTS.regular);
  doc.registerFont('bold', LETTER_FONTS.bold);
  doc.font('regular').fontSize(FONT_SIZE).lineGap(2);

  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  for (const block of blocks) {
    if (block.kind === 'header') {
      // The addressee block sits in the right half of the page, as in Russian correspondence.
      const x = left + width * 0.45;
      for (const line of block.lines) doc.text(line, x, undefined, { width: width * 0.55 });
    } else if (block.kind === 'title') {
      doc.moveDown(0.5);
      block.lines.forEach((line, i) => {
        doc.font(i === 0 ? 'bold' : 'regular').text(line, left, undefined, { width, align: 'center' });
      });
      doc.font('regular');
    } else {
      for (const line of block.lines) {
        if (isListItem(line))
          doc.text(line, left + ITEM_INDENT, undefined, { width: width - ITEM_INDENT, align: 'justify' });
        else if (block.lines.length === 1)
          doc.text(line, left, undefined, { width, align: 'justify', indent: PARAGRAPH_INDENT });
        else doc.text(line, left, undefined, { width, align: 'left' });
      }
    }
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
