import { type Static, Type } from '@sinclair/typebox';
import { ORGANIZATION_KINDS } from '../vocabularies.js';
import { Id, LongText, oneOf, recordOf, ShortText } from './common.js';

/** An organization: military unit (with its parent unit), state body, company, media, NGO, armed group. */
export const OrganizationFields = Type.Object(
  {
    name: ShortText,
    otherNames: Type.Optional(Type.Array(ShortText, { maxItems: 50 })),
    kind: oneOf(ORGANIZATION_KINDS),
    parentId: Type.Optional(Id),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    description: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Organization = recordOf('Organization', OrganizationFields);
export type OrganizationFields = Static<typeof OrganizationFields>;
export type Organization = Static<typeof Organization>;
