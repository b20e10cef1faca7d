import { Type } from '@sinclair/typebox';
import { Id, oneOf } from '../../domain/schemas/common.js';
import { ROW_OUTCOMES, TableFileInfo } from '../../domain/schemas/table-import.js';
import { TableMapping } from '../../domain/schemas/table-mapping.js';

export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the uploaded file' });

const request = {
  upload: Sha256,
  mapping: Type.Optional(TableMapping),
  mappingName: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'a saved mapping, by name' }),
  ),
  sheet: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'XLSX: the sheet to read' })),
  outcomes: Type.Optional(
    Type.Array(oneOf(ROW_OUTCOMES), { maxItems: 6, description: 'report only these rows' }),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10_000, default: 1000, description: 'rows of the report' }),
  ),
};

/** A dry run of an uploaded table with a mapping (given, or saved under a name). */
export const DryRunRequest = Type.Object(request, {
  additionalProperties: false,
  title: 'TableDryRunRequest',
});

/** The apply of an uploaded table; `planDigest` from the dry run refuses it if anything changed since. */
export const ApplyRequest = Type.Object(
  {
    ...request,
    planDigest: Type.Optional(
      Type.String({
        pattern: '^[0-9a-f]{64}$',
        description: 'the dry run’s planDigest: refuse if the plan differs',
      }),
    ),
  },
  { additionalProperties: false, title: 'TableImportRequest' },
);

export const ImportRecordView = Type.Object(
  {
    id: Id,
    system: Type.String(),
    sourceId: Id,
    actor: Type.String(),
    createdAt: Type.String(),
    file: TableFileInfo,
  },
  { additionalProperties: false, title: 'TableImportRecord' },
);

export const MappingBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), mapping: TableMapping },
  { additionalProperties: false, title: 'SavedMappingInput' },
);

export const MappingPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version you last read; a stale one gets 409' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    mapping: Type.Optional(TableMapping),
  },
  { additionalProperties: false, title: 'SavedMappingPatch' },
);

const { outcomes, offset, limit, ...jobRequest } = request;

/** A dry run or an apply queued as a background job. */
export const ImportJobRequest = Type.Object(
  {
    ...jobRequest,
    kind: oneOf(['dry_run', 'apply'] as const),
    planDigest: Type.Optional(
      Type.String({
        pattern: '^[0-9a-f]{64}$',
        description: 'apply: the dry run’s planDigest; the job fails if the plan differs',
      }),
    ),
  },
  { additionalProperties: false, title: 'TableImportJobRequest' },
);

const ImportSummary = Type.Object(
  Object.fromEntries(
    ['rows', 'created', 'updated', 'unchanged', 'ambiguous', 'invalid', 'conflict', 'absent'].map((k) => [
      k,
      Type.Integer({ minimum: 0 }),
    ]),
  ),
);

/** A table import job and its progress. */
export const ImportJobView = Type.Object(
  {
    id: Id,
    kind: oneOf(['dry_run', 'apply'] as const),
    status: oneOf(['queued', 'running', 'done', 'failed', 'cancelled'] as const),
    upload: Sha256,
    progress: Type.Object({
      phase: oneOf(['planning', 'applying'] as const),
      rowsDone: Type.Integer({ minimum: 0 }),
      rowsTotal: Type.Integer({ minimum: 0 }),
      percent: Type.Number({ minimum: 0, maximum: 100, description: 'of the whole job' }),
      rowsPerSecond: Type.Number({ minimum: 0, description: 'rows of the current phase per second' }),
      etaSeconds: Type.Optional(Type.Integer({ minimum: 0, description: 'time left at the current rate' })),
    }),
    createdAt: Type.String(),
    startedAt: Type.Optional(Type.String()),
    updatedAt: Type.String(),
    error: Type.Optional(Type.String({ description: 'the kind of failure' })),
    summary: Type.Optional(ImportSummary),
    planDigest: Type.Optional(Type.String()),
    importId: Type.Optional(Id),
    sourceId: Type.Optional(Id),
    planReused: Type.Optional(
      Type.Boolean({ description: 'an apply that wrote the plan of its dry run instead of planning again' }),
    ),
  },
  { additionalProperties: false, title: 'TableImportJob' },
);

export const ImportJobReportQuery = Type.Object(
  {
    outcomes: Type.Optional(Type.String({ description: 'report only these outcomes, comma-separated' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
  },
  { additionalProperties: false },
);
