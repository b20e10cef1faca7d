import { type Static, Type } from '@sinclair/typebox';
import { CLAIM_SUBJECTS } from '../record-vocabularies.js';
import { Id, oneOf, recordOf, ShortText } from './common.js';

/** Character offsets into the source text (UTF-16 code units, end exclusive). */
export const TextSpan = Type.Object(
  { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/**
 * One fact about a record, tied to the exact words of a source that state it. The quote must
 * equal the source text at the span, so every value shown can be traced to its sentence.
 */
export const ClaimFields = Type.Object(
  {
    sourceId: Id,
    subjectType: oneOf(CLAIM_SUBJECTS),
    subjectId: Id,
    field: ShortText,
    value: Type.Optional(Type.Unknown({ description: 'the value the source gives for the field' })),
    span: TextSpan,
    quote: Type.String({ minLength: 1, maxLength: 10_000 }),
    credibility: Type.Integer({ minimum: 1, maximum: 6, description: '1 confirmed … 6 cannot be judged' }),
  },
  { additionalProperties: false },
);
export const Claim = recordOf('Claim', ClaimFields);
export type ClaimFields = Static<typeof ClaimFields>;
export type Claim = Static<typeof Claim>;
