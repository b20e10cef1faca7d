import { VigilError } from '../../domain/errors.js';

/** Text layer and metadata of a PDF. */
export interface PdfContent {
  text: string;
  title: string | null;
  published: string | null;
  /** Pages in the file (those read are at most MAX_PAGES). */
  pages: number;
}

/** Largest number of pages read; later pages of a huge PDF are not what a report is. */
const MAX_PAGES = 500;

/**
 * Reads the text layer of a PDF with pdf.js (legacy build for Node), page by page, lines as
 * pdf.js marks them. A scanned PDF without a text layer gives empty text: OCR reads it later.
 */
export async function pdfText(bytes: Buffer): Promise<PdfContent> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: true,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') throw new VigilError('invalid_input', 'the PDF is password-protected');
    throw new VigilError('invalid_input', 'the file is a damaged PDF');
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.map((l) => l.replace(/\s+$/, '')).join('\n'));
      page.cleanup();
    }
    const text = pages
      .join('\n\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as { Title?: unknown; CreationDate?: unknown };
    const title =
      typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim().slice(0, 500) : null;
    const created =
      typeof info.CreationDate === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(info.CreationDate) : null;
    return {
      text,
      title,
      published: created ? `${created[1]}-${created[2]}-${created[3]}` : null,
      pages: doc.numPages,
    };
  } catch (err) {
    if (err instanceof VigilError) throw err;
    throw new VigilError('invalid_input', 'the file is a damaged PDF');
  } finally {
    await doc.destroy();
  }
}
