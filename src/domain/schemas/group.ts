import { type Static, Type } from '@sinclair/typebox';
import { Id, LongText, PartialDate, recordOf } from './common.js';

/**
 * People known only by number and description ("21 mobilized men from Primorye, eight of them
 * exempt Dalpolymetal workers"): how many, who, where they are held and since when, from which
 * sources. A sub-group names its parent; named persons found later join through `memberPersonIds`.
 * Linked to cases by involvements and to acts as victims, like a person.
 */
export const GroupFields = Type.Object(
  {
    description: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'who they are, as the sources say it: "mobilized men from Primorye"',
    }),
    count: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'how many people; absent when unknown' }),
    ),
    placeId: Type.Optional(Id),
    dateFrom: Type.Optional(PartialDate),
    dateTo: Type.Optional(PartialDate),
    parentGroupId: Type.Optional(Id),
    memberPersonIds: Type.Optional(
      Type.Array(Id, { maxItems: 1000, description: 'named persons known to belong to the group' }),
    ),
    sourceIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    notes: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Group = recordOf('Group', GroupFields);
export type GroupFields = Static<typeof GroupFields>;
export type Group = Static<typeof Group>;
