import type { IsoDate } from '../deadlines/iso-date.js';

/** The letters Vigil writes; Russian unless noted (see `letterLanguage`). */
export const LETTER_TYPES = [
  'inquiry_whereabouts',
  'crime_report',
  'complaint_inaction',
  'ombudsman_request',
  'icrc_tracing_request',
  'un_wgad_urgent_action',
  'crime_report_uk',
  'ombudsman_request_uk',
  'prosecutor_statement_uk',
] as const;
export type LetterType = (typeof LETTER_TYPES)[number];

/** The files a letter is rendered as. */
export const LETTER_FORMATS = ['text', 'pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/** The languages letters are written in. */
export type LetterLanguage = 'ru' | 'en' | 'uk';

/** Letters in English. */
export const ENGLISH_LETTERS: readonly LetterType[] = ['icrc_tracing_request', 'un_wgad_urgent_action'];

/** Letters in Ukrainian, to Ukrainian bodies. */
export const UKRAINIAN_LETTERS: readonly LetterType[] = [
  'crime_report_uk',
  'ombudsman_request_uk',
  'prosecutor_statement_uk',
];

/** The language a letter type is written in: English or Ukrainian where listed, else Russian. */
export function letterLanguage(type: LetterType): LetterLanguage {
  if (ENGLISH_LETTERS.includes(type)) return 'en';
  return UKRAINIAN_LETTERS.includes(type) ? 'uk' : 'ru';
}

/** Who writes: a relative, a lawyer or an organisation. */
export interface LetterSender {
  fullName: string;
  /** Latin spelling, for the English letters. */
  fullNameLatin?: string;
  postalAddress: string;
  email?: string;
  phone?: string;
  /** Relation to the persons concerned, in the letter's language ("мать", "адвокат", "mother"). */
  relation: string;
  relationEn?: string;
  /** For a lawyer or representative: the document that gives the authority (ордер, доверенность). */
  authority?: string;
}

/** An addressee as the recipients directory gives it, reduced to what a letter prints. */
export interface LetterRecipient {
  id: string;
  /** Dative form for the header: "Главному военному прокурору". */
  addressee: string;
  name: string;
  postalAddress?: string;
}

/** A person the letter is about. */
export interface PersonConcerned {
  fullName: string;
  fullNameLatin: string;
  birthDate?: IsoDate;
  /** When only the year is known. */
  birthYear?: number;
  rank?: string;
  unit?: string;
  /** e.g. "мобилизован 23.09.2022 Ленинским РВК г. Саратова". */
  service?: string;
  places: string[];
  /** Current known status in plain words ("удерживается в подвале", "missing"). */
  status: string;
  statusEn?: string;
  /** Exemption or other grounds (e.g. бронь as a defence-industry employee). */
  notes?: string;
}

/** One fact with its source (and its date when the source gives one): every fact must be traceable. */
export interface DatedFact {
  /** The date of the event; never the date the source was published. */
  date?: IsoDate;
  text: string;
  textEn?: string;
  sourceTitle: string;
  sourceUrl?: string;
  /** Other sources stating the same sentence (a reprint, a repost): cited with it, not listed again. */
  alsoIn?: Array<{ sourceTitle: string; sourceUrl?: string }>;
}

/** An earlier appeal and what came of it. */
export interface EarlierAppeal {
  /** The body, in the case the letter needs: after "обращение в" (accusative) in Russian, after "звернення до" (genitive) in Ukrainian. */
  recipient: string;
  /** Unknown when the source says an appeal was made but not when. */
  sentOn?: IsoDate;
  /** The sending date is inferred (a report's publication date): the appeal was sent by then. */
  sentOnEstimated?: boolean;
  outcome: string;
  reference?: string;
}

/**
 * What the case says happened, in the letter's language, for the sentences of the circumstances:
 * who (the persons above and how many are held), where, since when, by whom, what was done.
 */
export interface CaseCircumstances {
  /** How many are held, as the case's groups or its sources count them. */
  heldCount?: number;
  /** Descriptions of groups of unnamed detainees ("мобилизованные, отказавшиеся …"). */
  groups?: string[];
  /**
   * Where they are held, each as a phrase after "в" in Russian ("населённом пункте Завитне Бажання
   * (Донецкая область)"); in Ukrainian with its own preposition ("у населеному пункті …", "на полігоні …").
   */
  sites: string[];
  /** Since when: the earliest date an act of the case starts, as the letter writes it. */
  since?: string;
  /** Other dates the sources name for the events, as the letter writes them. */
  dates?: string[];
  /** Units and commanders responsible, as the letter names them. */
  perpetrators: string[];
  /** What was done, as noun phrases ("незаконное лишение свободы"). */
  acts: string[];
  /** The sources the facts come from, each as one reference. */
  sources: string[];
}

/** Everything a letter is filled from; built by the app layer from the case record. */
export interface LetterContext {
  sender: LetterSender;
  recipient: LetterRecipient;
  persons: PersonConcerned[];
  facts: DatedFact[];
  circumstances?: CaseCircumstances;
  earlierAppeals: EarlierAppeal[];
  today: IsoDate;
  caseReference: string;
  /** Free text the case worker adds to the requests. */
  additionalRequests?: string[];
  attachments?: string[];
}
