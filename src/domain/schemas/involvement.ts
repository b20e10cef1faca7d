import { type Static, Type } from '@sinclair/typebox';
import { INVOLVEMENT_ROLES } from '../record-vocabularies.js';
import { Id, oneOf, recordOf } from './common.js';

/**
 * A person, a group or an organization in a case, with a role: exactly one of personId, groupId
 * and organizationId. A relative names whom they speak for: relatedPersonId or relatedGroupId.
 */
export const InvolvementFields = Type.Object(
  {
    caseId: Id,
    personId: Type.Optional(Id),
    organizationId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    role: oneOf(INVOLVEMENT_ROLES),
    relatedPersonId: Type.Optional(Id),
    relatedGroupId: Type.Optional(Id),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const Involvement = recordOf('Involvement', InvolvementFields);
export type InvolvementFields = Static<typeof InvolvementFields>;
export type Involvement = Static<typeof Involvement>;
