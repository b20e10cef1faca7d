import { type Static, Type } from '@sinclair/typebox';
import { Id, LongText, oneOf, PartialDate, recordOf, ShortText } from './common.js';

export const CASE_STATUSES = ['open', 'monitoring', 'resolved', 'closed'] as const;
export const CONFIDENTIALITY_LEVELS = ['public', 'restricted', 'confidential'] as const;
export const CASE_RELATIONS = ['same_site', 'continuation', 'similar'] as const;

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
