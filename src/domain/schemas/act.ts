import { type Static, Type } from '@sinclair/typebox';
import { ACT_STATUSES } from '../record-vocabularies.js';
import { ACT_TYPES } from '../vocabularies.js';
import { Id, LongText, oneOf, PartialDate, recordOf } from './common.js';

/** What was done, to whom, by whom, where and when, in the controlled vocabulary. */
export const ActFields = Type.Object(
  {
    caseId: Id,
    type: oneOf(ACT_TYPES),
    status: oneOf(ACT_STATUSES),
    statusSetBy: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'who last set the status: an actor id, or "system:corroboration" when Vigil moved it by counting sources',
      }),
    ),
    victimIds: Type.Optional(Type.Array(Id, { maxItems: 1000, description: 'persons' })),
    victimGroupIds: Type.Optional(
      Type.Array(Id, { maxItems: 200, description: 'groups of people known by number and description' }),
    ),
    perpetratorPersonIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    perpetratorOrganizationIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    placeId: Type.Optional(Id),
    dateFrom: Type.Optional(PartialDate),
    dateTo: Type.Optional(PartialDate),
    description: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Act = recordOf('Act', ActFields);
export type ActFields = Static<typeof ActFields>;
export type Act = Static<typeof Act>;
