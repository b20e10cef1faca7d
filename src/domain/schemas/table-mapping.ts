import { type Static, Type } from '@sinclair/typebox';
import { CONFIDENTIALITY_LEVELS, PERSON_STATUSES, RELIABILITY_GRADES } from '../record-vocabularies.js';
import { Id, oneOf, ShortText, Timestamp } from './common.js';

function columnRef(options: { title?: string; description?: string }) {
  return Type.Union(
    [
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'header text (case and spacing do not matter)',
      }),
      Type.Integer({ minimum: 1, maximum: 10_000, description: 'column number, counting from 1' }),
    ],
    options,
  );
}

/** A column of a table: its header text, or its number counting from 1. */
export const ColumnRef = columnRef({ title: 'ColumnRef' });
export type ColumnRef = Static<typeof ColumnRef>;

const column = (description: string) => Type.Optional(columnRef({ description }));

/** The fields a column can fill, in the order a report lists them. */
export const MAPPING_TARGETS = [
  'externalId',
  'fullName',
  'surname',
  'givenName',
  'patronymic',
  'otherNames',
  'birthDate',
  'hometown',
  'employer',
  'exemptionGrounds',
  'unit',
  'rank',
  'status',
  'statusDate',
  'lastContact',
  'detentionPlace',
  'detentionRegion',
  'case',
  'phone',
  'email',
  'address',
  'messenger',
] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

/** Which column fills which field of the person (and of his unit, place of detention and case). */
export const MappingColumns = Type.Object(
  {
    externalId: column('a stable id of the row in the list: the next version then updates the same person'),
    fullName: column('the whole name in one cell'),
    surname: column('surname, when the name is split over columns'),
    givenName: column('given name'),
    patronymic: column('patronymic'),
    otherNames: Type.Optional(
      Type.Array(ColumnRef, { maxItems: 10, description: 'the same name in other scripts or spellings' }),
    ),
    birthDate: column('date or year of birth'),
    hometown: column('where he lives or comes from'),
    employer: column('where he works'),
    exemptionGrounds: column('why he should not have been mobilized'),
    unit: column('military unit: matched to or created as an organization'),
    rank: column('military rank'),
    status: column('mobilized, detained, released… in the words of the list (see statusValues)'),
    statusDate: column('since when the status holds'),
    lastContact: column('when relatives last heard from him'),
    detentionPlace: column('where he is held: matched to existing places and the gazetteer'),
    detentionRegion: column(
      'the region (oblast) of the place of detention: decides between places of the same name',
    ),
    case: column('the case (its id or its title) he is a victim in'),
    phone: column('phone number (encrypted)'),
    email: column('e-mail address (encrypted)'),
    address: column('postal address (encrypted)'),
    messenger: column('messenger handle (encrypted)'),
  },
  { additionalProperties: false, title: 'MappingColumns' },
);
export type MappingColumns = Static<typeof MappingColumns>;

/**
 * How a table (CSV or XLSX) maps onto records: which column fills which field, how its words and
 * dates read, and which list it is a version of. Saved under a name, it is reused for the list's
 * next version.
 */
export const TableMapping = Type.Object(
  {
    system: Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'the list this table is a version of: its external ids, and the earlier import a new version is compared with, are kept under this name',
    }),
    sheet: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'XLSX: the sheet to read (default the first)',
      }),
    ),
    headerRow: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: 'the row holding the headers (default 1)' }),
    ),
    dateOrder: Type.Optional(
      oneOf(['dmy', 'mdy'] as const, 'how 01/02/2022 reads: day first (default) or month first'),
    ),
    columns: MappingColumns,
    statusValues: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 100 }), oneOf(PERSON_STATUSES), {
        description: 'words of the status column and the status each means, beside the built-in ones',
      }),
    ),
    defaultStatus: Type.Optional(oneOf(PERSON_STATUSES, 'the status of rows whose status cell is empty')),
    case: Type.Optional(
      Type.Object(
        {
          id: Type.Optional(Id),
          title: Type.Optional(ShortText),
          confidentiality: Type.Optional(
            oneOf(CONFIDENTIALITY_LEVELS, 'of cases the import creates (default restricted)'),
          ),
        },
        {
          additionalProperties: false,
          description: 'the case of rows whose case cell is empty, and how new cases are made',
        },
      ),
    ),
    credibility: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 6, description: 'of the claims made from the cells (default 3)' }),
    ),
    reliability: Type.Optional(oneOf(RELIABILITY_GRADES, 'of the list as a source, Admiralty scale A–F')),
  },
  { additionalProperties: false, title: 'TableMapping' },
);
export type TableMapping = Static<typeof TableMapping>;

/** A mapping saved under a name, to be reused for the next version of the list. */
export const SavedMapping = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    mapping: TableMapping,
  },
  { additionalProperties: false, title: 'SavedMapping' },
);
export type SavedMapping = Static<typeof SavedMapping>;
