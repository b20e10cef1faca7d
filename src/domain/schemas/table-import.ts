import { type Static, Type } from '@sinclair/typebox';
import { Id, oneOf } from './common.js';
import { Candidate, MatchReason } from './draft.js';
import { TableMapping } from './table-mapping.js';

export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'ambiguous', 'invalid', 'conflict'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** One field of a record as it is and as the row would make it. */
export const FieldChange = Type.Object(
  {
    field: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
    conflict: Type.Optional(
      Type.Boolean({
        description:
          "true: the stored value differs and is kept; the row's value is recorded only as a sourced claim, for a person to decide",
      }),
    ),
  },
  { additionalProperties: false, title: 'FieldChange' },
);
export type FieldChange = Static<typeof FieldChange>;

/** Why a row is invalid, ambiguous or in conflict, naming the column when one is to blame. */
export const RowProblem = Type.Object(
  {
    code: Type.String({ description: 'stable: not_a_date, unknown_status, no_name, duplicate_row, …' }),
    message: Type.String(),
    column: Type.Optional(Type.String()),
  },
  { additionalProperties: false, title: 'RowProblem' },
);
export type RowProblem = Static<typeof RowProblem>;

/** What importing one row of the table does (dry run) or did. */
export const ImportRow = Type.Object(
  {
    row: Type.Integer({ minimum: 1, description: 'the row number as the spreadsheet shows it' }),
    outcome: oneOf(ROW_OUTCOMES),
    label: Type.Optional(Type.String({ description: 'the name the row gives' })),
    personId: Type.Optional(Id),
    version: Type.Optional(
      Type.Integer({ description: "the matched person's version the plan was made on" }),
    ),
    match: Type.Optional(
      Type.Object(
        {
          by: oneOf(['external_id', 'resolution'] as const),
          score: Type.Optional(Type.Number()),
          reasons: Type.Optional(Type.Array(MatchReason)),
        },
        { additionalProperties: false },
      ),
    ),
    changes: Type.Optional(Type.Array(FieldChange)),
    problems: Type.Optional(Type.Array(RowProblem)),
    candidates: Type.Optional(Type.Array(Candidate)),
  },
  { additionalProperties: false, title: 'ImportRow' },
);
export type ImportRow = Static<typeof ImportRow>;

/** A person of the earlier import of the list whose row this version no longer has. */
export const AbsentRow = Type.Object(
  { personId: Id, label: Type.String(), row: Type.Integer({ description: 'his row in the earlier import' }) },
  { additionalProperties: false, title: 'AbsentRow' },
);
export type AbsentRow = Static<typeof AbsentRow>;

/** A unit, place or case the import creates, shared by the rows that name it. */
export const NewRelatedRecord = Type.Object(
  {
    collection: oneOf(['organizations', 'places', 'cases'] as const),
    label: Type.String(),
    rows: Type.Integer({ description: 'how many rows name it' }),
  },
  { additionalProperties: false, title: 'NewRelatedRecord' },
);
export type NewRelatedRecord = Static<typeof NewRelatedRecord>;

const count = Type.Integer({ minimum: 0 });

/** How the file was read. */
export const TableFileInfo = Type.Object(
  {
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    size: count,
    format: oneOf(['csv', 'xlsx'] as const),
    encoding: Type.Optional(Type.String({ description: 'CSV: utf-8, utf-16le, utf-16be or windows-1251' })),
    delimiter: Type.Optional(Type.String({ description: 'CSV: the field separator found' })),
    sheets: Type.Optional(Type.Array(Type.String(), { description: 'XLSX: every sheet of the workbook' })),
    sheet: Type.Optional(Type.String({ description: 'XLSX: the sheet read' })),
    rows: Type.Integer({ minimum: 0, description: 'rows of the table, headers included' }),
  },
  { additionalProperties: false, title: 'TableFileInfo' },
);
export type TableFileInfo = Static<typeof TableFileInfo>;

/**
 * What an import does (dry run) or did: per row created, updated with the field changes,
 * unchanged, ambiguous with the candidates, invalid or in conflict with the reason; persons of
 * the earlier import this version lacks; and the units, places and cases it creates.
 */
export const ImportReport = Type.Object(
  {
    dryRun: Type.Boolean(),
    system: Type.String(),
    file: TableFileInfo,
    summary: Type.Object(
      {
        rows: count,
        created: count,
        updated: count,
        unchanged: count,
        ambiguous: count,
        invalid: count,
        conflict: count,
        absent: count,
      },
      { additionalProperties: false },
    ),
    planDigest: Type.String({
      description: 'send it with the apply: if the data changed since this dry run, the apply is refused',
    }),
    previousImportId: Type.Optional(Id),
    importId: Type.Optional(Id),
    sourceId: Type.Optional(Id),
    rows: Type.Array(ImportRow),
    rowsOmitted: Type.Integer({
      minimum: 0,
      description: 'rows of the report left out by its filter and limit',
    }),
    absent: Type.Array(AbsentRow),
    newRecords: Type.Array(NewRelatedRecord),
  },
  { additionalProperties: false, title: 'ImportReport' },
);
export type ImportReport = Static<typeof ImportReport>;

/** The first rows of an uploaded table and a mapping suggested from its headers. */
export const TablePreview = Type.Object(
  {
    file: TableFileInfo,
    headers: Type.Array(Type.String()),
    rows: Type.Array(Type.Array(Type.String())),
    suggestedMapping: TableMapping,
  },
  { additionalProperties: false, title: 'TablePreview' },
);
export type TablePreview = Static<typeof TablePreview>;
