/**
 * Controlled vocabularies shared by extraction, storage, the API and exports. The act list is
 * the one in the extraction contract (shared/contracts/extraction.schema.json); keep them equal.
 */

export const ACT_TYPES = [
  'arbitrary_detention',
  'incommunicado_detention',
  'enforced_disappearance',
  'threat_of_execution',
  'threat_of_violence',
  'torture',
  'beating',
  'ill_treatment',
  'denial_of_food',
  'denial_of_water',
  'denial_of_hygiene',
  'denial_of_medical_care',
  'forced_return_to_combat',
  'forced_labour',
  'unlawful_mobilization',
  'mobilization_despite_exemption',
  'inadequate_training',
  'extortion',
  'confiscation_of_documents_or_phones',
  'extrajudicial_killing',
  'criminal_prosecution',
  'pressure_to_withdraw_refusal',
] as const;
export type ActType = (typeof ACT_TYPES)[number];

/** Acts that mean a person was held at the act's place: the site counts and a case's period rest on them. */
export const DETENTION_ACTS = [
  'arbitrary_detention',
  'incommunicado_detention',
] as const satisfies readonly ActType[];

export const LANGUAGES = ['en', 'ru', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Roles of a named person in a report (extraction) — the contract's list. */
export const PERSON_ROLES_IN_REPORT = [
  'detainee',
  'relative',
  'perpetrator',
  'official',
  'lawyer',
  'journalist',
  'other',
] as const;

export const ORGANIZATION_KINDS = [
  'state_body',
  'military',
  'military_unit',
  'armed_group',
  'company',
  'media',
  'ngo',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Who sent an appeal, as extraction reports it. */
export const APPEAL_SENDERS = ['relatives', 'lawyer', 'detainees', 'ngo', 'other'] as const;
/** What came of an appeal, as extraction reports it. */
export const APPEAL_OUTCOMES = ['sent', 'no_reply', 'answered', 'refused', 'unknown'] as const;

/** What an official reply says became of the appeal it answers. */
export const REPLY_OUTCOMES = [
  'answered',
  'forwarded',
  'extended',
  'refused',
  'check_under_way',
  'other',
] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

/** The formats one export pipeline presents a selection in (the public formats are apart). */
export const EXPORT_FORMATS = ['json', 'csv', 'zip', 'geojson', 'ftm', 'uwazi'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
