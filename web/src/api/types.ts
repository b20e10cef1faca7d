// Shapes of the API responses the web application reads. They come from the server's own
// definitions by type-only imports, so a change on the server breaks this typecheck instead of
// drifting; nothing of the server reaches the bundle.

import type { Static } from '@sinclair/typebox';
import type { DraftItemView, DraftView } from '../../../src/domain/schemas/draft';
import type { ExtractionStatus } from '../../../src/domain/schemas/extraction-status';
import type { Person } from '../../../src/domain/schemas/person';
import type { CaseListItem as CaseListItemSchema } from '../../../src/http/presenters/case-presenter';
import type {
  AppealAdvice as AppealAdviceSchema,
  DeadlineRuleView,
  DueList as DueListSchema,
  Recipient as RecipientSchema,
} from '../../../src/http/routes/appeal-schemas';

export type { Role } from '../../../src/domain/roles';
export type { Act } from '../../../src/domain/schemas/act';
export type { Case } from '../../../src/domain/schemas/case';
export type { Claim } from '../../../src/domain/schemas/claim';
export type { Candidate, MatchReason, QuotedSpan as Span } from '../../../src/domain/schemas/draft';
export type { IntakeSubmission } from '../../../src/domain/schemas/intake';
export type { Intervention } from '../../../src/domain/schemas/intervention';
export type { Involvement } from '../../../src/domain/schemas/involvement';
export type { Organization } from '../../../src/domain/schemas/organization';
export type {
  CaseOverview,
  ChronologyEntry,
  ChronologyFact,
  PersonOverview,
} from '../../../src/domain/schemas/overview';
export type { Person } from '../../../src/domain/schemas/person';
export type { Place } from '../../../src/domain/schemas/place';
export type { FacetCount, SearchHit, SearchResults } from '../../../src/domain/schemas/search-results';
export type { Source } from '../../../src/domain/schemas/source';
export type { AuditEntry } from '../../../src/http/routes/audit-schemas';
export type { SessionInfo } from '../../../src/http/routes/session-schemas';

/** A case in GET /api/cases: with the period its detention acts span. */
export type CaseListItem = Static<typeof CaseListItemSchema>;

/** One page of a collection list (GET /api/<collection>). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fields every stored record carries, set by the server. */
export type RecordMeta = Pick<Person, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export type NameVariant = Person['names'][number];
export type StatusEntry = NonNullable<Person['statusHistory']>[number];

export type DraftItem = DraftItemView;
export type Decision = DraftItem['decision'];
export type Draft = DraftView;

export type Extraction = ExtractionStatus;

export type Recipient = Static<typeof RecipientSchema>;
export type DeadlineRule = Static<typeof DeadlineRuleView>;
export type AppealAdvice = Static<typeof AppealAdviceSchema>;
export type DueList = Static<typeof DueListSchema>;
export type DueAppeal = DueList['items'][number];

export interface SiteFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    placeId: string;
    name: string;
    /** The place's name per interface language, where the gazetteer has it. */
    names?: Partial<Record<'en' | 'ru' | 'uk', string>>;
    kind: string;
    region: string | null;
    country: string | null;
    period: string;
    persons: number | null;
    suppressed: boolean;
    caseIds: string[];
    /** The titles of caseIds, in the same order. */
    caseTitles: string[];
    actTypes: string[];
  };
}

export interface SiteCollection {
  type: 'FeatureCollection';
  features: SiteFeature[];
}
