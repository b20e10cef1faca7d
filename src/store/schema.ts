import type { Generated } from 'kysely';

/** Columns every collection table has; filter columns are added per collection (see collections.ts). */
export interface RecordRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** The record's fields as JSON text. */
  doc: string;
  [filterColumn: string]: string | number | null;
}

export interface RefRow {
  from_collection: string;
  from_id: string;
  field: string;
  to_collection: string;
  to_id: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  collection: string;
  record_id: string;
  before_doc: string | null;
  after_doc: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadRow {
  id: number;
  seq: number;
  hash: string;
}

export interface SearchEntryRow {
  id: Generated<number>;
  collection: string;
  record_id: string;
  title_terms: string;
  body_terms: string;
}

/** The database as Kysely sees it. Collection tables share RecordRow. */
export interface Database {
  cases: RecordRow;
  persons: RecordRow;
  organizations: RecordRow;
  places: RecordRow;
  sources: RecordRow;
  claims: RecordRow;
  acts: RecordRow;
  interventions: RecordRow;
  involvements: RecordRow;
  refs: RefRow;
  audit_events: AuditRow;
  audit_head: AuditHeadRow;
  search_entries: SearchEntryRow;
}

/** snake_case column name for a camelCase field ("sourceId" → "source_id"). */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
