import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Collapses runs of white space, so text laid out on lines compares with the source text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of a PDF as a reader sees it, for tests that check what a letter says. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, isEvalSupported: false })
    .promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await doc.destroy();
  // pdfkit breaks lines only at spaces and at hyphens already in the text, so a line ending in a
  // hyphen joins the next one without a space, as a reader would read it.
  return squash(text.replace(/-\n/g, '-'));
}

/** The paragraphs of a DOCX document as plain text. */
export function docxText(docx: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
  const paragraphs = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const decodeXml = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return squash(decodeXml(paragraphs.join('\n')));
}
