import type { ActType, Language, ReplyOutcome } from '../domain/vocabularies.js';

/** A UTF-16 range of the clean text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface DetentionSite {
  name: string;
  canonical: string | null;
  region: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  gazetteerId: string | null;
  spans: Span[];
  explain?: string[];
}

export type PersonRole =
  | 'detainee'
  | 'relative'
  | 'perpetrator'
  | 'official'
  | 'lawyer'
  | 'journalist'
  | 'other';

export interface PersonItem {
  name: string;
  role: PersonRole;
  age: number | null;
  spans: Span[];
  explain?: string[];
}

export type ExtractedOrgKind =
  | 'state_body'
  | 'military'
  | 'armed_group'
  | 'company'
  | 'media'
  | 'ngo'
  | 'other';

export interface OrganizationItem {
  name: string;
  kind: ExtractedOrgKind;
  spans: Span[];
  explain?: string[];
}

export interface UnitItem {
  name: string;
  spans: Span[];
  explain?: string[];
}

export interface DateItem {
  date: string;
  text: string;
  spans: Span[];
  explain?: string[];
}

export interface ActItem {
  type: ActType;
  spans: Span[];
  explain?: string[];
}

export interface AppealItem {
  to: string;
  by: 'relatives' | 'lawyer' | 'detainees' | 'ngo' | 'other';
  status: 'sent' | 'no_reply' | 'answered' | 'refused' | 'unknown';
  /** When it was sent: the date its sentence gives, else the publication date (then estimated). */
  date?: string;
  /** True when the text gives no full date: `date` is the publication date or a month's first day. */
  dateEstimated?: boolean;
  spans: Span[];
  explain?: string[];
}

export { REPLY_OUTCOMES, type ReplyOutcome } from '../domain/vocabularies.js';

/** A value read from a reply, with the spans that state it. */
export interface Stated<T = string> {
  value: T;
  spans: Span[];
}

/** An official reply to an appeal, recognised in a letter (see the extraction contract's `reply`). */
export interface ReplyItem {
  /** The body that answers, as its letterhead writes it. */
  from: { name: string; spans: Span[] } | null;
  outgoingNumber: Stated | null;
  /** YYYY-MM-DD of the reply. */
  date: Stated | null;
  answersTo: {
    date: Stated | null;
    number: Stated | null;
    /** The appellant (the addressee) as the reply writes the name, often in the dative. */
    appellant: { name: string; spans: Span[] } | null;
  };
  outcome: Stated<ReplyOutcome>;
  /** Where a forwarded appeal went, as written. */
  forwardedTo: { name: string; spans: Span[] } | null;
  /** YYYY-MM-DD of the extended term, when the reply states it. */
  newDeadline: Stated | null;
}

/** The extraction of one report (shared/contracts/extraction.schema.json). */
export interface Extraction {
  language: Language;
  title: string | null;
  published: string | null;
  text: string;
  detentionSites: DetentionSite[];
  detainedCount: { value: number; spans: Span[]; explain?: string[] } | null;
  persons: PersonItem[];
  organizations: OrganizationItem[];
  units: UnitItem[];
  dates: DateItem[];
  acts: ActItem[];
  appeals: AppealItem[];
  /** Present only when the text is an official reply to an appeal. */
  reply?: ReplyItem;
}
