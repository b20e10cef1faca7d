import { type Static, Type } from '@sinclair/typebox';
import { RELIABILITY_GRADES, SOURCE_KINDS } from '../record-vocabularies.js';
import { LANGUAGES } from '../vocabularies.js';
import { CalendarDate, oneOf, recordOf, ShortText, WebUrl } from './common.js';

/** A source of information (ESF "information"): its text is what claims quote. */
export const SourceFields = Type.Object(
  {
    kind: oneOf(SOURCE_KINDS),
    title: Type.Optional(ShortText),
    outlet: Type.Optional(ShortText),
    url: Type.Optional(WebUrl),
    published: Type.Optional(CalendarDate),
    language: Type.Optional(oneOf([...LANGUAGES, 'other'] as const)),
    sha256: Type.Optional(
      Type.String({
        pattern: '^[0-9a-f]{64}$',
        description: 'SHA-256 of the content; computed from text when absent',
      }),
    ),
    reliability: Type.Optional(oneOf(RELIABILITY_GRADES, 'Admiralty scale A–F')),
    text: Type.Optional(
      Type.String({
        maxLength: 50_000_000,
        description:
          'clean text of the source; reports are read up to 2,000,000 characters, a spreadsheet is kept as its table rendered as text',
      }),
    ),
    sensitive: Type.Optional(
      Type.Boolean({
        description:
          'testimony that could endanger someone: the text is encrypted at rest and left out of the search index',
      }),
    ),
    fileSha256: Type.Optional(
      Type.String({
        pattern: '^[0-9a-f]{64}$',
        description: 'SHA-256 of the original file an ingested source was read from (kept content-addressed)',
      }),
    ),
    mediaType: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'media type of the original file, detected from its content',
      }),
    ),
  },
  { additionalProperties: false },
);
export const Source = recordOf('Source', SourceFields);
export type SourceFields = Static<typeof SourceFields>;
export type Source = Static<typeof Source>;
