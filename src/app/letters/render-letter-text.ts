import { LETTER_TYPES, type LetterContext, type LetterType } from '../../domain/appeals/letter-context.js';
import { invalid } from '../../domain/errors.js';
import { joinSections, type LetterEdits, type LetterSections } from './letter-sections.js';
import { LETTER_TEMPLATES } from './letter-templates.js';

/** The filled sections of a letter, for an editor that works section by section. */
export function renderLetterSections(type: LetterType, ctx: LetterContext): LetterSections {
  if (!LETTER_TYPES.includes(type)) {
    throw invalid(`unknown letter type "${type}"`, [
      { path: '/type', message: `one of ${LETTER_TYPES.join(', ')}` },
    ]);
  }
  if (!ctx.persons.length)
    throw invalid('a letter needs at least one person concerned', [{ path: '/persons', message: 'empty' }]);
  return LETTER_TEMPLATES[type].build(ctx);
}

/** The letter as editable plain text, with any section edits applied. */
export function renderLetterText(type: LetterType, ctx: LetterContext, edits?: LetterEdits): string {
  return joinSections(renderLetterSections(type, ctx), edits);
}
