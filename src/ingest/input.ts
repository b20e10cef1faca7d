import { VigilError } from '../domain/errors.js';

/** Largest report accepted, in bytes. */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a report to text, refusing what cannot be one: empty, over 10 MB, binary
 * (NUL or many control bytes) or not valid UTF-8. Errors are invalid_input / too_large.
 */
export function decodeReport(content: string | Uint8Array): string {
  let text: string;
  if (typeof content === 'string') {
    if (Buffer.byteLength(content, 'utf8') > MAX_REPORT_BYTES)
      throw new VigilError('too_large', 'report is larger than 10 MB');
    text = content;
  } else {
    if (content.byteLength > MAX_REPORT_BYTES)
      throw new VigilError('too_large', 'report is larger than 10 MB');
    if (content.includes(0))
      throw new VigilError('invalid_input', 'report is a binary file, not text or HTML');
    try {
      text = UTF8.decode(content);
    } catch {
      throw new VigilError('invalid_input', 'report is not valid UTF-8');
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new VigilError('invalid_input', 'report is empty');
  let controls = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  if (controls > 0 && controls / text.length > 0.01)
    throw new VigilError('invalid_input', 'report is a binary file, not text or HTML');
  return text;
}

/** Whether a text looks like an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (/^<(?:!doctype html|html|head|body|article|meta|div|section|main|p|h1|title)[\s>]/.test(head))
    return true;
  return (text.match(/<\/(?:p|div|span|a|li|h[1-6])>/gi) ?? []).length >= 3;
}
