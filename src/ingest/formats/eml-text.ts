import { simpleParser } from 'mailparser';
import { VigilError } from '../../domain/errors.js';
import { htmlToArticle } from '../html-to-text.js';

/** The readable content of an e-mail: subject, sending date and body text. */
export interface EmlContent {
  text: string;
  title: string | null;
  published: string | null;
  /** The sender's domain, which for a newsletter is the outlet; never the address (personal data). */
  senderDomain: string | null;
}

/**
 * Reads an RFC 822 message (.eml): the plain-text part, or the HTML part reduced to its text.
 * Attachments are not read; they would be sources of their own.
 */
export async function emlText(bytes: Buffer): Promise<EmlContent> {
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true, skipHtmlToText: true });
  } catch {
    throw new VigilError('invalid_input', 'the file is a damaged e-mail message');
  }
  let text = (mail.text ?? '').replace(/\r\n?/g, '\n').trim();
  if (!text && typeof mail.html === 'string') text = htmlToArticle(mail.html).body.trim();
  if (!text) throw new VigilError('invalid_input', 'the e-mail message has no text');
  const title = mail.subject?.trim().slice(0, 500) || null;
  const published =
    mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString().slice(0, 10) : null;
  const address = mail.from?.value?.[0]?.address ?? '';
  const senderDomain = /@([a-z0-9.-]+\.[a-z]{2,})$/i.exec(address)?.[1]?.toLowerCase() ?? null;
  return { text, title, published, senderDomain };
}
