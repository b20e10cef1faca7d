import { type Static, Type } from '@sinclair/typebox';
import { CASE_RELATIONS, CASE_STATUSES, CONFIDENTIALITY_LEVELS } from '../record-vocabularies.js';
import { Id, LongText, oneOf, PartialDate, recordOf, ShortText } from './common.js';

/** A case (HURIDOCS ESF "event"): one situation of detention and what happened around it. */
export const CaseFields = Type.Object(
  {
    title: ShortText,
    summary: Type.Optional(LongText),
    status: oneOf(CASE_STATUSES),
    periodStart: Type.Optional(PartialDate),
    periodEnd: Type.Optional(PartialDate),
    confidentiality: oneOf(
      CONFIDENTIALITY_LEVELS,
      'who may see the case; public cases appear in public data',
    ),
    relatedCases: Type.Optional(
      Type.Array(
        Type.Object({ caseId: Id, relation: oneOf(CASE_RELATIONS) }, { additionalProperties: false }),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false },
);
export const Case = recordOf('Case', CaseFields);
export type CaseFields = Static<typeof CaseFields>;
export type Case = Static<typeof Case>;
