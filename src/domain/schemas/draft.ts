import { type Static, Type } from '@sinclair/typebox';
import { DRAFT_DECISIONS, DRAFT_ITEM_KINDS, DRAFT_STATUSES } from '../record-vocabularies.js';
import { Id, oneOf, Timestamp } from './common.js';

/** A span of the source text with the words it covers. */
export const QuotedSpan = Type.Object(
  { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }), quote: Type.String() },
  { additionalProperties: false },
);
export type QuotedSpan = Static<typeof QuotedSpan>;

/**
 * One proposed fact of a draft: what extraction found (`proposed`), where the source says it,
 * and what the reviewer decided: accept it, edit it (`value`), or reject it; for entities also
 * which record it is (`matchId`) or that it is someone new (`createNew`).
 */
export const DraftItem = Type.Object(
  {
    id: Type.String({ description: 'stable within the draft, e.g. "person-1"' }),
    kind: oneOf(DRAFT_ITEM_KINDS),
    proposed: Type.Record(Type.String(), Type.Unknown(), { description: 'the extracted value' }),
    spans: Type.Array(QuotedSpan),
    decision: oneOf(DRAFT_DECISIONS),
    value: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'the reviewer’s corrected value' }),
    ),
    matchId: Type.Optional(Id),
    createNew: Type.Optional(Type.Boolean()),
    decidedBy: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'DraftItem' },
);
export type DraftItem = Static<typeof DraftItem>;

/** What applying a draft produced: the case, and the records created and linked. */
export const DraftResult = Type.Object(
  {
    caseId: Type.Optional(Id),
    created: Type.Record(Type.String(), Type.Array(Id)),
    linked: Type.Record(Type.String(), Type.Array(Id)),
    claims: Type.Array(Id),
  },
  { additionalProperties: false, title: 'DraftResult' },
);
export type DraftResult = Static<typeof DraftResult>;

/** An extraction draft of one source, reviewed item by item and then applied as a whole. */
export const Draft = Type.Object(
  {
    id: Id,
    sourceId: Id,
    status: oneOf(DRAFT_STATUSES),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    language: Type.String(),
    title: Type.Union([Type.String(), Type.Null()]),
    published: Type.Union([Type.String(), Type.Null()]),
    items: Type.Array(DraftItem),
    result: Type.Optional(DraftResult),
  },
  { additionalProperties: false, title: 'Draft' },
);
export type Draft = Static<typeof Draft>;

/** Why a record may be the entity of an item: a named signal and what it adds to the score. */
export const MatchReason = Type.Object(
  { code: Type.String(), weight: Type.Number(), detail: Type.String() },
  { additionalProperties: false, title: 'MatchReason' },
);
export type MatchReason = Static<typeof MatchReason>;

export const Candidate = Type.Object(
  {
    id: Id,
    label: Type.String(),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    reasons: Type.Array(MatchReason),
  },
  { additionalProperties: false, title: 'Candidate' },
);
export type Candidate = Static<typeof Candidate>;

/** A draft item as the reviewer sees it: with candidate records and Vigil's suggestion. */
export const DraftItemView = Type.Object(
  {
    ...DraftItem.properties,
    candidates: Type.Array(Candidate),
    suggestion: Type.Object(
      { matchId: Type.Optional(Id), createNew: Type.Optional(Type.Boolean()) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'DraftItemView' },
);
export type DraftItemView = Static<typeof DraftItemView>;

export const DraftView = Type.Object(
  { ...Draft.properties, items: Type.Array(DraftItemView) },
  { additionalProperties: false, title: 'DraftView' },
);
export type DraftView = Static<typeof DraftView>;

/** The reviewer's decision on one item. */
export const ItemDecision = Type.Object(
  {
    decision: oneOf(['accept', 'edit', 'reject'] as const),
    value: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    matchId: Type.Optional(Id),
    createNew: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, title: 'ItemDecision' },
);
export type ItemDecision = Static<typeof ItemDecision>;
