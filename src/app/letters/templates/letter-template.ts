import type { LetterContext, LetterType } from '../../../domain/appeals/letter-context.js';
import type { Lang } from '../format.js';
import type { LetterSections } from '../letter-sections.js';

/** A letter type: its language, a label and how it fills the sections from a case. */
export interface LetterTemplate {
  type: LetterType;
  lang: Lang;
  label: { ru: string; en: string };
  /** Recipient kinds this letter is meant for (see data/recipients.json). */
  recipientKinds: string[];
  build: (ctx: LetterContext) => LetterSections;
}
