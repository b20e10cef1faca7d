// Shapes of the API responses the web application reads, as /api/openapi.json describes them.

export type Role = 'admin' | 'editor' | 'analyst' | 'intake_reviewer' | 'viewer';

export interface SessionInfo {
  user: { id: string; username: string; role: Role };
  csrfToken?: string;
  permittedActions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RecordMeta {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NameVariant {
  value: string;
  script?: string;
  lang?: string;
}

export interface StatusEntry {
  status: string;
  date?: string;
  sourceId?: string;
  note?: string;
}

export interface Person extends RecordMeta {
  names: NameVariant[];
  birthDate?: string;
  hometown?: string;
  unit?: string;
  rank?: string;
  employer?: string;
  exemptionGrounds?: string;
  statusHistory?: StatusEntry[];
  notes?: string;
  contacts?: Array<{ kind: string; value: string; note?: string }>;
}

export interface Case extends RecordMeta {
  title: string;
  summary?: string;
  status: string;
  confidentiality: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface Source extends RecordMeta {
  kind: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
  language?: string;
  reliability?: string;
  text?: string;
  sensitive?: boolean;
  mediaType?: string;
}

export interface Span {
  start: number;
  end: number;
  quote: string;
}

export interface MatchReason {
  code: string;
  weight: number;
  detail: string;
}

export interface Candidate {
  id: string;
  label: string;
  score: number;
  reasons: MatchReason[];
}

export type Decision = 'pending' | 'accept' | 'edit' | 'reject';

export interface DraftItem {
  id: string;
  kind: string;
  proposed: Record<string, unknown>;
  spans: Span[];
  decision: Decision;
  value?: Record<string, unknown>;
  matchId?: string;
  createNew?: boolean;
  candidates: Candidate[];
  suggestion: { matchId?: string; createNew?: boolean };
}

export interface Draft {
  id: string;
  sourceId: string;
  status: 'pending' | 'applied';
  version: number;
  createdAt: string;
  updatedAt: string;
  language: string;
  title: string | null;
  published: string | null;
  items: DraftItem[];
  result?: {
    caseId?: string;
    created: Record<string, string[]>;
    linked: Record<string, string[]>;
    claims: string[];
  };
}

export interface Extraction {
  sourceId: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'not_queued';
  draftId: string | null;
  attempts: number;
  runner: 'in-process' | 'pg-boss';
}

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  snippet: string;
  highlights: Array<[number, number]>;
  score: number;
  caseId?: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResults {
  items: SearchHit[];
  /** With facets or filters: the matches you may see, of the first 5000. */
  total?: number;
  complete?: boolean;
  facets?: Record<'type' | 'region' | 'act' | 'status', FacetCount[]>;
}

export interface Involvement extends RecordMeta {
  caseId: string;
  personId?: string;
  organizationId?: string;
  role: string;
  note?: string;
}

export interface Intervention extends RecordMeta {
  caseId?: string;
  recipientName: string;
  recipientId?: string;
  kind: string;
  status: string;
  sentOn?: string;
  deadline?: string;
}

export interface Recipient {
  id: string;
  kind: string;
  name: { ru: string; en: string };
  deadlineRuleIds: string[];
}

export interface DeadlineRule {
  id: string;
  label: { ru: string; en: string };
  citation: string;
}

export interface AppealAdvice {
  id: string;
  status: string;
  deadline: {
    due: string;
    citation: string;
    explanation: string;
    explanationRu: string;
    estimated: boolean;
  } | null;
  nextSteps: Array<{ id: string; label: { ru: string; en: string }; basis: string; letterType?: string }>;
}

export interface DueAppeal {
  id: string;
  caseId?: string;
  kind: string;
  recipient: string;
  status: string;
  daysLeft: number;
  deadline: { due: string; citation: string; explanation: string; explanationRu: string; estimated: boolean };
  nextSteps: Array<{ id: string; label: { ru: string; en: string } }>;
}

export interface DueList {
  today: string;
  timeZone: string;
  items: DueAppeal[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  collection: string;
  recordId: string;
}

export interface IntakeSubmission {
  id: string;
  version: number;
  receivedAt: string;
  status: 'new' | 'handled' | 'rejected';
  handledBy?: string;
  handledAt?: string;
  submission: {
    personName: string;
    birthDate?: string;
    lastKnownPlace?: string;
    unit?: string;
    whatHappened: string;
    contact: { name?: string; phone?: string; email?: string; messenger?: string };
    consent: true;
  };
}

export interface SiteFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    placeId: string;
    name: string;
    kind: string;
    region: string | null;
    country: string | null;
    period: string;
    persons: number | null;
    suppressed: boolean;
    caseIds: string[];
    actTypes: string[];
  };
}

export interface SiteCollection {
  type: 'FeatureCollection';
  features: SiteFeature[];
}

export interface ChronologyFact {
  claimId: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  field: string;
  value?: unknown;
}

/** One span of a source and every fact it states. */
export interface ChronologyEntry {
  claimId: string;
  date: string | null;
  dateSource: 'claim' | 'source' | 'none';
  facts: ChronologyFact[];
  quote: string;
  sourceId: string;
  sourceTitle: string;
}

export interface CaseOverview {
  case: Case;
  involvements: Array<{
    id: string;
    role: string;
    personId?: string;
    organizationId?: string;
    label: string;
    note?: string;
  }>;
  chronology: ChronologyEntry[];
  acts: Array<{
    id: string;
    type: string;
    status: string;
    dateFrom?: string;
    dateTo?: string;
    placeId?: string;
    placeName?: string;
    victimCount: number;
    corroboration: { sources: number; independentSources: number };
  }>;
  appeals: Array<{
    id: string;
    version: number;
    kind: string;
    recipientName: string;
    status: string;
    shownStatus: string;
    nextStatuses: string[];
    sentOn?: string;
    deadlineRule?: string;
    deadline?: string;
    daysLeft: number | null;
  }>;
  sources: Array<{
    id: string;
    title: string;
    kind: string;
    outlet?: string;
    published?: string;
    url?: string;
  }>;
  canEdit: boolean;
}

export interface PersonOverview {
  person: Person;
  statusHistory: Array<StatusEntry & { sourceTitle?: string }>;
  cases: Array<{ caseId: string; title: string; role: string; status: string }>;
  appeals: CaseOverview['appeals'];
  claims: ChronologyEntry[];
  sources: CaseOverview['sources'];
  canEdit: boolean;
}
