import {
  LETTER_TYPES,
  type LetterFormat,
  type LetterSender,
  type LetterType,
  letterLanguage,
} from '../../domain/appeals/letter-context.js';
import { invalid } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import { renderLetterDocx } from '../letters/render-letter-docx.js';
import { renderLetterPdf } from '../letters/render-letter-pdf.js';
import { renderLetterText } from '../letters/render-letter-text.js';
import { readRecord } from '../records/record-reader.js';
import { buildStoredLetterContext } from './letter-context-builder.js';

const CONTENT_TYPES: Record<LetterFormat, string> = {
  text: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const EXTENSIONS: Record<LetterFormat, string> = { text: 'txt', pdf: 'pdf', docx: 'docx' };

export interface LetterProps {
  ctx: AppContext;
  interventionId: string;
  type: LetterType;
  format: LetterFormat;
  /** The letter as the person edited it; rendered as given instead of the template. */
  text?: string;
  sender?: Partial<LetterSender>;
  caseReference?: string;
  timeZone?: string;
}

export interface Letter {
  content: Buffer;
  contentType: string;
  /** Names the letter type and the appeal id only: file names end up in mail and logs. */
  filename: string;
  /** Facts the letter prints without a date, because no date of the event is known. */
  undatedClaims: number;
}

/**
 * Writes a letter for a stored appeal: filled from its case, or the person's edited text, as
 * plain text, PDF (embedded Cyrillic font) or DOCX. Reads only; nothing is stored.
 */
export async function buildLetter(props: LetterProps): Promise<Letter> {
  const { ctx, interventionId, type, format } = props;
  if (!LETTER_TYPES.includes(type)) {
    throw invalid(`unknown letter type "${type}"`, [
      { path: '/type', message: `one of ${LETTER_TYPES.join(', ')}` },
    ]);
  }
  let text = props.text;
  let undatedClaims = 0;
  if (text === undefined) {
    const built = await buildStoredLetterContext(props);
    text = renderLetterText(type, built.context);
    undatedClaims = built.undatedClaims;
  } else {
    await readRecord({ ctx, collection: 'interventions', id: interventionId });
    if (!text.trim()) throw invalid('the edited letter is empty', [{ path: '/text', message: 'is empty' }]);
  }
  const lang = letterLanguage(type);
  const content =
    format === 'pdf'
      ? await renderLetterPdf(text, { lang })
      : format === 'docx'
        ? await renderLetterDocx(text)
        : Buffer.from(text.replace(/\r\n?/g, '\n'), 'utf8');
  return {
    content,
    contentType: CONTENT_TYPES[format],
    filename: `vigil-${type.replaceAll('_', '-')}-${interventionId}.${EXTENSIONS[format]}`,
    undatedClaims,
  };
}
