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
  const c = ctx.circumstances;
  if (!ctx.persons.length && !c?.heldCount && !c?.groups?.length)
    throw invalid(
      'A letter must say whom it is about: add a person or a group of detainees to the appeal, or record in the case how many are held.',
      [{ path: '/personIds', message: 'The appeal concerns no person, and its case counts no detainees.' }],
    );
  return LETTER_TEMPLATES[type].build(ctx);
}

/** The letter as editable plain text, with any section edits applied. */
export function renderLetterText(type: LetterType, ctx: LetterContext, edits?: LetterEdits): string {
  return joinSections(renderLetterSections(type, ctx), edits);
}
