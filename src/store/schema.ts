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
  /** JSON of what the change was part of (`{ "import": id, "source": id }`); null for most. */
  context?: string | null;
  /** "change" or "note" for keyed (HMAC) entries; null for the unkeyed entries of older chains. */
  kind?: string | null;
}

export interface AuditHeadRow {
  id: number;
  seq: number;
  hash: string;
  /** HMAC of the head's number and hash under the audit key; null before the chain was keyed. */
  mac?: string | null;
}

export interface SearchEntryRow {
  id: Generated<number>;
  collection: string;
  record_id: string;
  title_terms: string;
  body_terms: string;
}

/** One facet value of a record (see domain/search-facets.ts), kept in step by the record writer. */
export interface FacetEntryRow {
  collection: string;
  record_id: string;
  facet: string;
  value: string;
}

/** One day range a record's dates cover, for date-range search. */
export interface DateEntryRow {
  collection: string;
  record_id: string;
  date_from: string;
  date_to: string;
}

export interface UserRow {
  id: string;
  username: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SourceFileRow {
  sha256: string;
  source_id: string;
  media_type: string;
  size: number;
  bytes: Buffer;
  created_at: string;
}

/** One page of a source read by OCR; `words` is JSON: [start, end, left, top, width, height, confidence][]. */
export interface OcrPageRow {
  source_id: string;
  page: number;
  width: number;
  height: number;
  rotation: number;
  confidence: number;
  words: string;
  created_at: string;
}

/** A message imported from a Telegram export (0015): which source holds it, and what it said. */
export interface TelegramMessageRow {
  chat_id: string;
  message_id: number;
  source_id: string;
  media_source_id: string | null;
  content_sha256: string;
  /** JSON of author, forward and reply; sealed for private chats and groups. */
  details: string;
  imported_at: string;
}

export interface StoryMemberRow {
  source_id: string;
  story_id: string;
  similarity: number;
  /** MinHash signature as JSON (array of unsigned 32-bit numbers). */
  signature: string;
  created_at: string;
}

export interface StoryBandRow {
  band: string;
  source_id: string;
}

export interface DraftRow {
  id: string;
  source_id: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** The draft's items and decisions as JSON. */
  doc: string;
}

export interface JobRow {
  id: string;
  kind: string;
  source_id: string;
  status: string;
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** A table import run as a background job (0018); `principal` is whose view it runs with. */
export interface TableImportJobRow {
  id: string;
  user_id: string;
  principal: string;
  kind: string;
  upload_sha256: string;
  sheet: string | null;
  mapping: string;
  plan_digest: string | null;
  status: string;
  phase: string;
  rows_done: number;
  rows_total: number;
  checkpoint_row: number;
  cancel_requested: number;
  locked_until: string | null;
  attempts: number;
  error: string | null;
  result: string | null;
  created_at: string;
  started_at: string | null;
  phase_started_at: string | null;
  updated_at: string;
}

/** One row of an import job's report, sealed (it names persons). */
export interface TableImportJobReportRow {
  job_id: string;
  row_number: number;
  outcome: string;
  sealed: string;
  /** A dry run's: what applying the row writes, sealed (0019); null for an apply's rows. */
  plan: string | null;
}

export interface GroupRow {
  id: string;
  name: string;
  created_at: string;
}

export interface GroupMemberRow {
  group_id: string;
  user_id: string;
}

export interface GrantRow {
  id: string;
  case_id: string;
  subject_kind: string;
  subject_id: string;
  access: string;
  created_at: string;
}

export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
}

/** Sign-in attempts of one account in its current lockout window (see session-starter). */
export interface LoginCounterRow {
  username_key: string;
  attempts: number;
  window_start: string;
}

/** Hits of one client (a digest of its address) on one rate-limited route in its current window. */
export interface RateWindowRow {
  bucket: string;
  client: string;
  window_start: string;
  hits: number;
}

export interface DataKeyRow {
  id: string;
  wrapped: string;
  created_at: string;
}

export interface IntakeRow {
  id: string;
  version: number;
  received_at: string;
  status: string;
  sealed: string;
  handled_by: string | null;
  handled_at: string | null;
}

export interface ExternalIdRow {
  collection: string;
  system: string;
  value: string;
  record_id: string;
}

/** The record an imported FollowTheMoney entity became (0014), per dataset (0016). */
export interface FtmIdRow {
  dataset: string;
  ftm_id: string;
  collection: string;
  record_id: string;
}

export interface TableMappingRow {
  id: string;
  name: string;
  version: number;
  /** The mapping as JSON. */
  doc: string;
  created_at: string;
  updated_at: string;
}

export interface TableUploadRow {
  user_id: string;
  sha256: string;
  /** The file name as uploaded, for the source's title. */
  name: string;
  size: number;
  /** The bytes, base64, sealed under the data key. */
  sealed: string;
  created_at: string;
}

export interface TableImportRow {
  id: string;
  system: string;
  source_id: string;
  actor: string;
  created_at: string;
  /** File, mapping and summary as JSON. */
  doc: string;
}

export interface TableImportRowRow {
  import_id: string;
  row_number: number;
  person_id: string;
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
  person_groups: RecordRow;
  refs: RefRow;
  audit_events: AuditRow;
  audit_head: AuditHeadRow;
  search_entries: SearchEntryRow;
  record_facets: FacetEntryRow;
  record_dates: DateEntryRow;
  users: UserRow;
  groups: GroupRow;
  group_members: GroupMemberRow;
  grants: GrantRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  login_counters: LoginCounterRow;
  rate_windows: RateWindowRow;
  data_keys: DataKeyRow;
  intake_submissions: IntakeRow;
  source_files: SourceFileRow;
  ocr_pages: OcrPageRow;
  story_members: StoryMemberRow;
  story_bands: StoryBandRow;
  drafts: DraftRow;
  jobs: JobRow;
  table_import_jobs: TableImportJobRow;
  table_import_job_rows: TableImportJobReportRow;
  external_ids: ExternalIdRow;
  ftm_ids: FtmIdRow;
  table_mappings: TableMappingRow;
  table_uploads: TableUploadRow;
  table_imports: TableImportRow;
  table_import_rows: TableImportRowRow;
  telegram_messages: TelegramMessageRow;
}

/** snake_case column name for a camelCase field ("sourceId" → "source_id"). */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
