import { type TObject, type TProperties, Type } from '@sinclair/typebox';
import { NAME_LANGS, NAME_SCRIPTS } from '../record-vocabularies.js';

/** Record ids: 26 characters of Crockford base32, time-ordered (see ids.ts). */
export const Id = Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{26}$', description: 'record id' });

// Dates are checked by Vigil's formats (domain/validate.ts: VIGIL_FORMATS), not by a pattern: a
// pattern cannot know that 2023-02-29 and 2023-04-31 do not exist.

/** A date known to the year, the month or the day: "2022", "2022-10", "2022-10-12". */
export const PartialDate = Type.String({
  format: 'partial-date',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
});

/** A full calendar date, YYYY-MM-DD. */
export const CalendarDate = Type.String({ format: 'calendar-date', description: 'YYYY-MM-DD' });

/** A birth date known to the year, the month or the day, not in the future nor before 1900. */
export const BirthDate = Type.String({
  format: 'birth-date',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD; not in the future nor before 1900',
});

/** An absolute http or https URL. */
export const WebUrl = Type.String({ format: 'web-url', maxLength: 2000, description: 'http or https URL' });

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 UTC timestamp' });

export const ShortText = Type.String({ minLength: 1, maxLength: 500 });
export const LongText = Type.String({ maxLength: 100_000 });

/** A name as written in one script or transliteration. */
export const NameVariant = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 300 }),
    script: Type.Optional(Type.Union(NAME_SCRIPTS.map((s) => Type.Literal(s)))),
    lang: Type.Optional(Type.Union(NAME_LANGS.map((l) => Type.Literal(l)))),
  },
  { additionalProperties: false },
);

/** Fields every stored record carries; set by the server, never by clients. */
export const RecordMeta = {
  id: Id,
  version: Type.Integer({
    minimum: 1,
    description: 'increases by one on every change; send it back with PATCH',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/** The stored shape of a record: server metadata plus the fields a client writes. */
export function recordOf<P extends TProperties>(title: string, fields: TObject<P>) {
  return Type.Object({ ...RecordMeta, ...fields.properties }, { title, additionalProperties: false });
}

/** Closed string enumeration from a readonly list of literals. */
export function oneOf<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    ...(description ? { description } : {}),
  });
}
