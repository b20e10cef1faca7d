import { type TObject, type TProperties, Type } from '@sinclair/typebox';
import { NAME_LANGS, NAME_SCRIPTS } from '../record-vocabularies.js';

/** Record ids: 26 characters of Crockford base32, time-ordered (see ids.ts). */
export const Id = Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{26}$', description: 'record id' });

/** A date known to the year, the month or the day: "2022", "2022-10", "2022-10-12". */
export const PartialDate = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
});

/** A full calendar date, YYYY-MM-DD. */
export const CalendarDate = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'YYYY-MM-DD',
});

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
