// Shapes of the table import API (/api/table-imports, /api/table-mappings), as /api/openapi.json
// describes them (src/domain/schemas/table-import.ts and table-mapping.ts on the server).
import type { Candidate, MatchReason } from './types';

/** A column of the table: its header text, or its number counting from 1. */
export type ColumnRef = string | number;

/** The fields a column can fill, in the order the server lists them. */
export const SINGLE_TARGETS = [
  'externalId',
  'fullName',
  'surname',
  'givenName',
  'patronymic',
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
export type SingleTarget = (typeof SINGLE_TARGETS)[number];

export type MappingColumns = Partial<Record<SingleTarget, ColumnRef>> & { otherNames?: ColumnRef[] };

export interface TableMapping {
  system: string;
  sheet?: string;
  headerRow?: number;
  dateOrder?: 'dmy' | 'mdy';
  columns: MappingColumns;
  statusValues?: Record<string, string>;
  defaultStatus?: string;
  case?: { id?: string; title?: string; confidentiality?: string };
  credibility?: number;
  reliability?: string;
}

export interface SavedMapping {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  mapping: TableMapping;
}

export interface TableFileInfo {
  sha256: string;
  size: number;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  sheets?: string[];
  sheet?: string;
  rows: number;
}

export interface TablePreview {
  file: TableFileInfo;
  headers: string[];
  rows: string[][];
  suggestedMapping: TableMapping;
}

export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'ambiguous', 'invalid', 'conflict'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RowProblem {
  code: string;
  message: string;
  column?: string;
}

export interface ImportRow {
  row: number;
  outcome: RowOutcome;
  label?: string;
  personId?: string;
  version?: number;
  match?: { by: 'external_id' | 'resolution'; score?: number; reasons?: MatchReason[] };
  changes?: FieldChange[];
  problems?: RowProblem[];
  candidates?: Candidate[];
}

export interface ImportReport {
  dryRun: boolean;
  system: string;
  file: TableFileInfo;
  summary: Record<RowOutcome | 'rows' | 'absent', number>;
  planDigest: string;
  previousImportId?: string;
  importId?: string;
  sourceId?: string;
  rows: ImportRow[];
  rowsOmitted: number;
  absent: Array<{ personId: string; label: string; row: number }>;
  newRecords: Array<{ collection: 'organizations' | 'places' | 'cases'; label: string; rows: number }>;
}

/** A dry run or an apply running as a background job (/api/table-imports/jobs). */
export interface ImportJob {
  id: string;
  kind: 'dry_run' | 'apply';
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  upload: string;
  progress: {
    phase: 'planning' | 'applying';
    rowsDone: number;
    rowsTotal: number;
    percent: number;
    rowsPerSecond: number;
    etaSeconds?: number;
  };
  createdAt: string;
  startedAt?: string;
  updatedAt: string;
  error?: string;
  summary?: ImportReport['summary'];
  importId?: string;
  sourceId?: string;
}
