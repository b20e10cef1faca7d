import { VigilError } from '../../domain/errors.js';
import { cleanPastedText, headlineOf } from '../furniture.js';
import { htmlToArticle } from '../html-to-text.js';
import { looksLikeHtml } from '../input.js';
import type { ScanFile } from '../ocr/read-scan.js';
import { docxText } from './docx-text.js';
import { emlText } from './eml-text.js';
import { htmlMetadata, withoutScripts } from './html-metadata.js';
import { checkImage, isHeic, MAX_SCAN_PAGES } from './image-file.js';
import { IMAGE_MEDIA_TYPES, imageFormatOf } from './image-format.js';
import { pdfText } from './pdf-text.js';

export const REPORT_MEDIA_TYPES = {
  text: 'text/plain',
  html: 'text/html',
  pdf: 'application/pdf',
  eml: 'message/rfc822',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ...IMAGE_MEDIA_TYPES,
} as const;
export type ReportFormat = keyof typeof REPORT_MEDIA_TYPES;

/** A report file read into clean text, with what its metadata says about it. */
export interface ReportFile {
  format: ReportFormat;
  mediaType: string;
  /**
   * Clean plain text, line ends normalized, no blanks at line ends or around the text: what the
   * source stores and claims quote.
   */
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  outlet: string | null;
  /**
   * Set for a photo, a scan or a PDF without a text layer: `text` is empty until OCR reads the
   * file (in the worker, or by `readScan` for a one-off extraction).
   */
  scan?: ScanFile;
}

/** Largest clean text kept for one source (the Source schema's limit), in characters. */
export const MAX_TEXT_CHARS = 2_000_000;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const EMAIL_HEADERS = /^(?:[!-9;-~]+:[^\n]*\n(?:[ \t][^\n]*\n)*)+\n/;

/** Which format the bytes are, judged by their content (magic bytes, structure), never a file name. */
export function detectFormat(
  bytes: Buffer,
): ReportFormat | { text: string; format: 'text' | 'html' | 'eml' } {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'docx';
  const image = imageFormatOf(bytes);
  if (image) return image;
  if (isHeic(bytes))
    throw new VigilError(
      'unsupported_media_type',
      'HEIC photos cannot be read here (no HEVC decoder): save or export the photo as JPEG and send that',
    );
  if (bytes.includes(0)) throw unsupported();
  let text: string;
  try {
    text = UTF8.decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    throw unsupported();
  }
  let controls = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  if (controls > 0 && controls / text.length > 0.01) throw unsupported();
  const head = text.slice(0, 64 * 1024);
  if (
    EMAIL_HEADERS.test(head) &&
    /^from:/im.test(head) &&
    /^(subject|date|mime-version|received):/im.test(head)
  )
    return { text, format: 'eml' };
  return { text, format: looksLikeHtml(text) ? 'html' : 'text' };
}

function unsupported() {
  return new VigilError(
    'unsupported_media_type',
    'the file is not a supported type: send plain text (UTF-8), HTML, PDF, e-mail (.eml), .docx, or a photo or scan (JPEG, PNG, TIFF)',
  );
}

function isoDay(value: string | null): string | null {
  return value && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value) ? value : null;
}

/**
 * Reads one report file of any supported format into clean text and metadata. Refuses damaged
 * files, compression bombs, unknown types and files with no text, with a clear error. Photos and
 * scans are only checked here (they decode, within the pixel and page limits): OCR is slow and
 * runs later, so `scan` is set and `text` is empty.
 */
export async function readReportFile(bytes: Buffer): Promise<ReportFile> {
  if (bytes.length === 0) throw new VigilError('invalid_input', 'the file is empty');
  const detected = detectFormat(bytes);
  const format = typeof detected === 'string' ? detected : detected.format;
  let out: Omit<ReportFile, 'format' | 'mediaType'>;
  if (format === 'png' || format === 'jpeg' || format === 'tiff') {
    await checkImage(bytes);
    return {
      text: '',
      title: null,
      published: null,
      url: null,
      outlet: null,
      format,
      mediaType: REPORT_MEDIA_TYPES[format],
      scan: { kind: 'image', bytes },
    };
  }
  if (format === 'pdf') {
    const { pages, ...pdf } = await pdfText(bytes);
    if (pdf.text === '') {
      if (pages > MAX_SCAN_PAGES)
        throw new VigilError('too_large', `the scanned PDF has more than ${MAX_SCAN_PAGES} pages`);
      return {
        ...pdf,
        url: null,
        outlet: null,
        published: isoDay(pdf.published),
        format,
        mediaType: REPORT_MEDIA_TYPES.pdf,
        scan: { kind: 'pdf', bytes, pages },
      };
    }
    out = { ...pdf, url: null, outlet: null };
  } else if (format === 'docx') out = { ...docxText(bytes), url: null, outlet: null };
  else if (format === 'eml') {
    const mail = await emlText(bytes);
    out = {
      text: mail.text,
      title: mail.title,
      published: mail.published,
      url: null,
      outlet: mail.senderDomain,
    };
  } else {
    const text = typeof detected === 'string' ? '' : detected.text;
    if (format === 'html') {
      // The extractor's own reading of a page, so its clean text is exactly what it will see.
      const article = htmlToArticle(withoutScripts(text));
      const body = article.title ? `${article.title}\n\n${article.body}` : article.body;
      out = { text: body, title: article.title, published: article.published, ...htmlMetadata(text) };
    } else {
      // Text copied from a page brings its furniture along: the same rules as for HTML.
      const clean = cleanPastedText(text);
      out = {
        text: clean,
        title: headlineOf(clean),
        published: null,
        url: null,
        outlet: null,
      };
    }
  }
  // The same text pasted or saved again (another editor's line ends, trailing blanks) is the same
  // text: its digest finds the source already held instead of making a second one.
  const text = out.text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
  if (text.trim() === '')
    throw new VigilError(
      'invalid_input',
      format === 'html' ? 'the HTML page has no article text' : 'the file has no text',
    );
  if (text.length > MAX_TEXT_CHARS)
    throw new VigilError('too_large', 'the text of the file is longer than 2,000,000 characters');
  return { ...out, text, published: isoDay(out.published), format, mediaType: REPORT_MEDIA_TYPES[format] };
}
