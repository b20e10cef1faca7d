import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { isListItem, type LetterBlock, parseLetterText } from './letter-blocks.js';

export interface DocxOptions {
  /** Document title in the DOCX properties; defaults to the letter's title line. */
  title?: string;
}

// Word units: twips (1/20 pt) for indents, half-points for font size. Times New Roman 14 pt and
// these margins are the usual form of Russian office correspondence; Word has the font everywhere.
const CM = 567;
const SPACING_AFTER = 120;

function paragraphs(block: LetterBlock): Paragraph[] {
  if (block.kind === 'header') {
    return block.lines.map(
      (line) => new Paragraph({ children: [new TextRun(line)], indent: { left: 8 * CM } }),
    );
  }
  if (block.kind === 'title') {
    return block.lines.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: line, bold: i === 0 })],
          spacing: { before: i === 0 ? 240 : 0 },
        }),
    );
  }
  return block.lines.map((line) => {
    if (isListItem(line)) {
      return new Paragraph({
        children: [new TextRun(line)],
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: CM / 2 },
      });
    }
    const prose = block.lines.length === 1;
    return new Paragraph({
      children: [new TextRun(line)],
      alignment: prose ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
      indent: prose ? { firstLine: Math.round(1.25 * CM) } : undefined,
    });
  });
}

/** Renders letter text (generated or edited) to a DOCX document. */
export function renderLetterDocx(input: string | LetterBlock[], options: DocxOptions = {}): Promise<Buffer> {
  const blocks = typeof input === 'string' ? parseLetterText(input) : input;
  const children: Paragraph[] = [];
  for (const block of blocks) {
    const ps = paragraphs(block);
    children.push(...ps, new Paragraph({ children: [], spacing: { after: SPACING_AFTER } }));
  }
  const doc = new Document({
    creator: 'Vigil',
    title: options.title ?? blocks.find((b) => b.kind === 'title')?.lines[0] ?? 'Letter',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: Math.round(1.5 * CM) } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
