import type { Language } from '../domain/vocabularies.js';
import { type Extraction, extractReport } from './extract-report.js';

/** Extracts a short plain-text report written for a test. */
export function extractText(text: string, published?: string, lang?: Language): Extraction {
  return extractReport({ content: text, published, lang, mediaType: 'text/plain' });
}
