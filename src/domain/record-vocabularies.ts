/**
 * The closed lists of the data model's fields, as plain values: the schemas in ./schemas build
 * their enums from them, and the web application imports them for its choices. Pure on
 * purpose (no TypeBox, no node:*) so that the browser bundle can take them as they are.
 */

/** The collections of the data model. */
export const COLLECTION_NAMES = [
  'cases',
  'persons',
  'organizations',
  'places',
  'sources',
  'claims',
  'acts',
  'interventions',
  'involvements',
  'person_groups',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

export const NAME_SCRIPTS = ['cyrillic', 'latin', 'other'] as const;
export const NAME_LANGS = ['ru', 'uk', 'en', 'other'] as const;

export const PERSON_STATUSES = [
  'mobilized',
  'deployed',
  'refused',
  'detained',
  'released',
  'missing',
  'killed',
  'deserted',
  'unknown',
] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_SEXES = ['male', 'female', 'unknown'] as const;
export const CONTACT_KINDS = ['phone', 'email', 'address', 'messenger'] as const;

export const CASE_STATUSES = ['open', 'monitoring', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CONFIDENTIALITY_LEVELS = ['public', 'restricted', 'confidential'] as const;
export const CASE_RELATIONS = ['same_site', 'continuation', 'similar'] as const;

export const ACT_STATUSES = ['alleged', 'corroborated', 'confirmed', 'refuted'] as const;

export const CLAIM_SUBJECTS = [
  'case',
  'person',
  'organization',
  'place',
  'act',
  'intervention',
  'group',
] as const;

export const INVOLVEMENT_ROLES = [
  'victim',
  'perpetrator',
  'witness',
  'relative_of',
  'source',
  'legal_representative',
] as const;

export const INTERVENTION_KINDS = [
  'inquiry',
  'complaint',
  'crime_report',
  'petition',
  'tracing_request',
  'un_communication',
] as const;
export const INTERVENTION_CHANNELS = [
  'post',
  'online_reception',
  'email',
  'in_person',
  'fax',
  'other',
] as const;
export const INTERVENTION_STATUSES = [
  'draft',
  'sent',
  'registered',
  'answered',
  'overdue',
  'refused',
] as const;

export const PLACE_KINDS = ['settlement', 'detention_facility', 'base', 'training_ground', 'other'] as const;
export const COORDINATE_PRECISIONS = ['exact', 'settlement', 'district', 'region', 'unknown'] as const;

export const SOURCE_KINDS = [
  'news_report',
  'letter',
  'testimony',
  'phone_call',
  'official_reply',
  'document',
  'intake_submission',
  'spreadsheet',
] as const;
/** Admiralty scale for the reliability of a source: A completely reliable … F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export const DRAFT_STATUSES = ['pending', 'applied'] as const;
export const DRAFT_ITEM_KINDS = [
  'case',
  'place',
  'person',
  'organization',
  'act',
  'appeal',
  'count',
  'date',
  'reply',
] as const;
export type DraftItemKind = (typeof DRAFT_ITEM_KINDS)[number];
export const DRAFT_DECISIONS = ['pending', 'accept', 'edit', 'reject'] as const;

export const INTAKE_STATUSES = ['new', 'handled', 'rejected'] as const;
