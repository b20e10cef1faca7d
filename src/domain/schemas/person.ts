import { type Static, Type } from '@sinclair/typebox';
import { CONTACT_KINDS, PERSON_SEXES, PERSON_STATUSES } from '../record-vocabularies.js';
import { BirthDate, Id, LongText, NameVariant, oneOf, PartialDate, recordOf, ShortText } from './common.js';

/**
 * One entry of a person's status history; `sourceId` says which source states it, `placeId`
 * where he was then (the site he is detained at).
 */
export const PersonStatusEntry = Type.Object(
  {
    status: oneOf(PERSON_STATUSES),
    date: Type.Optional(PartialDate),
    sourceId: Type.Optional(Id),
    placeId: Type.Optional(Id),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** One way to reach a person or their family. Encrypted at rest: it can endanger people. */
export const Contact = Type.Object(
  {
    kind: oneOf(CONTACT_KINDS),
    value: Type.String({ minLength: 1, maxLength: 500 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/**
 * The person's id in a list kept elsewhere (a hotline's spreadsheet, another database): the
 * next version of that list updates the same person instead of adding him again.
 */
export const ExternalId = Type.Object(
  {
    system: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'the list or database the id belongs to',
    }),
    value: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** A person: detainee, relative, official, lawyer… Names in any script, each a variant. */
export const PersonFields = Type.Object(
  {
    names: Type.Array(NameVariant, {
      minItems: 1,
      maxItems: 50,
      description: 'the first is the primary name',
    }),
    sex: Type.Optional(oneOf(PERSON_SEXES)),
    birthDate: Type.Optional(BirthDate),
    hometown: Type.Optional(ShortText),
    hometownPlaceId: Type.Optional(Id),
    employer: Type.Optional(ShortText),
    employerOrganizationId: Type.Optional(Id),
    exemptionGrounds: Type.Optional(Type.String({ maxLength: 2000 })),
    unit: Type.Optional(ShortText),
    unitOrganizationId: Type.Optional(Id),
    rank: Type.Optional(ShortText),
    statusHistory: Type.Optional(Type.Array(PersonStatusEntry, { maxItems: 500 })),
    /** When relatives last heard from him. */
    lastContact: Type.Optional(PartialDate),
    externalIds: Type.Optional(Type.Array(ExternalId, { maxItems: 50 })),
    notes: Type.Optional(LongText),
    contacts: Type.Optional(
      Type.Array(Contact, {
        maxItems: 50,
        description: 'encrypted at rest; shown only to editors and admins',
      }),
    ),
    isPublic: Type.Optional(Type.Boolean({ description: 'may the name appear in public data' })),
  },
  { additionalProperties: false },
);
export type ExternalId = Static<typeof ExternalId>;
export const Person = recordOf('Person', PersonFields);
export type PersonFields = Static<typeof PersonFields>;
export type Person = Static<typeof Person>;
