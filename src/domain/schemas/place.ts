import { type Static, Type } from '@sinclair/typebox';
import { COORDINATE_PRECISIONS, PLACE_KINDS } from '../record-vocabularies.js';
import { Id, LongText, oneOf, recordOf, ShortText } from './common.js';

/** A place: settlement, detention facility, base, training ground; coordinates with their precision. */
export const PlaceFields = Type.Object(
  {
    name: ShortText,
    otherNames: Type.Optional(Type.Array(ShortText, { maxItems: 100 })),
    kind: oneOf(PLACE_KINDS),
    parentPlaceId: Type.Optional(Id),
    region: Type.Optional(ShortText),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    precision: Type.Optional(oneOf(COORDINATE_PRECISIONS)),
    gazetteerId: Type.Optional(ShortText),
    description: Type.Optional(LongText),
  },
  { additionalProperties: false },
);
export const Place = recordOf('Place', PlaceFields);
export type PlaceFields = Static<typeof PlaceFields>;
export type Place = Static<typeof Place>;
